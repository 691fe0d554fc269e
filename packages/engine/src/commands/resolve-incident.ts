import { visibleVariables } from '../behaviours/variable-scope';
import { IncidentType } from '../instance-state';
import { runActivation, runCompletion } from '../lifecycle';
import type { CommandHandler } from './command-handler';
import { retryCallActivity } from './fail-call-activity';

/** Marks an incident resolved and retries what failed: the job, or the element's phase. */
export const resolveIncident: CommandHandler<'resolve-incident'> = (p, command) => {
  const incident = p.draft.incidents[command.incidentKey];
  const element = incident ? p.element(incident.elementInstanceKey) : undefined;
  if (!incident || !element) {
    return {
      code: 'INCIDENT_NOT_FOUND',
      message: `Incident ${command.incidentKey} does not exist in this instance, or was already resolved.`,
    };
  }
  p.emit({ type: 'incident-resolved', incidentKey: incident.key });
  const jobIncident = incident.type === IncidentType.jobNoRetries || incident.type === IncidentType.unhandledError;
  if (jobIncident && incident.jobKey !== undefined) {
    const retries = Math.max(1, Math.floor(command.retries ?? 1));
    p.emit({ type: 'job-retries-updated', jobKey: incident.jobKey, retries });
    const job = p.draft.jobs[incident.jobKey];
    if (job) p.effect({ type: 'activate-job', job, variables: visibleVariables(p, element.key), backoffMs: 0 });
    return undefined;
  }
  if (incident.type === IncidentType.calledElement && element.phase === 'active') retryCallActivity(p, element);
  else if (element.phase === 'activating') runActivation(p, element.key);
  else if (element.phase === 'completing') runCompletion(p, element.key);
  return undefined;
};
