import { FeelFunction, Scope, toJs, type FeelValue } from '@operon/feel';
import type { DecisionAudit } from './decision-audit';
import { serviceFunction } from './decision-service';
import type { DmnEnv } from './dmn-env';
import type { Requirements } from './dmn-model';
import { coerceToType, fromJsonForType } from './item-type';
import { instanceKey, referencedInstance, type ModelInstance } from './model-instance';

/**
 * One evaluation of a decision requirements graph: decisions are evaluated at most once, in
 * dependency order (each before the decisions that require it), within a shared environment.
 */
export class DrgEvaluation {
  private readonly decisionValues = new Map<string, FeelValue>();
  private readonly functions = new Map<string, FeelFunction>();
  private readonly active = new Set<string>();

  constructor(
    readonly env: DmnEnv,
    readonly audits: DecisionAudit[],
    seeded: ReadonlyMap<string, FeelValue> = new Map(),
  ) {
    for (const [key, value] of seeded) this.decisionValues.set(key, value);
  }

  decision(instance: ModelInstance, id: string): FeelValue {
    const key = instanceKey(instance, id);
    if (this.decisionValues.has(key)) return this.decisionValues.get(key) ?? null;
    const node = instance.model.decisions.get(id);
    if (node === undefined) {
      this.env.errors.push(`no decision '${id}'`);
      return null;
    }
    if (this.active.has(key)) {
      this.env.errors.push(`decision '${node.name}' requires itself`);
      return null;
    }
    this.active.add(key);
    const visible = this.visibleValues(instance, node.requirements);
    const savedRules = this.env.matchedRules;
    const errorsBefore = this.env.errors.length;
    this.env.matchedRules = [];
    const raw = node.logic(new Scope(visible), this.env);
    const value = coerceToType(raw, node.type, this.env, `decision '${node.name}'`);
    this.audits.push({
      decisionId: node.id,
      decisionName: node.name,
      namespace: instance.model.namespace,
      inputs: Object.fromEntries(
        [...visible]
          .filter(([, entry]) => !(entry instanceof FeelFunction))
          .map(([name, entry]) => [name, toJs(entry)]),
      ),
      matchedRules: this.env.matchedRules,
      output: toJs(value),
      errors: this.env.errors.slice(errorsBefore),
    });
    this.env.matchedRules = savedRules;
    this.active.delete(key);
    this.decisionValues.set(key, value);
    return value;
  }

  private inputValue(instance: ModelInstance, id: string): { name: string; value: FeelValue } | undefined {
    const node = instance.model.inputs.get(id);
    if (node === undefined) return undefined;
    const given = fromJsonForType(instance.inputs.get(node.name) ?? null, node.type);
    return { name: node.name, value: coerceToType(given, node.type, this.env, `input '${node.name}'`) };
  }

  private visibleValues(instance: ModelInstance, requirements: Requirements): Map<string, FeelValue> {
    const values = new Map<string, FeelValue>();
    const place = (prefix: string | undefined, name: string, value: FeelValue): void => {
      if (prefix === undefined) {
        values.set(name, value);
        return;
      }
      const existing = values.get(prefix);
      const group =
        existing instanceof Map ? new Map(existing as Map<string, FeelValue>) : new Map<string, FeelValue>();
      group.set(name, value);
      values.set(prefix, group);
    };
    // Camunda-style models declare no input data: the caller's variables are visible directly,
    // as Camunda's DMN engines allow. Models with input data see only what they require (the spec).
    if (instance.model.inputs.size === 0) for (const [name, value] of instance.inputs) values.set(name, value);
    for (const reference of requirements.inputs) {
      const target = referencedInstance(instance, reference);
      const input = target && this.inputValue(target.instance, reference.id);
      if (target !== undefined && input !== undefined) place(target.prefix, input.name, input.value);
    }
    for (const reference of requirements.decisions) {
      const target = referencedInstance(instance, reference);
      const node = target?.instance.model.decisions.get(reference.id);
      if (target !== undefined && node !== undefined)
        place(target.prefix, node.name, this.decision(target.instance, reference.id));
    }
    for (const reference of requirements.knowledge) {
      const target = referencedInstance(instance, reference);
      const fn = target && this.knowledge(target.instance, reference.id);
      if (target !== undefined && fn !== undefined) place(target.prefix, fn.name, fn);
    }
    return values;
  }

  /** A business knowledge model or a decision service, as a function value. */
  knowledge(instance: ModelInstance, id: string): FeelFunction | undefined {
    const key = instanceKey(instance, id);
    const cached = this.functions.get(key);
    if (cached !== undefined) return cached;
    const bkm = instance.model.knowledgeModels.get(id);
    const service = instance.model.services.get(id);
    if (bkm !== undefined) {
      // A BKM that (indirectly) requires itself sees a function that defers to the one being built.
      const slot: { built?: FeelFunction } = {};
      this.functions.set(
        key,
        new FeelFunction(bkm.name, [
          { parameters: [], variadic: true, invoke: (args, env) => slot.built?.call(args, env) ?? null },
        ]),
      );
      const built = bkm.build(new Scope(this.visibleValues(instance, bkm.requirements)));
      slot.built = built;
      this.functions.set(key, built);
      return built;
    }
    if (service === undefined) return undefined;
    const fn = serviceFunction(instance, service, (seeded) => new DrgEvaluation(this.env, this.audits, seeded));
    this.functions.set(key, fn);
    return fn;
  }
}
