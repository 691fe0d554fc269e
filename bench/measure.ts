import { performance } from 'node:perf_hooks';

export interface ThroughputPlan {
  /** Operations per measured run. */
  readonly operations: number;
  /** Operations run once before measuring (JIT warm-up), not counted. */
  readonly warmupOperations: number;
  /** Measured runs; the result is their median. */
  readonly runs: number;
}

export interface Throughput {
  /** Median of `runs`, in operations per second. */
  readonly median: number;
  /** Every measured run, in operations per second, in the order they ran. */
  readonly runs: readonly number[];
  /** Every measured run's wall-clock time, in milliseconds. */
  readonly durationsMs: readonly number[];
}

/**
 * Runs `count` operations. `offset` is the number of operations run before this batch (warm-up included),
 * so that a scenario can give every operation a distinct key.
 */
export type Batch = (count: number, offset: number) => void | Promise<void>;

/** Warms up, then times `plan.runs` batches of `plan.operations` with `performance.now()`. */
export async function measureThroughput(plan: ThroughputPlan, batch: Batch): Promise<Throughput> {
  assertPositiveInteger('operations', plan.operations);
  assertPositiveInteger('runs', plan.runs);
  if (!Number.isInteger(plan.warmupOperations) || plan.warmupOperations < 0) {
    throw new RangeError(`warmupOperations must be a non-negative integer, got ${plan.warmupOperations}`);
  }

  let offset = 0;
  if (plan.warmupOperations > 0) {
    await batch(plan.warmupOperations, offset);
    offset += plan.warmupOperations;
  }

  const runs: number[] = [];
  const durationsMs: number[] = [];
  for (let run = 0; run < plan.runs; run++) {
    const started = performance.now();
    await batch(plan.operations, offset);
    const elapsed = performance.now() - started;
    offset += plan.operations;
    durationsMs.push(elapsed);
    // A batch faster than the timer's resolution would divide by zero; count it at the resolution instead.
    runs.push(plan.operations / (Math.max(elapsed, 0.001) / 1000));
  }
  return { median: median(runs), runs, durationsMs };
}

/** The middle value; the mean of the two middle values when the count is even. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle]!;
  return sorted.length % 2 === 1 ? upper : (sorted[middle - 1]! + upper) / 2;
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
