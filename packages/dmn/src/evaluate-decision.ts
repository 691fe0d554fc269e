import { clockInstant, fromJs, toJs, type FeelType, type FeelValue } from '@operon/feel';
import { feelTypeOf } from './item-type';
import type { DmnEnv } from './dmn-env';
import type { DmnModel } from './dmn-model';
import { invokeService } from './decision-service';
import type { DecisionAudit } from './decision-audit';
import { DrgEvaluation } from './drg-evaluation';
import { rootInstance, type ModelInstance } from './model-instance';

export interface EvaluationOptions {
  /** The clock, in milliseconds since the epoch, for `now()` and `today()`. */
  readonly now?: number;
  /** Inputs of imported models, by their namespace. */
  readonly importedInputs?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface DecisionResult {
  /** The decision's value as plain JSON data (numbers, strings, ISO 8601 dates, objects, arrays). */
  readonly value: unknown;
  /** The same value as a FEEL value (decimals, dates and durations kept exact). */
  readonly feelValue: FeelValue;
  /** One record per decision evaluated, requirements first. */
  readonly decisions: readonly DecisionAudit[];
  /** Evaluation errors: each made some value null, as the DMN specification says. */
  readonly errors: readonly string[];
}

function instanceOf(
  model: DmnModel,
  variables: Readonly<Record<string, unknown>>,
  options: EvaluationOptions,
): ModelInstance {
  const convert = (values: Readonly<Record<string, unknown>> | undefined): ReadonlyMap<string, FeelValue> =>
    new Map(Object.entries(values ?? {}).map(([name, value]) => [name, fromJs(value)]));
  const cache = new Map<string, ReadonlyMap<string, FeelValue>>();
  const byNamespace = (namespace: string): ReadonlyMap<string, FeelValue> => {
    let values = cache.get(namespace);
    if (values === undefined) {
      values = convert(options.importedInputs?.[namespace]);
      cache.set(namespace, values);
    }
    return values;
  };
  return rootInstance(model, convert(variables), byNamespace);
}

function typeResolver(model: DmnModel): (name: string) => FeelType | undefined {
  return (name) => {
    const local = model.types.get(name);
    if (local !== undefined) return feelTypeOf(local);
    for (const { name: prefix, model: imported } of model.imports.values()) {
      const type = name.startsWith(`${prefix}.`) ? imported.types.get(name.slice(prefix.length + 1)) : undefined;
      if (type !== undefined) return feelTypeOf(type);
    }
    return undefined;
  };
}

function environment(model: DmnModel, options: EvaluationOptions): DmnEnv {
  const now = options.now === undefined ? undefined : clockInstant(options.now);
  return { errors: [], now, matchedRules: [], resolveType: typeResolver(model) };
}

function findByIdOrName<T extends { readonly id: string; readonly name: string }>(
  nodes: ReadonlyMap<string, T>,
  idOrName: string,
): T | undefined {
  return nodes.get(idOrName) ?? [...nodes.values()].find((node) => node.name === idOrName);
}

function result(feelValue: FeelValue, env: DmnEnv, decisions: readonly DecisionAudit[]): DecisionResult {
  return { value: toJs(feelValue), feelValue, decisions, errors: env.errors };
}

/** The last line of defence: a bug or a runaway recursion is an error and null, never an exception. */
function guarded(env: DmnEnv, audits: readonly DecisionAudit[], evaluate: () => FeelValue): DecisionResult {
  try {
    return result(evaluate(), env, audits);
  } catch (error) {
    env.errors.push(`evaluation failed: ${error instanceof Error ? error.message : String(error)}`);
    return result(null, env, audits);
  }
}

/**
 * Evaluates a decision (by id or name) and the decisions it requires. Never throws: an
 * evaluation error makes a value null and is listed in `errors`.
 */
export function evaluateDecision(
  model: DmnModel,
  decision: string,
  variables: Readonly<Record<string, unknown>>,
  options: EvaluationOptions = {},
): DecisionResult {
  const env = environment(model, options);
  const node = findByIdOrName(model.decisions, decision);
  if (node === undefined) {
    env.errors.push(`no decision '${decision}' in model '${model.name}'`);
    return result(null, env, []);
  }
  const audits: DecisionAudit[] = [];
  const evaluation = new DrgEvaluation(env, audits);
  return guarded(env, audits, () => evaluation.decision(instanceOf(model, variables, options), node.id));
}

/** Evaluates a decision service (by id or name); `variables` name its input data and input decisions. */
export function evaluateDecisionService(
  model: DmnModel,
  service: string,
  variables: Readonly<Record<string, unknown>>,
  options: EvaluationOptions = {},
): DecisionResult {
  const env = environment(model, options);
  const node = findByIdOrName(model.services, service);
  if (node === undefined) {
    env.errors.push(`no decision service '${service}' in model '${model.name}'`);
    return result(null, env, []);
  }
  const audits: DecisionAudit[] = [];
  const instance = instanceOf(model, variables, options);
  const evaluations = (seeded: ReadonlyMap<string, FeelValue>): DrgEvaluation => new DrgEvaluation(env, audits, seeded);
  return guarded(env, audits, () => invokeService(instance, node, instance.inputs, env, evaluations));
}
