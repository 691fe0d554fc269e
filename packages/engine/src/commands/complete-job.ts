import { completeElement } from '../lifecycle';
import type { Rejection } from '../rejection';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

export function jobNotFound(jobKey: number): Rejection {
  return {
    code: 'JOB_NOT_FOUND',
    message: `Job ${jobKey} does not exist in this instance, or was already completed or cancelled.`,
  };
}

export const completeJob: CommandHandler<'complete-job'> = (p, command) => {
  const job = p.draft.jobs[command.jobKey];
  if (!job) return jobNotFound(command.jobKey);
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  p.emit({ type: 'job-completed', jobKey: job.key, variables });
  completeElement(p, job.elementInstanceKey, variables);
  return undefined;
};
