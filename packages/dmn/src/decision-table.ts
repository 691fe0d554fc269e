import { Decimal, Scope, type CompiledExpression, type CompiledUnaryTests, type FeelValue } from '@operon/feel';
import { feelExpression, feelUnaryTests, type BuildContext } from './build-context';
import { diagnostic, DmnDiagnosticCode } from './dmn-diagnostic';
import type { BoxedEvaluator } from './dmn-env';
import {
  applyHitPolicy,
  HIT_POLICIES,
  type Aggregation,
  type HitPolicy,
  type Priorities,
  type RuleHit,
} from './hit-policy';
import { coerceToType, type ItemType } from './item-type';
import { child, children, idOf, text, type ModdleElement } from './moddle-element';

interface TableInput {
  readonly expression: CompiledExpression;
  readonly allowed: CompiledUnaryTests | undefined;
}

interface TableOutput {
  readonly name: string;
  readonly allowed: CompiledUnaryTests | undefined;
  readonly defaultValue: CompiledExpression | undefined;
  readonly type: ItemType | undefined;
}

interface TableRule {
  readonly index: number;
  readonly id: string | undefined;
  /** undefined for `-` (any input). */
  readonly tests: readonly (CompiledUnaryTests | undefined)[];
  readonly outputs: readonly CompiledExpression[];
}

function priorityList(context: BuildContext, clause: ModdleElement): readonly FeelValue[] | undefined {
  const values = text(child(clause, 'outputValues'), 'text');
  if (values === undefined || values.trim() === '') return undefined;
  const list = feelExpression(context, `[${values}]`, idOf(clause)).evaluate(Scope.empty, {
    errors: [],
    now: undefined,
  });
  return Array.isArray(list) ? (list as FeelValue[]) : undefined;
}

/**
 * Compiles a decision table once: input expressions, every cell's unary tests and output
 * expressions become closures, so an evaluation parses nothing.
 */
export function compileDecisionTable(
  table: ModdleElement,
  context: BuildContext,
  resultType: ItemType | undefined,
): BoxedEvaluator {
  const tableId = idOf(table);
  const policy = (text(table, 'hitPolicy') ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(policy)) {
    context.diagnostics.push(diagnostic(DmnDiagnosticCode.unsupported, `unknown hit policy ${policy}`, tableId));
  }
  const aggregation = text(table, 'aggregation') as Aggregation | undefined;
  const inputs: TableInput[] = children(table, 'input').map((clause) => {
    const expression = child(clause, 'inputExpression');
    const allowedText = text(child(clause, 'inputValues'), 'text');
    return {
      expression: feelExpression(context, text(expression, 'text') ?? 'null', idOf(expression) ?? idOf(clause)),
      allowed:
        allowedText && allowedText.trim() !== '' ? feelUnaryTests(context, allowedText, idOf(clause)) : undefined,
    };
  });
  const outputClauses = children(table, 'output');
  const singleOutputType = outputClauses.length === 1 && resultType?.kind !== 'structure' ? undefined : resultType;
  const outputs: TableOutput[] = outputClauses.map((clause) => {
    const allowedText = text(child(clause, 'outputValues'), 'text');
    const defaultText = text(child(clause, 'defaultOutputEntry'), 'text');
    const name = text(clause, 'name') ?? '';
    const typeRef = text(clause, 'typeRef');
    const componentType = singleOutputType?.kind === 'structure' ? singleOutputType.components.get(name) : undefined;
    return {
      name,
      allowed:
        allowedText && allowedText.trim() !== '' ? feelUnaryTests(context, allowedText, idOf(clause)) : undefined,
      defaultValue:
        defaultText && defaultText.trim() !== '' ? feelExpression(context, defaultText, idOf(clause)) : undefined,
      type: typeRef !== undefined ? context.resolveType(typeRef, idOf(clause)) : componentType,
    };
  });
  const priorities: Priorities = outputClauses.map((clause) => priorityList(context, clause));
  const rules: TableRule[] = children(table, 'rule').map((rule, position) => ({
    index: position + 1,
    id: idOf(rule),
    tests: children(rule, 'inputEntry').map((entry) => {
      const source = (text(entry, 'text') ?? '-').trim();
      return source === '-' || source === '' ? undefined : feelUnaryTests(context, source, idOf(entry) ?? idOf(rule));
    }),
    outputs: children(rule, 'outputEntry').map((entry) =>
      feelExpression(context, (text(entry, 'text') ?? '').trim() || 'null', idOf(entry) ?? idOf(rule)),
    ),
  }));

  const shape = (values: readonly FeelValue[]): FeelValue =>
    outputs.length === 1
      ? (values[0] ?? null)
      : new Map(outputs.map((output, index) => [output.name, values[index] ?? null]));

  return (scope, env) => {
    const inputValues: FeelValue[] = [];
    for (const [position, input] of inputs.entries()) {
      const value = input.expression.evaluate(scope, env);
      if (input.allowed !== undefined && value !== null && input.allowed.test(value, scope, env) !== true) {
        env.errors.push(
          `decision table ${tableId ?? ''}: input ${position + 1} (${input.expression.source}) is not one of the allowed values`,
        );
        return null;
      }
      inputValues.push(value);
    }
    const hits: RuleHit[] = [];
    for (const rule of rules) {
      let matches = true;
      for (let i = 0; i < rule.tests.length && matches; i++) {
        const test = rule.tests[i];
        if (test !== undefined && test.test(inputValues[i] ?? null, scope, env) !== true) matches = false;
      }
      if (!matches) continue;
      const values: FeelValue[] = [];
      for (const [position, expression] of rule.outputs.entries()) {
        const output = outputs[position];
        let value = expression.evaluate(scope, env);
        if (output?.allowed !== undefined && value !== null && output.allowed.test(value, scope, env) !== true) {
          env.errors.push(
            `decision table ${tableId ?? ''}: rule ${rule.index} gives a value that output '${output.name}' does not allow`,
          );
          return null;
        }
        if (output?.type !== undefined) value = coerceToType(value, output.type, env, `output '${output.name}'`);
        values.push(value);
      }
      hits.push({ index: rule.index, ruleId: rule.id, outputs: values, value: shape(values) });
    }
    if (hits.length === 0) {
      if (outputs.some((output) => output.defaultValue !== undefined)) {
        return shape(outputs.map((output) => output.defaultValue?.evaluate(scope, env) ?? null));
      }
      if (policy === 'COLLECT' && aggregation === 'COUNT') return Decimal.fromInt(0);
      return policy === 'COLLECT' || policy === 'RULE ORDER' || policy === 'OUTPUT ORDER'
        ? aggregation === undefined
          ? []
          : null
        : null;
    }
    return applyHitPolicy(policy, aggregation, hits, priorities, env, (selected) => {
      for (const hit of selected) env.matchedRules.push({ ruleId: hit.ruleId, index: hit.index, tableId });
    });
  };
}
