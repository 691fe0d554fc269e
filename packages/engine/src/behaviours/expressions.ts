import { evaluateExpression, type FeelResult } from '@operon/feel';
import type { ValueExpression } from '@operon/model';
import type { Variables } from '../instance-state';
import type { Processing } from '../processing';

/** Evaluates a Camunda 8 attribute value: static text as is, `=…` as FEEL. */
export function evaluateValue(p: Processing, value: ValueExpression, variables: Variables): FeelResult<unknown> {
  if (value.kind === 'static') return { ok: true, value: value.value, warnings: [] };
  return evaluateExpression(value.expression, variables, { now: p.context.now });
}

/** A short reason for an incident message, with FEEL's warnings when the value came out null. */
export function describeFailure(result: FeelResult<unknown>): string {
  if (!result.ok) return result.error.message;
  return result.warnings.length > 0 ? result.warnings.join('; ') : 'the result was null';
}

export function expressionText(value: ValueExpression): string {
  return value.kind === 'static' ? value.value : `=${value.expression}`;
}
