import type { ServiceTaskNode } from '@operon/model';
import { cancelJob, createJob } from '../behaviours/job';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/** A service task hands a job to a worker and waits until the job is completed. */
export const serviceTask: ElementBehaviour<ServiceTaskNode> = {
  activate: (p, node, element) => (createJob(p, node.job, element) ? 'wait' : 'failed'),
  outgoing: leaveByConditions,
  terminate: (p, _node, element) => cancelJob(p, element),
};
