/**
 * Every user-facing error code: its HTTP status and a message that says what to do.
 * docs/errors.md lists the same codes; a test keeps the two in step.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid; see the field path and fix the value.' },
  MODEL_INVALID: { status: 400, message: 'The model has errors; fix the diagnostics listed and deploy again.' },
  MALFORMED_JSON: { status: 400, message: 'The body is not valid JSON; check quotes, commas and brackets.' },
  INVALID_CURSOR: {
    status: 400,
    message: 'The page cursor is not valid for this listing; start again without a cursor.',
  },
  INVALID_VARIABLES: { status: 400, message: 'Variables must be a JSON object such as {"amount": 100}.' },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Sign in (POST /api/v1/auth/login) or send an API token as "Authorization: Bearer <token>".',
  },
  LOGIN_FAILED: { status: 401, message: 'The user name or password is wrong; check both and try again.' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    message: 'Send the CSRF token from the login response in the X-CSRF-Token header with every change.',
  },
  FORBIDDEN: { status: 403, message: 'Your roles do not allow this; ask an administrator for the role it needs.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such API route; see /docs for the routes there are.' },
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
  DEPLOYMENT_NOT_FOUND: { status: 404, message: 'No deployment (or resource in it) with that key and name exists.' },
  FORM_NOT_FOUND: {
    status: 404,
    message: 'The task has no form, or its form is not deployed; deploy the .form file with the process.',
  },
  USER_NOT_FOUND: { status: 404, message: 'No user with that name exists; create the user first.' },
  GROUP_NOT_FOUND: { status: 404, message: 'No group with that id exists; create the group first.' },
  TOKEN_NOT_FOUND: { status: 404, message: 'No API token with that id exists (or it is revoked already).' },
  SCOPE_NOT_FOUND: { status: 404, message: 'No active element instance with that key exists in the instance.' },
  TIMER_NOT_FOUND: { status: 404, message: 'No pending timer with that key exists.' },
  SUBSCRIPTION_NOT_FOUND: { status: 404, message: 'No open message subscription with that key exists.' },
  INSTANCE_NOT_ACTIVE: { status: 409, message: 'The instance has ended; commands only apply to active instances.' },
  INSTANCE_EXISTS: { status: 409, message: 'An instance with that key exists already.' },
  TASK_ALREADY_CLAIMED: { status: 409, message: 'Someone else has claimed the task; refresh and pick another.' },
  TASK_NOT_ASSIGNED_TO_YOU: {
    status: 409,
    message: 'Claim the task before you complete it; it is not assigned to you.',
  },
  VERSION_CONFLICT: { status: 409, message: 'Someone else changed the same thing at the same time; try again.' },
  USER_EXISTS: { status: 409, message: 'A user with that name exists already; pick another name.' },
  GROUP_EXISTS: { status: 409, message: 'A group with that id exists already; pick another id.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit; send less data.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Send JSON (Content-Type: application/json), or multipart/form-data for deployments.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    message: 'Too many failed logins: the account is locked for a while; wait, or ask an administrator.',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait a minute and try again.' },
  INTERNAL_ERROR: {
    status: 500,
    message: 'Something went wrong inside Operon; it is logged with the request id; report it if it persists.',
  },
  UNAVAILABLE: { status: 503, message: 'Operon cannot reach its database right now; it retries, try again shortly.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ErrorCode = keyof typeof ErrorCodes;
