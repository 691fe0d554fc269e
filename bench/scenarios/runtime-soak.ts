/**
 * runtime-soak: a long run through one durable Runtime on SQLite (500,000 instances of start → three service tasks →
 * end by default; `--instances N` to shorten it), sampling the process's resident memory. After a warm-up (the first
 * tenth of the instances), RSS must stay within 100 MB of what it was then. `value` is the instances per second over
 * the whole run; the ceiling beside it is single-row INSERT commits per second on the same kind of SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Runtime } from '@operon/runtime';
import { createStore } from '@operon/store';
import { environmentNumber, LoadDriver, MODEL_FILE, prepareRuntime, round } from '../runtime-harness';
import type { ScenarioOptions, ScenarioResult } from '../scenario';
import { sqliteCeiling } from '../store-ceiling';

const DEFAULTS = { instances: 500_000, inFlight: 500, warmupShare: 0.1, ceilingMs: 3_000, stallMs: 60_000 } as const;
const BUDGET_MB = 100;
const MB = 2 ** 20;

interface MemorySample {
  /** Seconds since the load started. */
  readonly s: number;
  readonly completed: number;
  readonly rssMB: number;
  readonly heapUsedMB: number;
}

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const instances = options.instances ?? DEFAULTS.instances;
  const warmupInstances = Math.round(instances * DEFAULTS.warmupShare);
  const sampleMs = environmentNumber('BENCH_SAMPLE_S', 5) * 1000;

  console.error(`runtime-soak: ceiling, single-row INSERT commits for ${DEFAULTS.ceilingMs} ms`);
  const ceiling = sqliteCeiling(DEFAULTS.ceilingMs);

  const directory = mkdtempSync(join(tmpdir(), 'operon-soak-'));
  const store = createStore({ dataDirectory: directory });
  try {
    const runtime = await Runtime.start({ store, nodeId: 'soak' });
    await prepareRuntime(runtime, DEFAULTS.inFlight);
    const driver = new LoadDriver(runtime, DEFAULTS.inFlight, { limit: instances, keepCompletions: false });
    console.error(
      `runtime-soak: ${instances} instances, ${DEFAULTS.inFlight} in flight, warm-up ${warmupInstances}, a sample every ${sampleMs} ms`,
    );

    const samples: MemorySample[] = [];
    let baseline: MemorySample | undefined;
    let warmedAt = 0;
    const started = performance.now();
    const sample = (): MemorySample => {
      const memory = process.memoryUsage();
      const taken = {
        s: round((performance.now() - started) / 1000),
        completed: driver.completed,
        rssMB: round(memory.rss / MB),
        heapUsedMB: round(memory.heapUsed / MB),
      };
      samples.push(taken);
      return taken;
    };
    sample();
    let stalled: (error: Error) => void = () => undefined;
    const stall = new Promise<never>((_, reject) => (stalled = reject));
    let progressAt = performance.now();
    let progressCount = 0;
    const sampler = setInterval(() => {
      const taken = sample();
      if (baseline === undefined && taken.completed >= warmupInstances) {
        baseline = taken;
        warmedAt = performance.now();
      }
      if (taken.completed > progressCount) {
        progressCount = taken.completed;
        progressAt = performance.now();
      } else if (performance.now() - progressAt > DEFAULTS.stallMs) {
        stalled(new Error(`runtime-soak: no instance completed for ${DEFAULTS.stallMs} ms (${driver.open} open)`));
      }
      console.error(`runtime-soak: ${taken.s} s, ${taken.completed} completed, RSS ${taken.rssMB} MB`);
    }, sampleMs);

    driver.start();
    try {
      // drained() settles whenever nothing is open; the run is over once every instance has been started.
      while (driver.completed + driver.failures.length < instances) await Promise.race([driver.drained(), stall]);
    } finally {
      clearInterval(sampler);
    }
    const elapsedMs = performance.now() - started;
    const last = sample();
    driver.close();
    await runtime.stop();

    if (driver.failures.length > 0) {
      throw new Error(`runtime-soak: ${driver.failures.length} starts failed, the first: ${driver.failures[0]}`);
    }
    if (driver.completed !== instances) {
      throw new Error(`runtime-soak: ${instances} instances asked for, ${driver.completed} completed`);
    }
    const start = baseline ?? last;
    const afterWarmup = samples.filter((taken) => taken.completed >= start.completed);
    const peakMB = Math.max(...afterWarmup.map((taken) => taken.rssMB));
    const growthMB = round(peakMB - start.rssMB);
    const value = round(instances / (elapsedMs / 1000));
    const measuredRate =
      baseline === undefined
        ? value
        : round((instances - baseline.completed) / ((performance.now() - warmedAt) / 1000));
    console.error(
      `runtime-soak: ${value} instances/s; RSS ${start.rssMB} MB after warm-up, peak ${peakMB} MB, ` +
        `growth ${growthMB} MB (budget ${BUDGET_MB} MB)`,
    );

    const result = {
      scenario: 'runtime-soak',
      unit: 'instances/s',
      value,
      peer: 'ceiling: SQLite single-row INSERT commits/s (WAL, synchronous=FULL)',
      peerValue: round(ceiling.commitsPerSecond),
      ratio: round(value / ceiling.commitsPerSecond),
      memory: {
        budgetMB: BUDGET_MB,
        rssAfterWarmupMB: start.rssMB,
        peakRssAfterWarmupMB: peakMB,
        growthMB,
        withinBudget: growthMB <= BUDGET_MB,
        finalRssMB: last.rssMB,
      },
      details: {
        model: `bench/models/${MODEL_FILE}`,
        store: 'SQLite (better-sqlite3), WAL, synchronous=FULL, fresh file in the OS temp dir',
        instances,
        warmupInstances,
        inFlight: DEFAULTS.inFlight,
        durationS: round(elapsedMs / 1000),
        instancesPerSecondAfterWarmup: measuredRate,
        sampleEveryMs: sampleMs,
        samples,
        ceiling,
      },
    };
    return result;
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
