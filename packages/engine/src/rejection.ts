/** Why a command was refused. The state is unchanged and no events were written. */
export interface Rejection {
  readonly code:
    | 'INSTANCE_EXISTS'
    | 'INSTANCE_NOT_FOUND'
    | 'INSTANCE_NOT_ACTIVE'
    | 'JOB_NOT_FOUND'
    | 'USER_TASK_NOT_FOUND'
    | 'INCIDENT_NOT_FOUND'
    | 'SCOPE_NOT_FOUND'
    | 'TIMER_NOT_FOUND'
    | 'SUBSCRIPTION_NOT_FOUND'
    | 'INVALID_VARIABLES'
    | 'VALIDATION_FAILED';
  readonly message: string;
}
