import { raiseIncident } from '../behaviours/incidents';
import { visibleVariables } from '../behaviours/variable-scope';
import { IncidentType } from '../instance-state';
import type { CommandHandler } from './command-handler';
import { jobNotFound } from './complete-job';

/** A worker reports failure: the job is handed out again while retries are left, else an incident is raised. */
export const failJob: CommandHandler<'fail-job'> = (p, command) => {
  const job = p.draft.jobs[command.jobKey];
  if (!job) return jobNotFound(command.jobKey);
  const element = p.element(job.elementInstanceKey);
  if (!element) return jobNotFound(command.jobKey);
  const retries = Math.max(0, Math.floor(command.retries));
  const retryBackoffMs = Math.max(0, command.retryBackoffMs ?? 0);
  p.emit({ type: 'job-failed', jobKey: job.key, retries, errorMessage: command.errorMessage, retryBackoffMs });
  if (retries > 0) {
    const failed = p.draft.jobs[job.key] ?? job;
    p.effect({
      type: 'activate-job',
      job: failed,
      variables: visibleVariables(p, element.key),
      backoffMs: retryBackoffMs,
    });
    return undefined;
  }
  raiseIncident(
    p,
    element,
    IncidentType.jobNoRetries,
    `Job '${job.type}' of '${job.elementId}' failed with no retries left: ${command.errorMessage || 'no error message'}. Fix the cause, then resolve the incident to retry the job.`,
    job.key,
  );
  return undefined;
};
