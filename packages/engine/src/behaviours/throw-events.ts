import type { ValueExpression } from '@operon/model';
import type { Lifecycle } from '../element-behaviour';
import { IncidentType, type ElementInstance, type ErrorThrower, type Variables } from '../instance-state';
import type { Processing } from '../processing';
import { findCatch, triggerCatch } from './catch-events';
import { describeFailure, evaluateValue, expressionText } from './expressions';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

/**
 * Throwing BPMN errors and escalations. An error must be caught: uncaught, it is an incident
 * (UNHANDLED_ERROR_EVENT) on the thrower, as in Camunda 8. In a child instance of a call activity, an
 * error nothing in the child catches first goes up to the call activity (`propagate-error`), which
 * throws it on in the parent (commands/throw-error-from-child.ts); the incident is raised at the thrower
 * only once no ancestor catches it (`error-not-caught`). An escalation need not be caught: uncaught,
 * the thrower simply goes on (BPMN 2.0.2 §10.5.4).
 */

/**
 * Throws an error from `thrower`; true when a catch took over (the thrower has then usually been
 * terminated with its scope) or the error went up to the parent instance (the thrower waits), false
 * when an incident was raised. `ownBoundaries`: a job's error is caught first by the boundary events of
 * the job's own task.
 */
export function throwError(
  p: Processing,
  lifecycle: Lifecycle,
  thrower: ElementInstance,
  error: { readonly code: string; readonly message: string; readonly variables: Variables; readonly jobKey?: number },
  ownBoundaries: boolean,
): boolean {
  const caught = findCatch(p, thrower, 'error', error.code, ownBoundaries);
  if (caught) {
    triggerCatch(p, lifecycle, caught, error.variables);
    return true;
  }
  if (p.draft.parent) {
    propagateError(p, thrower, error, { instanceKey: p.draft.instanceKey, elementInstanceKey: thrower.key });
    return true;
  }
  raiseUnhandledError(p, thrower, error.code, error.message, error.jobKey);
  return false;
}

/** Passes an error nothing in this instance catches up to the parent's call activity; `element` waits. */
export function propagateError(
  p: Processing,
  element: ElementInstance,
  error: { readonly code: string; readonly message: string; readonly variables: Variables; readonly jobKey?: number },
  thrower: ErrorThrower,
): void {
  const parent = p.draft.parent;
  if (!parent) return;
  p.emit({
    type: 'error-propagated',
    elementInstanceKey: element.key,
    errorCode: error.code,
    errorMessage: error.message,
    jobKey: error.jobKey,
    variables: error.variables,
    thrower,
  });
  const { code, message, variables } = error;
  p.effect({ type: 'propagate-error', parent, error: { code, message, variables }, thrower });
}

/** The UNHANDLED_ERROR_EVENT incident on the thrower of an error nothing catches. */
export function raiseUnhandledError(
  p: Processing,
  thrower: ElementInstance,
  code: string,
  message: string,
  jobKey: number | undefined,
): void {
  const detail = message === '' ? '' : ` (${message})`;
  raiseIncident(
    p,
    thrower,
    IncidentType.unhandledError,
    `The error '${code}'${detail} thrown by '${thrower.elementId}' is not caught: no error boundary event or ` +
      'error event sub-process around it catches this code. Add one that catches it, or a catch-all error event; ' +
      'then resolve the incident to retry.',
    jobKey,
  );
}

/** Throws an escalation from `thrower`; when nothing catches it, nothing happens. */
export function throwEscalation(p: Processing, lifecycle: Lifecycle, thrower: ElementInstance, code: string): void {
  const caught = findCatch(p, thrower, 'escalation', code, false);
  if (caught) triggerCatch(p, lifecycle, caught, {});
}

/** Evaluates an error or escalation code; undefined when it gives no text (an incident was raised). */
export function evaluateCode(
  p: Processing,
  code: ValueExpression,
  element: ElementInstance,
  what: 'error code' | 'escalation code',
): string | undefined {
  const result = evaluateValue(p, code, visibleVariables(p, element.key));
  if (result.ok && (typeof result.value === 'string' || typeof result.value === 'number') && result.value !== '') {
    return String(result.value);
  }
  raiseIncident(
    p,
    element,
    IncidentType.expression,
    `The ${what} '${expressionText(code)}' of '${element.elementId}' must give text: ${describeFailure(result)}.`,
  );
  return undefined;
}
