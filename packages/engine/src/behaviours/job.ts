import type { JobDefinition, SendTaskNode, ServiceTaskNode } from '@operon/model';
import type { ElementBehaviour } from '../element-behaviour';
import { IncidentType, type ElementInstance, type Job } from '../instance-state';
import type { Processing } from '../processing';
import { describeFailure, evaluateValue, expressionText } from './expressions';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';
import { markActivated } from './activation';
import { leaveByConditions } from './leave-by-conditions';

/**
 * Creates the job a worker will do for this element (`zeebe:taskDefinition`).
 * Returns false when the type or retries expression failed (an incident was raised).
 */
export function createJob(p: Processing, definition: JobDefinition, element: ElementInstance): boolean {
  const variables = visibleVariables(p, element.key);
  const type = evaluateValue(p, definition.type, variables);
  if (!type.ok || typeof type.value !== 'string' || type.value === '') {
    raiseIncident(
      p,
      element,
      IncidentType.expression,
      `The job type '${expressionText(definition.type)}' of '${element.elementId}' must give a non-empty string: ${describeFailure(type)}.`,
    );
    return false;
  }
  const retries = evaluateValue(p, definition.retries, variables);
  const retryCount = retries.ok ? Number(retries.value) : Number.NaN;
  if (!Number.isInteger(retryCount) || retryCount < 0) {
    raiseIncident(
      p,
      element,
      IncidentType.expression,
      `The job retries '${expressionText(definition.retries)}' of '${element.elementId}' must give a whole number ≥ 0: ${describeFailure(retries)}.`,
    );
    return false;
  }
  markActivated(p, element);
  const job: Job = {
    key: p.newKey(),
    elementInstanceKey: element.key,
    elementId: element.elementId,
    type: type.value,
    retries: retryCount,
    headers: definition.headers,
    errorMessage: undefined,
  };
  p.emit({ type: 'job-created', job });
  p.effect({ type: 'activate-job', job, variables, backoffMs: 0 });
  return true;
}

/** Withdraws the element's job, if it has one, when the element is terminated. */
export function cancelJob(p: Processing, element: ElementInstance): void {
  if (element.jobKey === undefined) return;
  p.emit({ type: 'job-cancelled', jobKey: element.jobKey });
  p.effect({ type: 'cancel-job', jobKey: element.jobKey });
}

/**
 * An element that is nothing but a job for a worker (a service task; a send task, whose worker sends the
 * message): it waits until the job is completed, and withdraws the job when terminated.
 */
export const jobWorkerElement: ElementBehaviour<ServiceTaskNode | SendTaskNode> = {
  activate: (p, node, element) => (createJob(p, node.job, element) ? 'wait' : 'failed'),
  outgoing: leaveByConditions,
  terminate: (p, _node, element) => cancelJob(p, element),
};
