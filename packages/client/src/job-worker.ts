import type { ActivatedJob, Variables } from './api-types';
import type { OperonClient } from './operon-client';

export interface WorkerOptions {
  readonly client: OperonClient;
  readonly type: string;
  /** Returns the variables to complete the job with; throwing fails the job (retried with backoff). */
  readonly handler: (job: ActivatedJob) => Promise<Variables | undefined> | Variables | undefined;
  /** Jobs handled at once. Default 4. */
  readonly concurrency?: number;
  /** The lease of each job in ms: the handler should finish before. Default 5 minutes. */
  readonly timeout?: number;
  /** How long one activate call waits for jobs (long poll), in ms. Default 30 s. */
  readonly requestTimeout?: number;
  /** Backoff before a failed job is retried: `backoff(attempt)` ms; default 1 s, 2 s, 4 s … up to 1 min. */
  readonly backoff?: (attempt: number) => number;
  /** Names the worker in the leases. */
  readonly name?: string;
  /** Where failures of the worker itself (network, server) are reported; default console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface JobWorker {
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

const defaultBackoff = (attempt: number) => Math.min(60_000, 1_000 * 2 ** Math.max(0, attempt - 1));

/**
 * A job worker like Camunda 8's: long-polls for jobs of one type, runs the handler on up to
 * `concurrency` at once, completes each with the handler's variables or fails it with backoff.
 */
export function createWorker(options: WorkerOptions): JobWorker {
  const concurrency = options.concurrency ?? 4;
  const backoff = options.backoff ?? defaultBackoff;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const polling = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let attemptsByJob = new Map<string, number>();
  let stopped = false;

  const run = async (job: ActivatedJob) => {
    try {
      const variables = await options.handler(job);
      await options.client.completeJob(job.jobKey, variables ?? {});
      attemptsByJob.delete(job.jobKey);
    } catch (error) {
      const attempt = (attemptsByJob.get(job.jobKey) ?? 0) + 1;
      attemptsByJob.set(job.jobKey, attempt);
      if (attemptsByJob.size > 10_000) attemptsByJob = new Map();
      await options.client
        .failJob(job.jobKey, {
          retries: Math.max(0, job.retries - 1),
          errorMessage: error instanceof Error ? error.message : String(error),
          retryBackOff: backoff(attempt),
        })
        .catch(onError);
    }
  };

  const loop = async () => {
    let pause = 0;
    while (!stopped) {
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      try {
        const jobs = await options.client.activateJobs(
          {
            type: options.type,
            maxJobs: concurrency - inFlight.size,
            timeout: options.timeout ?? 300_000,
            requestTimeout: options.requestTimeout ?? 30_000,
            ...(options.name === undefined ? {} : { worker: options.name }),
          },
          polling.signal,
        );
        pause = 0;
        for (const job of jobs) {
          const running = run(job).finally(() => inFlight.delete(running));
          inFlight.add(running);
        }
      } catch (error) {
        if (polling.signal.aborted) break;
        onError(error);
        pause = Math.min(30_000, Math.max(500, pause * 2));
      }
    }
  };
  const looping = loop();

  return {
    async stop() {
      stopped = true;
      polling.abort();
      await looping;
      await Promise.all(inFlight);
    },
  };
}
