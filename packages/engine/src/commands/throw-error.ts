import { throwError } from '../behaviours/throw-events';
import { lifecycle } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';
import { jobNotFound } from './complete-job';

/**
 * A worker throws a BPMN error for its job (Camunda 8's ThrowError): the nearest boundary event or
 * event sub-process that catches the code takes over, ending the task; with none, the job stops and
 * an UNHANDLED_ERROR_EVENT incident is raised (resolving it hands the job out again).
 */
export const throwErrorCommand: CommandHandler<'throw-error'> = (p, command) => {
  const job = p.draft.jobs[command.jobKey];
  const element = job && p.element(job.elementInstanceKey);
  if (!job || !element) return jobNotFound(command.jobKey);
  if (typeof command.errorCode !== 'string' || command.errorCode.trim() === '') {
    return { code: 'VALIDATION_FAILED', message: 'A thrown error needs an error code, e.g. "PAYMENT_DECLINED".' };
  }
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  const errorMessage = command.errorMessage ?? '';
  p.emit({ type: 'job-error-thrown', jobKey: job.key, errorCode: command.errorCode, errorMessage });
  throwError(
    p,
    lifecycle(p),
    element,
    { code: command.errorCode, message: errorMessage, variables, jobKey: job.key },
    true,
  );
  return undefined;
};
