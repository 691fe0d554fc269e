import type { SendTaskNode } from '@operon/model';
import { jobWorkerElement } from '../behaviours/job';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A send task runs as Camunda 8 runs it: exactly like a service task, a job (`zeebe:taskDefinition`) whose
 * worker sends the message; it completes when the job does (failures, retries and BPMN errors as for jobs).
 */
export const sendTask: ElementBehaviour<SendTaskNode> = jobWorkerElement;
