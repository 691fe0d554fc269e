export { OperonClient, CLIENT_ROUTES } from './operon-client';
export type { ClientOptions } from './operon-client';
export { createWorker } from './job-worker';
export type { JobWorker, WorkerOptions } from './job-worker';
export { OperonApiError } from './api-error';
export type {
  ActivatedJob,
  ApiToken,
  BroadcastSignal,
  ConditionalStart,
  ConditionEvaluation,
  Deployment,
  Incident,
  InstanceDetails,
  InstanceStatus,
  InstanceSummary,
  IssuedToken,
  Me,
  Outcome,
  Page,
  PublishedMessage,
  RoleGrant,
  Session,
  StartedInstance,
  User,
  UserTask,
  Variables,
} from './api-types';
