import { findCatch, triggerCatch } from '../behaviours/catch-events';
import { waitingCallActivity } from '../behaviours/child-instance';
import { propagateError, raiseUnhandledError } from '../behaviours/throw-events';
import { lifecycle } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/**
 * The child instance of a call activity throws a BPMN error that nothing in it catches (Camunda 8: "the
 * error is propagated to the call activity in the parent process"). The search goes on from the call
 * activity, its own error boundary events first, as for a job's error on its task; a catch ends the call
 * activity, which cancels the child. Uncaught here, the error goes on up to this instance's parent, or,
 * at the top, back to its thrower (`error-not-caught`), which raises the incident.
 */
export const throwErrorFromChild: CommandHandler<'throw-error-from-child'> = (p, command) => {
  const found = waitingCallActivity(p, command.elementInstanceKey, command.childInstanceKey);
  if ('code' in found) return found;
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  const error = { code: command.errorCode, message: command.errorMessage ?? '', variables };
  const caught = findCatch(p, found.element, 'error', error.code, true);
  if (caught) {
    triggerCatch(p, lifecycle(p), caught, variables);
  } else if (p.draft.parent) {
    propagateError(p, found.element, error, command.thrower);
  } else {
    p.emit({
      type: 'child-error-uncaught',
      elementInstanceKey: found.element.key,
      childInstanceKey: command.childInstanceKey,
      errorCode: error.code,
    });
    p.effect({ type: 'error-not-caught', thrower: command.thrower, errorCode: error.code });
  }
  return undefined;
};

/** No ancestor catches the error this element passed up: the UNHANDLED_ERROR_EVENT incident, here. */
export const errorNotCaught: CommandHandler<'error-not-caught'> = (p, command) => {
  const element = p.element(command.elementInstanceKey);
  const propagated = element?.propagatedError;
  if (!element || !propagated || propagated.code !== command.errorCode || element.incidentKey !== undefined) {
    return {
      code: 'SCOPE_NOT_FOUND',
      message: `No element ${command.elementInstanceKey} waits for its error '${command.errorCode}' to be caught; it may have ended.`,
    };
  }
  const jobKey = propagated.jobKey !== undefined && p.draft.jobs[propagated.jobKey] ? propagated.jobKey : undefined;
  raiseUnhandledError(p, element, propagated.code, propagated.message, jobKey);
  return undefined;
};
