import { evaluateExpression } from '@operon/feel';
import type { Variables } from './instance-state';

/**
 * Whether the condition of a conditional start event of a process holds for these variables. Camunda 7
 * evaluates them on request (`evaluateConditions`), not as variables change: no instance exists yet to
 * watch. Only `true` holds; `false`, `null` (FEEL's answer to a missing variable) and a failure do not, so
 * one request can test every process without each condition having to know every variable.
 */
export function startConditionHolds(condition: string, variables: Variables, now: number): boolean {
  const result = evaluateExpression(condition, variables, { now });
  return result.ok && result.value === true;
}
