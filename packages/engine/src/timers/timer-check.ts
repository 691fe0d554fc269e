import { checkSyntax, evaluateExpression } from '@operon/feel';
import type { ParseOptions, TimerToCheck } from '@operon/model';
import { scheduleTimer } from './timer-schedule';

/**
 * Whether a timer is valid does not depend on the instant it is read at (only its due time does), so the check
 * reads it at a fixed one and stays pure: 2000-01-01T00:00:00Z.
 */
const CHECKED_AT = 946_684_800_000;

/**
 * The deployment check of a timer, as Zeebe does it: static timer text must be a valid date, duration or
 * cycle; the expression of a process's timer start event is evaluated then, without variables (nothing else
 * could give it any), and must give one. Other FEEL timers are evaluated when they are reached.
 */
export function checkTimer({ timerKind, value, evaluatedAtDeploy }: TimerToCheck): string | undefined {
  if (value.kind === 'static') return problemOf(timerKind, value.value);
  if (!evaluatedAtDeploy) return undefined;
  const result = evaluateExpression(value.expression, {}, { now: CHECKED_AT });
  if (!result.ok) {
    return `'=${value.expression}' cannot be evaluated when the process is deployed (${result.error.message}); a timer start event has no variables, so give a literal timer`;
  }
  if (typeof result.value !== 'string' && typeof result.value !== 'number') {
    return `'=${value.expression}' gives ${result.value === null ? 'null' : typeof result.value} when the process is deployed, without variables; a timer start event needs a literal timer`;
  }
  return problemOf(timerKind, String(result.value));
}

function problemOf(timerKind: TimerToCheck['timerKind'], text: string): string | undefined {
  const scheduled = scheduleTimer(timerKind, text, CHECKED_AT);
  return scheduled.ok ? undefined : scheduled.message;
}

/** The checks of a deployment: FEEL syntax and timers. Pass them to `parseBpmn` wherever models are deployed. */
export const DEPLOY_CHECKS: ParseOptions = { checkExpression: checkSyntax, checkTimer };
