import type { ServiceTaskNode } from '@operon/model';
import { jobWorkerElement } from '../behaviours/job';
import type { ElementBehaviour } from '../element-behaviour';

/** A service task hands a job to a worker and waits until the job is completed. */
export const serviceTask: ElementBehaviour<ServiceTaskNode> = jobWorkerElement;
