import type { Variables } from '@operon/engine';
import type { Store } from '@operon/store';
import { activatedJob, type ActivatedJob } from './activated-job';
import type { Clock } from './clock';
import { UserError } from './operon-error';

/** What a worker does with a job: return variables to complete it; throw to fail it. */
export type JobHandler = (job: ActivatedJob) => Promise<Variables | undefined> | Variables | undefined;

export interface WorkerOptions {
  /** Jobs of this type run at once on this node. Default 8. */
  readonly concurrency?: number;
  /** How long a claimed job is reserved for this node. Default 30 s. */
  readonly leaseMs?: number;
  /** Wait before a failed job is handed out again: default 1 s, doubling per failure, at most 5 min. */
  readonly backoffMs?: (failures: number) => number;
}

export interface WorkerHandle {
  readonly type: string;
  close(): Promise<void>;
}

/** How the executor reports back; implemented by the runtime (commands go through the command loop). */
export interface JobOutcomes {
  complete(jobKey: string, variables: Variables): Promise<unknown>;
  fail(jobKey: string, retries: number, errorMessage: string, backoffMs: number): Promise<unknown>;
}

const IDLE_POLL_MS = 500;

/**
 * In-process job workers: each registered type claims jobs with a lease, runs the handler, and
 * completes or fails the job. Jobs created on this node wake the worker at once; jobs from other
 * nodes and jobs whose retry backoff has passed are found by polling.
 */
export class JobExecutor {
  private readonly workers = new Map<string, Worker>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ownerId: string,
    private readonly outcomes: JobOutcomes,
    private readonly onHandlerError: (job: ActivatedJob, error: unknown) => void,
  ) {}

  register(type: string, handler: JobHandler, options: WorkerOptions = {}): WorkerHandle {
    if (this.workers.has(type))
      throw new UserError('VALIDATION_FAILED', `A worker for job type '${type}' is already registered on this node.`);
    const worker = new Worker(type, handler, options, this);
    this.workers.set(type, worker);
    worker.start();
    return {
      type,
      close: async () => {
        this.workers.delete(type);
        await worker.stop();
      },
    };
  }

  /** A job of this type was just created here. */
  notify(type: string): void {
    this.workers.get(type)?.wake();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
  }

  /** @internal used by Worker */
  claim(type: string, max: number, leaseMs: number): Promise<ActivatedJob[]> {
    return this.store
      .claimJobs({ tenantId: undefined, type, max, ownerId: this.ownerId, leaseMs, now: this.clock.now() })
      .then((records) => records.map(activatedJob));
  }

  /** @internal used by Worker */
  async execute(job: ActivatedJob, handler: JobHandler, backoffMs: (failures: number) => number): Promise<void> {
    let variables: Variables | undefined;
    try {
      variables = (await handler(job)) ?? {};
    } catch (error) {
      this.onHandlerError(job, error);
      const retries = Math.max(0, job.retries - 1);
      const message = error instanceof Error ? error.message : String(error);
      await this.outcomes.fail(job.jobKey, retries, message, backoffMs(failuresOf(job))).catch(ignoreGone);
      return;
    }
    await this.outcomes.complete(job.jobKey, variables).catch(ignoreGone);
  }
}

/** The job was completed or cancelled meanwhile (another node, a lease that ran out): nothing to do. */
function ignoreGone(error: unknown): void {
  if (error instanceof UserError && (error.code === 'JOB_NOT_FOUND' || error.code === 'INSTANCE_NOT_ACTIVE')) return;
  throw error;
}

function failuresOf(job: ActivatedJob): number {
  return Math.max(1, 4 - job.retries);
}

const defaultBackoff = (failures: number) => Math.min(300_000, 1_000 * 2 ** (failures - 1));

class Worker {
  private running = false;
  private inFlight = 0;
  private readonly tasks = new Set<Promise<void>>();
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly backoff: (failures: number) => number;

  constructor(
    readonly type: string,
    private readonly handler: JobHandler,
    options: WorkerOptions,
    private readonly executor: JobExecutor,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.leaseMs = Math.max(1_000, options.leaseMs ?? 30_000);
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.tasks]);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const capacity = this.concurrency - this.inFlight;
      let claimed: ActivatedJob[] = [];
      if (capacity > 0) {
        try {
          claimed = await this.executor.claim(this.type, capacity, this.leaseMs);
        } catch {
          claimed = []; // the database is away: poll again later
        }
      }
      for (const job of claimed) this.track(job);
      if (claimed.length === 0 || claimed.length < capacity) await this.sleep(claimed.length === 0 ? IDLE_POLL_MS : 0);
    }
  }

  private track(job: ActivatedJob): void {
    this.inFlight++;
    const task = this.executor
      .execute(job, this.handler, this.backoff)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight--;
        this.tasks.delete(task);
        this.wake();
      });
    this.tasks.add(task);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
