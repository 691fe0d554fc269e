import type { ActivatedJob } from '@operon/runtime';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { Variables } from '../schemas/common';
import type { ServerContext } from '../server-context';

const JobParams = Type.Object({ jobKey: Type.String({ minLength: 1 }) });
const MAX_REQUEST_TIMEOUT_MS = 60_000;

/** Jobs for external workers, like Camunda 8's: activate (long poll), complete, fail, throw a BPMN error. */
export function jobRoutes(app: OperonApp, context: ServerContext): void {
  const { runtime } = context;
  const tags = ['jobs'];
  const access = { access: Permission.jobsWork } as const;

  app.post(
    '/api/v1/jobs/activate',
    {
      config: access,
      schema: {
        tags,
        summary: 'Activate jobs of a type; waits up to requestTimeout for one to appear (long poll)',
        body: Type.Object(
          {
            type: Type.String({ minLength: 1 }),
            maxJobs: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 10 })),
            timeout: Type.Optional(
              Type.Integer({ minimum: 1000, default: 300_000, description: 'Lease in ms: complete or fail before.' }),
            ),
            requestTimeout: Type.Optional(
              Type.Integer({
                minimum: 0,
                maximum: MAX_REQUEST_TIMEOUT_MS,
                default: 0,
                description: 'How long to wait for jobs, in ms; 0 answers at once.',
              }),
            ),
            worker: Type.Optional(Type.String({ minLength: 1, description: 'Names the worker in the lease.' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { type, maxJobs = 10, timeout = 300_000, requestTimeout = 0 } = request.body;
      const worker = request.body.worker ?? principalOf(request).name;
      const deadline = context.now() + requestTimeout;
      const aborted = new AbortController();
      // The response closes early when the worker goes away; then stop waiting for it.
      reply.raw.once('close', () => aborted.abort());
      let jobs: ActivatedJob[] = [];
      for (;;) {
        jobs = await runtime.activateJobs({ type, maxJobs, leaseMs: timeout, worker });
        const left = deadline - context.now();
        if (jobs.length > 0 || left <= 0 || aborted.signal.aborted || context.jobWaiters.isClosed) break;
        await context.jobWaiters.wait(type, left, aborted.signal);
      }
      return { jobs };
    },
  );

  app.post(
    '/api/v1/jobs/:jobKey/complete',
    {
      config: access,
      schema: {
        tags,
        summary: 'Complete a job, with variables for the process',
        params: JobParams,
        body: Type.Object({ variables: Type.Optional(Variables) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const outcome = await runtime.completeJob(request.params.jobKey, request.body.variables ?? {});
      return { jobKey: request.params.jobKey, instanceKey: outcome.instanceKey, status: outcome.state.status };
    },
  );

  app.post(
    '/api/v1/jobs/:jobKey/fail',
    {
      config: access,
      schema: {
        tags,
        summary: 'Fail a job: retried after retryBackOff while retries > 0, else an incident',
        params: JobParams,
        body: Type.Object(
          {
            retries: Type.Integer({ minimum: 0, description: 'Retries left after this failure.' }),
            errorMessage: Type.Optional(Type.String()),
            retryBackOff: Type.Optional(Type.Integer({ minimum: 0, description: 'Milliseconds before the retry.' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { retries, errorMessage, retryBackOff } = request.body;
      const outcome = await runtime.failJob(request.params.jobKey, {
        retries,
        errorMessage: errorMessage ?? 'The worker failed the job.',
        ...(retryBackOff === undefined ? {} : { retryBackoffMs: retryBackOff }),
      });
      return { jobKey: request.params.jobKey, instanceKey: outcome.instanceKey, status: outcome.state.status };
    },
  );

  app.post(
    '/api/v1/jobs/:jobKey/error',
    {
      config: access,
      schema: {
        tags,
        summary: 'Throw a BPMN error: a boundary event or event sub-process that catches its code takes over',
        params: JobParams,
        body: Type.Object(
          {
            errorCode: Type.String({ minLength: 1 }),
            errorMessage: Type.Optional(Type.String()),
            variables: Type.Optional(Variables),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { errorCode, errorMessage, variables } = request.body;
      const outcome = await runtime.throwError(request.params.jobKey, {
        errorCode,
        ...(errorMessage === undefined ? {} : { errorMessage }),
        ...(variables === undefined ? {} : { variables }),
      });
      return { jobKey: request.params.jobKey, instanceKey: outcome.instanceKey, status: outcome.state.status };
    },
  );
}
