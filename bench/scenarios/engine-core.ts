/**
 * engine-core: instances per second through the pure engine, start → three service tasks → end,
 * every job completed at once. Peer: the same model under npm `bpmn-engine`, in memory, with
 * service tasks that call back at once. Neither side does I/O or logging; both parse the model once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as OperonEngine from '@operon/engine';
import { parseBpmn, type ProcessDefinition } from '@operon/model';
import { measureThroughput } from '../measure';
import { bpmnEngineVersion, PEER_MODEL, preparePeer } from '../peer-bpmn-engine';
import type { ScenarioOptions, ScenarioResult } from '../scenario';

const MODELS_DIR = join(import.meta.dirname, '..', 'models');
const MODEL = 'three-service-tasks.bpmn';
const PROCESS_ID = 'three-service-tasks';
const SERVICE_TASKS = 3;

const DEFAULTS = { instances: 20_000, peerInstances: 1_000, runs: 5 } as const;
/** Each side warms up on a tenth of its measured instances. */
const WARMUP_SHARE = 0.1;

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const instances = options.instances ?? DEFAULTS.instances;
  const peerInstances = options.peerInstances ?? DEFAULTS.peerInstances;
  const runs = options.runs ?? DEFAULTS.runs;
  const warmup = Math.round(instances * WARMUP_SHARE);
  const peerWarmup = Math.round(peerInstances * WARMUP_SHARE);

  // Find out first whether Operon's side can run, but measure the peer either way: its figure is still worth seeing.
  const operon = await prepareOperon().then(
    (batch) => ({ ok: true, batch }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );

  console.error(`engine-core: bpmn-engine, ${runs} runs of ${peerInstances} instances after ${peerWarmup} warm-up`);
  const peer = await measureThroughput(
    { operations: peerInstances, warmupOperations: peerWarmup, runs },
    await preparePeer(),
  );
  console.error(`engine-core: bpmn-engine median ${Math.round(peer.median)} instances/s`);

  if (!operon.ok) {
    const reason = operon.error instanceof Error ? operon.error.message : String(operon.error);
    throw new Error(
      `engine-core: Operon's side cannot run: ${reason}\n` +
        `(bpmn-engine measured ${Math.round(peer.median)} instances/s; nothing written, the run is incomplete)`,
    );
  }

  console.error(`engine-core: Operon, ${runs} runs of ${instances} instances after ${warmup} warm-up`);
  const own = await measureThroughput({ operations: instances, warmupOperations: warmup, runs }, operon.batch);
  console.error(`engine-core: Operon median ${Math.round(own.median)} instances/s`);

  return {
    scenario: 'engine-core',
    unit: 'instances/s',
    value: round(own.median),
    peer: 'bpmn-engine',
    peerValue: round(peer.median),
    ratio: round(own.median / peer.median),
    details: {
      model: `bench/models/${MODEL}`,
      peerModel: `bench/models/${PEER_MODEL}`,
      peerVersion: bpmnEngineVersion(),
      runs,
      instances,
      warmup,
      runsPerSecond: own.runs.map(round),
      runDurationsMs: own.durationsMs.map(round),
      peerInstances,
      peerWarmup,
      peerRunsPerSecond: peer.runs.map(round),
      peerRunDurationsMs: peer.durationsMs.map(round),
    },
  };
}

/** Parses the model once and returns a batch that runs instances to completion through `process`. */
async function prepareOperon(): Promise<(count: number, offset: number) => void> {
  let engine: Partial<typeof OperonEngine>;
  try {
    // Imported here rather than at the top so that a missing or half-written engine is reported, not a crash.
    engine = await import('@operon/engine');
  } catch (error) {
    throw new Error(`@operon/engine cannot be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
  const processCommand = engine.process;
  if (typeof processCommand !== 'function') throw new Error('@operon/engine does not export `process` yet');

  const definition = await parseModel();
  const context: OperonEngine.EngineContext = { now: 0, definition };

  return (count, offset) => {
    for (let i = offset; i < offset + count; i++) {
      const instanceKey = String(i);
      let result = processCommand(undefined, { type: 'create-instance', instanceKey, variables: {} }, context);
      const pending = jobKeysOf(instanceKey, result);
      let completedJobs = 0;
      for (let jobKey = pending.shift(); jobKey !== undefined; jobKey = pending.shift()) {
        result = processCommand(result.state, { type: 'complete-job', jobKey }, context);
        pending.push(...jobKeysOf(instanceKey, result));
        completedJobs++;
      }
      // The bench must not report a broken run as a fast one.
      const status = result.state?.status ?? 'missing';
      if (status !== 'completed' || completedJobs !== SERVICE_TASKS) {
        throw new Error(
          `engine-core: Operon instance ${instanceKey} ended as "${status}" after ${completedJobs} of ${SERVICE_TASKS} jobs`,
        );
      }
    }
  };
}

function jobKeysOf(instanceKey: string, result: OperonEngine.ProcessResult): number[] {
  if (result.rejection) {
    throw new Error(
      `engine-core: Operon rejected a command of instance ${instanceKey}: ${result.rejection.code} ${result.rejection.message}`,
    );
  }
  const keys: number[] = [];
  for (const effect of result.effects) if (effect.type === 'activate-job') keys.push(effect.job.key);
  return keys;
}

async function parseModel(): Promise<ProcessDefinition> {
  let outcome: Awaited<ReturnType<typeof parseBpmn>>;
  try {
    outcome = await parseBpmn(readFileSync(join(MODELS_DIR, MODEL), 'utf8'));
  } catch (error) {
    throw new Error(`parseBpmn threw (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!outcome.ok) {
    const problems = outcome.diagnostics.map((diagnostic) => JSON.stringify(diagnostic)).join('; ');
    throw new Error(`parseBpmn refused bench/models/${MODEL}: ${problems}`);
  }
  const definition = outcome.model.processes.find((candidate) => candidate.id === PROCESS_ID);
  if (!definition) throw new Error(`bench/models/${MODEL} has no process "${PROCESS_ID}"`);
  return definition;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
