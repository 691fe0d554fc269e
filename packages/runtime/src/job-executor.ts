import type { Variables } from '@operon/engine';
import type { CommitBatch, InstanceWrite, Store } from '@operon/store';
import { activatedJob, type ActivatedJob } from './activated-job';
import type { Clock } from './clock';
import { entityKey } from './entity-key';
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
 * completes or fails the job. A job created on this node while its worker has a free slot is
 * leased to that worker by the very commit that creates it (`reserve`), so it needs no claim;
 * other jobs (another node's, a retry whose backoff passed, an expired lease, a worker that was
 * full) are claimed when the worker has room and something may be waiting, or by polling.
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

  /**
   * Before a batch is committed: reserves a free slot of this node's worker for every job the batch
   * creates for a type with a local worker, so the commit writes those jobs already leased to this
   * node and no claim transaction is needed. The caller reports the commit's fate to the reservation.
   */
  reserve(writes: readonly InstanceWrite[]): JobReservation | undefined {
    const now = this.clock.now();
    const reserved: { worker: Worker; job: ActivatedJob }[] = [];
    const leaseUntil = new Map<string, number>();
    /** Workers with a job in this batch that they must claim from the store after the commit. */
    const unleased = new Set<Worker>();
    for (const write of writes) {
      for (const effect of write.effects) {
        if (effect.type !== 'activate-job') continue;
        const worker = this.workers.get(effect.job.type);
        if (worker === undefined) continue;
        const jobKey = entityKey(write.instanceKey, effect.job.key);
        // only a job this step creates, due at once, and still open at the end of the batch
        const leasable =
          effect.backoffMs === 0 && write.state.jobs[effect.job.key] !== undefined && createdIn(write, effect.job.key);
        if (leaseUntil.has(jobKey)) continue;
        if (!leasable || !worker.reserveSlot()) {
          unleased.add(worker);
          continue;
        }
        const deadline = now + worker.leaseMs;
        leaseUntil.set(jobKey, deadline);
        reserved.push({
          worker,
          job: {
            jobKey,
            type: effect.job.type,
            instanceKey: write.instanceKey,
            processId: write.processId,
            elementId: effect.job.elementId,
            retries: effect.job.retries,
            headers: effect.job.headers,
            variables: effect.variables,
            deadline,
          },
        });
      }
    }
    if (reserved.length === 0 && unleased.size === 0) return undefined;
    return {
      leases: { ownerId: this.ownerId, leaseUntil },
      committed: () => {
        for (const { worker, job } of reserved) worker.runReserved(job);
        for (const worker of unleased) worker.claimSoon();
      },
      aborted: () => {
        for (const { worker } of reserved) worker.releaseSlot();
      },
    };
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

/** Jobs of one batch that this node's workers will run, leased to them by the batch's own commit. */
export interface JobReservation {
  readonly leases: NonNullable<CommitBatch['jobLeases']>;
  /** The commit succeeded: run the jobs. */
  committed(): void;
  /** The commit failed: give the slots back. */
  aborted(): void;
}

function createdIn(write: InstanceWrite, localKey: number): boolean {
  return write.events.some((event) => event.type === 'job-created' && event.job.key === localKey);
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
  /** Jobs running or reserved for a commit in flight. */
  private inFlight = 0;
  /** Jobs may be waiting in the store (created unleased, another node's, a full claim): claim when there is room. */
  private wantsClaim = true;
  private readonly tasks = new Set<Promise<void>>();
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly concurrency: number;
  readonly leaseMs: number;
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

  /** Something may wait in the store: claim as soon as there is room. */
  claimSoon(): void {
    this.wantsClaim = true;
    this.wake();
  }

  /** Takes a slot for a job that a commit in flight leases to this node. */
  reserveSlot(): boolean {
    if (!this.running || this.inFlight >= this.concurrency) return false;
    this.inFlight++;
    return true;
  }

  releaseSlot(): void {
    this.inFlight--;
    if (this.wantsClaim) this.wake();
  }

  /** Runs a job in a slot taken by `reserveSlot`; once stopped, leaves it to its lease (released at stop). */
  runReserved(job: ActivatedJob): void {
    if (!this.running) {
      this.inFlight--;
      return;
    }
    const task = this.executor
      .execute(job, this.handler, this.backoff)
      .catch(() => undefined)
      .finally(() => {
        this.tasks.delete(task);
        this.releaseSlot();
      });
    this.tasks.add(task);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.tasks]);
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const capacity = this.concurrency - this.inFlight;
      if (capacity > 0 && this.wantsClaim) {
        this.wantsClaim = false;
        let claimed: ActivatedJob[] = [];
        try {
          claimed = await this.executor.claim(this.type, capacity, this.leaseMs);
        } catch {
          claimed = []; // the database is away: poll again later
        }
        // a full claim may have left more behind
        if (claimed.length >= capacity) this.wantsClaim = true;
        for (const job of claimed) {
          this.inFlight++;
          this.runReserved(job);
        }
      }
      const more = this.wantsClaim && this.inFlight < this.concurrency;
      // polling finds other nodes' jobs, retries whose backoff passed, and leases that ran out
      if (await this.sleep(more ? 0 : IDLE_POLL_MS)) this.wantsClaim = true;
    }
  }

  /** Resolves true when the time ran out, false when woken. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve(true);
      }, ms);
      this.wakeUp = () => {
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve(false);
      };
    });
  }
}
