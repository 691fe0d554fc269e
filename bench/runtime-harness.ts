/**
 * What the runtime-* scenarios share: the model and its workers, a load driver that keeps a fixed number of
 * instances in flight on one Runtime and records when each of them ends, and the statistics over those records.
 *
 * Times are `performance.timeOrigin + performance.now()`: milliseconds since the epoch with sub-millisecond
 * resolution, comparable between the processes of one machine (the runtime-pg nodes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Runtime } from '@operon/runtime';
import { median } from './measure';

export const MODEL_FILE = 'three-service-tasks.bpmn';
export const PROCESS_ID = 'three-service-tasks';
export const JOB_TYPES = ['a', 'b', 'c'] as const;

/** How long to keep load on, in windows; each window's throughput is one run, and `value` is their median. */
export interface SustainedPlan {
  readonly warmupMs: number;
  readonly windowMs: number;
  readonly windows: number;
  /** Instances started and not yet completed, per node. */
  readonly inFlight: number;
}

/** One instance that ended: when, and how long after its start was asked for. */
export interface Completion {
  readonly at: number;
  readonly latencyMs: number;
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export function modelResource(): { name: string; content: string } {
  return { name: MODEL_FILE, content: readFileSync(join(import.meta.dirname, 'models', MODEL_FILE), 'utf8') };
}

/**
 * Deploys the model and registers workers for a, b and c that complete every job at once with no variables.
 * Each type may run as many jobs at once as there are instances in flight (an instance waits on one job at a time).
 */
export async function prepareRuntime(runtime: Runtime, inFlight: number): Promise<void> {
  await runtime.deploy('bench', [modelResource()]);
  for (const type of JOB_TYPES) runtime.worker(type, () => ({}), { concurrency: inFlight });
}

/**
 * Keeps `inFlight` instances of the model started and not completed on one Runtime, until told to stop starting.
 * An instance counts as completed when a commit (on this node, or on another one, reported through
 * `completedElsewhere`) carries its state with status `completed`.
 */
export class LoadDriver {
  readonly completions: Completion[] = [];
  /** Commands the runtime refused, and other errors of starting: a correct run has none. */
  readonly failures: string[] = [];
  /** Instances this node saw completed that it did not start (another node's): for the other nodes. */
  readonly foreignCompletions: [string, number][] = [];
  started = 0;
  completed = 0;
  private readonly startedAt = new Map<string, number>();
  /** Completions seen before the start call returned its key (possible on another node). */
  private readonly early = new Map<string, number>();
  private starting = false;
  private pendingStarts = 0;
  private readonly limit: number;
  private readonly keepCompletions: boolean;
  private drainWaiters: (() => void)[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    private readonly runtime: Runtime,
    private readonly inFlight: number,
    options: {
      /** Most instances to start; default no limit. */
      limit?: number;
      /** Collect completions of instances this node did not start, for the other nodes. */
      trackForeign?: boolean;
      /** Keep every completion (for the latency percentiles); off, only count them, in constant memory. */
      keepCompletions?: boolean;
    } = {},
  ) {
    this.limit = options.limit ?? Number.POSITIVE_INFINITY;
    this.keepCompletions = options.keepCompletions ?? true;
    const trackForeign = options.trackForeign ?? false;
    this.unsubscribe = runtime.onCommitted((steps) => {
      const at = epochNow();
      for (const step of steps) {
        if (step.state.status !== 'completed') continue;
        if (!this.complete(step.instanceKey, at) && trackForeign) this.foreignCompletions.push([step.instanceKey, at]);
      }
      this.fill();
    });
  }

  /** Instances started and not yet seen completed. */
  get open(): number {
    return this.startedAt.size + this.pendingStarts;
  }

  start(): void {
    this.starting = true;
    this.fill();
  }

  stopStarting(): void {
    this.starting = false;
  }

  /** Another node committed these instances' completion. */
  completedElsewhere(entries: readonly (readonly [string, number])[]): void {
    for (const [instanceKey, at] of entries) {
      if (!this.complete(instanceKey, at)) this.early.set(instanceKey, at);
    }
    this.fill();
  }

  /** Resolves when every instance this driver started has completed. */
  drained(): Promise<void> {
    if (this.open === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  close(): void {
    this.unsubscribe();
  }

  private complete(instanceKey: string, at: number): boolean {
    const startedAt = this.startedAt.get(instanceKey);
    if (startedAt === undefined) return false;
    this.startedAt.delete(instanceKey);
    this.completed++;
    if (this.keepCompletions) this.completions.push({ at, latencyMs: at - startedAt });
    if (this.open === 0) {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
    return true;
  }

  private fill(): void {
    while (this.starting && this.open < this.inFlight && this.started < this.limit) {
      this.started++;
      this.pendingStarts++;
      const startedAt = epochNow();
      this.runtime.startInstance({ processId: PROCESS_ID }).then(
        ({ instanceKey }) => {
          this.pendingStarts--;
          this.startedAt.set(instanceKey, startedAt);
          const early = this.early.get(instanceKey);
          if (early !== undefined) {
            this.early.delete(instanceKey);
            this.complete(instanceKey, early);
          }
          this.fill();
        },
        (error: unknown) => {
          this.pendingStarts--;
          this.failures.push(error instanceof Error ? error.message : String(error));
          this.fill();
        },
      );
    }
  }
}

export interface SustainedFigures {
  /** Median of the windows' throughputs, instances/s. */
  readonly instancesPerSecond: number;
  readonly windowsPerSecond: readonly number[];
  readonly measuredInstances: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
}

/**
 * Throughput per window and start-to-end latency of the instances that completed inside the windows, which
 * follow each other from `measureFrom`.
 */
export function sustainedFigures(
  completions: readonly Completion[],
  measureFrom: number,
  plan: SustainedPlan,
): SustainedFigures {
  const end = measureFrom + plan.windows * plan.windowMs;
  const counts = new Array<number>(plan.windows).fill(0);
  const latencies: number[] = [];
  for (const { at, latencyMs } of completions) {
    if (at < measureFrom || at >= end) continue;
    const window = Math.floor((at - measureFrom) / plan.windowMs);
    counts[window] = (counts[window] ?? 0) + 1;
    latencies.push(latencyMs);
  }
  if (latencies.length === 0) throw new Error('no instance completed while measuring');
  latencies.sort((a, b) => a - b);
  const windowsPerSecond = counts.map((count) => round(count / (plan.windowMs / 1000)));
  return {
    instancesPerSecond: round(median(windowsPerSecond)),
    windowsPerSecond,
    measuredInstances: latencies.length,
    latencyMs: {
      p50: round(percentile(latencies, 0.5)),
      p90: round(percentile(latencies, 0.9)),
      p99: round(percentile(latencies, 0.99)),
      max: round(latencies[latencies.length - 1]!),
    },
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for the driver to drain, failing after `timeoutMs`: instances that never complete fail the scenario. */
export async function drainWithin(driver: LoadDriver, timeoutMs: number, label: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${label}: ${driver.open} instances still open ${timeoutMs} ms after the load stopped`));
    }, timeoutMs);
  });
  try {
    await Promise.race([driver.drained(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Reads an optional positive number from the environment (durations of the sustained scenarios). */
export function environmentNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

/**
 * The sustained plan of a scenario: BENCH_WARMUP_S seconds of warm-up, then `--runs R` windows (default 4) of
 * BENCH_WINDOW_S seconds (default 5); BENCH_IN_FLIGHT instances in flight per node.
 */
export function sustainedPlan(
  runs: number | undefined,
  defaults: { readonly inFlight: number; readonly warmupS: number },
): SustainedPlan {
  return {
    warmupMs: environmentNumber('BENCH_WARMUP_S', defaults.warmupS) * 1000,
    windowMs: environmentNumber('BENCH_WINDOW_S', 5) * 1000,
    windows: runs ?? 4,
    inFlight: Math.round(environmentNumber('BENCH_IN_FLIGHT', defaults.inFlight)),
  };
}
