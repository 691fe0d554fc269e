/**
 * The peer of the instance-throughput scenarios: npm `bpmn-engine`, in memory, running
 * start → three service tasks → end with services that call back at once. Shared by engine-core
 * and the runtime-* scenarios, so that every scenario measures the same peer the same way.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'bpmn-engine';
import { measureThroughput, type Throughput } from './measure';

const MODELS_DIR = join(import.meta.dirname, 'models');
/** The Operon model with `implementation="${environment.services.done}"` on each service task. */
export const PEER_MODEL = 'three-service-tasks.bpmn-engine.bpmn';
const SERVICE_TASKS = 3;

/** A measured peer: its throughput and what it was measured on, for a scenario's `details`. */
export interface PeerMeasurement extends Throughput {
  readonly instances: number;
  readonly warmup: number;
  readonly version: string;
  readonly model: string;
}

/** Measures the peer: `runs` batches of `instances`, after a warm-up batch of `warmup`. */
export async function measurePeer(plan: { instances: number; warmup: number; runs: number }): Promise<PeerMeasurement> {
  const throughput = await measureThroughput(
    { operations: plan.instances, warmupOperations: plan.warmup, runs: plan.runs },
    await preparePeer(),
  );
  return {
    ...throughput,
    instances: plan.instances,
    warmup: plan.warmup,
    version: bpmnEngineVersion(),
    model: `bench/models/${PEER_MODEL}`,
  };
}

/**
 * Parses the peer model once (bpmn-engine's own parser, through its public `getDefinitions()`), then returns a batch
 * that runs one engine per instance, one after the other, each to its `end` event.
 */
export async function preparePeer(): Promise<(count: number) => Promise<void>> {
  const parser = new Engine({ name: 'peer-parse', source: readFileSync(join(MODELS_DIR, PEER_MODEL), 'utf8') });
  const [definition] = await parser.getDefinitions();
  if (!definition) throw new Error(`bpmn-engine found no definition in bench/models/${PEER_MODEL}`);
  const sourceContext = definition.context.definitionContext;

  let calls = 0;
  const services = {
    done(_scope: unknown, next: (error: Error | null) => void): void {
      calls++;
      next(null);
    },
  };

  return async (count) => {
    const callsBefore = calls;
    for (let i = 0; i < count; i++) {
      const engine = new Engine({ name: 'peer', sourceContext, services, Logger: silentLogger });
      const ended = engine.waitFor('end');
      await engine.execute();
      await ended;
    }
    if (calls - callsBefore !== count * SERVICE_TASKS) {
      throw new Error(
        `bpmn-engine called the service ${calls - callsBefore} times for ${count} instances, expected ${count * SERVICE_TASKS}`,
      );
    }
  };
}

/**
 * bpmn-engine logs through `debug`, which costs about a sixth of its time here even when disabled (creating loggers,
 * probing the terminal). Operon's engine does not log, so the peer gets a silent logger: every doubt goes to the peer.
 */
function silentLogger(): { debug(): void; warn(): void; error(): void } {
  return { debug: ignore, warn: ignore, error: ignore };
}

function ignore(): void {
  // Nothing to do: see silentLogger.
}

export function bpmnEngineVersion(): string {
  try {
    const entry = fileURLToPath(import.meta.resolve('bpmn-engine'));
    const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
