/**
 * runtime-sqlite: instances per second through one durable Runtime on SQLite (WAL, synchronous=FULL), start → three
 * service tasks → end, in-process workers that complete every job at once, a fixed number of instances in flight,
 * sustained for several windows after a warm-up; and their start-to-end latency. Peer: the same model under npm
 * `bpmn-engine`, in memory. Ceiling: single-row INSERT commits per second on the same kind of SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '@operon/runtime';
import { createStore } from '@operon/store';
import { measurePeer } from '../peer-bpmn-engine';
import {
  drainWithin,
  epochNow,
  LoadDriver,
  MODEL_FILE,
  prepareRuntime,
  round,
  sleep,
  sustainedFigures,
  sustainedPlan,
  type SustainedPlan,
} from '../runtime-harness';
import type { ScenarioOptions, ScenarioResult } from '../scenario';
import { sqliteCeiling } from '../store-ceiling';

const DEFAULTS = {
  inFlight: 500,
  warmupS: 3,
  peerInstances: 1_000,
  peerRuns: 3,
  ceilingMs: 3_000,
  drainMs: 60_000,
} as const;

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const plan = sustainedPlan(options.runs, { inFlight: DEFAULTS.inFlight, warmupS: DEFAULTS.warmupS });
  const peerInstances = options.peerInstances ?? DEFAULTS.peerInstances;

  console.error(`runtime-sqlite: bpmn-engine, ${DEFAULTS.peerRuns} runs of ${peerInstances} instances`);
  const peer = await measurePeer({
    instances: peerInstances,
    warmup: Math.round(peerInstances / 10),
    runs: DEFAULTS.peerRuns,
  });
  console.error(`runtime-sqlite: bpmn-engine median ${Math.round(peer.median)} instances/s`);

  console.error(`runtime-sqlite: ceiling, single-row INSERT commits for ${DEFAULTS.ceilingMs} ms`);
  const ceiling = sqliteCeiling(DEFAULTS.ceilingMs);
  console.error(`runtime-sqlite: ceiling ${Math.round(ceiling.commitsPerSecond)} commits/s`);

  const own = await measureRuntime(plan);
  const value = own.figures.instancesPerSecond;
  console.error(
    `runtime-sqlite: Operon ${Math.round(value)} instances/s, p50 ${own.figures.latencyMs.p50} ms, p99 ${own.figures.latencyMs.p99} ms`,
  );

  const result = {
    scenario: 'runtime-sqlite',
    unit: 'instances/s',
    value,
    peer: 'bpmn-engine',
    peerValue: round(peer.median),
    ratio: round(value / peer.median),
    latencyMs: own.figures.latencyMs,
    ceiling: { unit: 'commits/s', value: round(ceiling.commitsPerSecond), settings: ceiling.settings },
    /** Instances completed per second for each raw commit per second the file allows. */
    ceilingRatio: round(value / ceiling.commitsPerSecond),
    details: {
      model: `bench/models/${MODEL_FILE}`,
      store: 'SQLite (better-sqlite3), WAL, synchronous=FULL, fresh file in the OS temp dir',
      plan,
      windowsPerSecond: own.figures.windowsPerSecond,
      measuredInstances: own.figures.measuredInstances,
      startedInstances: own.started,
      transactions: own.transactions,
      ceiling,
      peerModel: peer.model,
      peerVersion: peer.version,
      peerRuns: peer.runs.length,
      peerInstances: peer.instances,
      peerWarmup: peer.warmup,
      peerRunsPerSecond: peer.runs.map(round),
    },
  };
  return result;
}

interface RuntimeMeasurement {
  readonly figures: ReturnType<typeof sustainedFigures>;
  readonly started: number;
  /** Group-commit transactions of instance steps, and how many steps they carried. */
  readonly transactions: { readonly commits: number; readonly steps: number; readonly stepsPerCommit: number };
}

async function measureRuntime(plan: SustainedPlan): Promise<RuntimeMeasurement> {
  const directory = mkdtempSync(join(tmpdir(), 'operon-bench-'));
  const store = createStore({ dataDirectory: directory });
  try {
    const runtime = await Runtime.start({ store, nodeId: 'bench' });
    await prepareRuntime(runtime, plan.inFlight);
    let commits = 0;
    let steps = 0;
    let measuring = false;
    runtime.onCommitted((committed) => {
      if (!measuring) return;
      commits++;
      steps += committed.length;
    });
    const driver = new LoadDriver(runtime, plan.inFlight);
    console.error(
      `runtime-sqlite: Operon, ${plan.inFlight} in flight, ${plan.warmupMs} ms warm-up, ${plan.windows} windows of ${plan.windowMs} ms`,
    );
    driver.start();
    await sleep(plan.warmupMs);
    const measureFrom = epochNow();
    measuring = true;
    await sleep(plan.windows * plan.windowMs);
    measuring = false;
    driver.stopStarting();
    await drainWithin(driver, DEFAULTS.drainMs, 'runtime-sqlite');
    driver.close();
    await runtime.stop();
    if (driver.failures.length > 0) {
      throw new Error(`runtime-sqlite: ${driver.failures.length} starts failed, the first: ${driver.failures[0]}`);
    }
    if (driver.completed !== driver.started) {
      throw new Error(`runtime-sqlite: ${driver.started} instances started, ${driver.completed} completed`);
    }
    return {
      figures: sustainedFigures(driver.completions, measureFrom, plan),
      started: driver.started,
      transactions: { commits, steps, stepsPerCommit: round(steps / Math.max(1, commits)) },
    };
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
