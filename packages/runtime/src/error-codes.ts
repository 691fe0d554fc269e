/**
 * Every user-facing error code: its HTTP status and a message that says what to do.
 * docs/errors.md lists the same codes; a test keeps the two in step.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid; see the field path and fix the value.' },
  MODEL_INVALID: { status: 400, message: 'The model has errors; fix the diagnostics listed and deploy again.' },
  INVALID_VARIABLES: { status: 400, message: 'Variables must be a JSON object such as {"amount": 100}.' },
  DEFINITION_NOT_FOUND: {
    status: 404,
    message: 'No process definition with that id (and version) is deployed; deploy it first.',
  },
  INSTANCE_NOT_FOUND: { status: 404, message: 'No process instance with that key exists.' },
  JOB_NOT_FOUND: {
    status: 404,
    message: 'No active job with that key exists; it may have been completed or cancelled.',
  },
  USER_TASK_NOT_FOUND: { status: 404, message: 'No open user task with that key exists; it may have been completed.' },
  INCIDENT_NOT_FOUND: { status: 404, message: 'No open incident with that key exists; it may have been resolved.' },
  SCOPE_NOT_FOUND: { status: 404, message: 'No active element instance with that key exists in the instance.' },
  TIMER_NOT_FOUND: { status: 404, message: 'No pending timer with that key exists.' },
  SUBSCRIPTION_NOT_FOUND: { status: 404, message: 'No open message subscription with that key exists.' },
  INSTANCE_NOT_ACTIVE: { status: 409, message: 'The instance has ended; commands only apply to active instances.' },
  INSTANCE_EXISTS: { status: 409, message: 'An instance with that key exists already.' },
  TASK_ALREADY_CLAIMED: { status: 409, message: 'Someone else has claimed the task; refresh and pick another.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit; send less data.' },
  UNAVAILABLE: { status: 503, message: 'Operon cannot reach its database right now; it retries, try again shortly.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ErrorCode = keyof typeof ErrorCodes;
