/**
 * runtime-pg: instances per second through durable Runtimes on one PostgreSQL schema, start → three service tasks →
 * end with instant in-process workers, with one node and with two (each a child process running
 * bench/runtime-node.ts, each keeping its own instances in flight); and their start-to-end latency. `value` is the
 * two-node figure. Peer: the same model under npm `bpmn-engine`, in memory. Ceiling: single-row INSERT commits per
 * second on the same PostgreSQL, with one connection and with several.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Runtime } from '@operon/runtime';
import { createStore } from '@operon/store';
import pg from 'pg';
import { measurePeer } from '../peer-bpmn-engine';
import type { FromNode, NodeConfig, ToNode } from '../runtime-node';
import {
  environmentNumber,
  epochNow,
  MODEL_FILE,
  modelResource,
  round,
  sleep,
  sustainedFigures,
  sustainedPlan,
  type Completion,
  type SustainedFigures,
  type SustainedPlan,
} from '../runtime-harness';
import type { ScenarioOptions, ScenarioResult } from '../scenario';
import { postgresCeiling, type Ceiling } from '../store-ceiling';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const NODE_SCRIPT = join(import.meta.dirname, '..', 'runtime-node.ts');
const DEFAULTS = {
  inFlight: 500,
  warmupS: 10,
  maxConnections: 10,
  peerInstances: 1_000,
  peerRuns: 3,
  ceilingMs: 3_000,
  ceilingConnections: 8,
  drainMs: 120_000,
} as const;

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const url = process.env.OPERON_BENCH_DATABASE_URL ?? DEFAULT_URL;
  await assertPostgresAnswers(url);
  const plan = sustainedPlan(options.runs, { inFlight: DEFAULTS.inFlight, warmupS: DEFAULTS.warmupS });
  const peerInstances = options.peerInstances ?? DEFAULTS.peerInstances;

  console.error(`runtime-pg: bpmn-engine, ${DEFAULTS.peerRuns} runs of ${peerInstances} instances`);
  const peer = await measurePeer({
    instances: peerInstances,
    warmup: Math.round(peerInstances / 10),
    runs: DEFAULTS.peerRuns,
  });
  console.error(`runtime-pg: bpmn-engine median ${Math.round(peer.median)} instances/s`);

  const connections = Math.round(environmentNumber('BENCH_CEILING_CONNECTIONS', DEFAULTS.ceilingConnections));
  const ceilingOne = await postgresCeiling(url, 1, DEFAULTS.ceilingMs);
  const ceilingMany = await postgresCeiling(url, connections, DEFAULTS.ceilingMs);
  console.error(
    `runtime-pg: ceiling ${Math.round(ceilingOne.commitsPerSecond)} commits/s on 1 connection, ` +
      `${Math.round(ceilingMany.commitsPerSecond)} on ${connections}`,
  );

  const oneNode = await measureNodes(url, 1, plan);
  const twoNodes = await measureNodes(url, 2, plan);
  const value = twoNodes.figures.instancesPerSecond;

  const result = {
    scenario: 'runtime-pg',
    unit: 'instances/s',
    value,
    peer: 'bpmn-engine',
    peerValue: round(peer.median),
    ratio: round(value / peer.median),
    oneNode: { value: oneNode.figures.instancesPerSecond, latencyMs: oneNode.figures.latencyMs },
    twoNodes: { value, latencyMs: twoNodes.figures.latencyMs },
    ceiling: {
      unit: 'commits/s',
      oneConnection: round(ceilingOne.commitsPerSecond),
      severalConnections: round(ceilingMany.commitsPerSecond),
      connections,
      settings: ceilingOne.settings,
    },
    /** Two-node instances completed per second for each raw commit per second PostgreSQL allows on several connections. */
    ceilingRatio: round(value / ceilingMany.commitsPerSecond),
    details: {
      model: `bench/models/${MODEL_FILE}`,
      store: `PostgreSQL, a fresh schema per measurement, ${DEFAULTS.maxConnections} connections per node`,
      plan: { ...plan, inFlightPer: 'node' },
      oneNode: nodeDetails(oneNode),
      twoNodes: nodeDetails(twoNodes),
      ceilings: [ceilingOne, ceilingMany].map(ceilingDetails),
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

async function assertPostgresAnswers(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `runtime-pg: PostgreSQL does not answer at ${url} (${reason}). Start it, or set OPERON_BENCH_DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface NodesMeasurement {
  readonly nodes: number;
  readonly figures: SustainedFigures;
  readonly started: number;
  readonly perNode: readonly { readonly started: number; readonly commits: number; readonly steps: number }[];
}

function nodeDetails(measurement: NodesMeasurement) {
  return {
    nodes: measurement.nodes,
    windowsPerSecond: measurement.figures.windowsPerSecond,
    measuredInstances: measurement.figures.measuredInstances,
    startedInstances: measurement.started,
    perNode: measurement.perNode.map((node) => ({
      ...node,
      stepsPerCommit: round(node.steps / Math.max(1, node.commits)),
    })),
  };
}

function ceilingDetails(ceiling: Ceiling) {
  return { ...ceiling, commitsPerSecond: round(ceiling.commitsPerSecond), durationMs: round(ceiling.durationMs) };
}

/** Runs `count` nodes on a fresh schema, keeps load on them for the plan's windows, drains, and drops the schema. */
async function measureNodes(url: string, count: number, plan: SustainedPlan): Promise<NodesMeasurement> {
  const schema = `operon_bench_${process.pid}_${count}_${Date.now().toString(36)}`;
  const children: BenchNode[] = [];
  try {
    // Migrate and deploy once here, so that the nodes do not race to do it.
    const store = createStore({ url, schema, maxConnections: 2 });
    const runtime = await Runtime.start({ store, nodeId: 'bench-setup' });
    await runtime.deploy('bench', [modelResource()]);
    await runtime.stop();
    await store.close();

    for (let index = 0; index < count; index++) {
      children.push(
        new BenchNode({
          url,
          schema,
          nodeId: `bench-${index + 1}`,
          inFlight: plan.inFlight,
          maxConnections: DEFAULTS.maxConnections,
        }),
      );
    }
    // An instance that ends on another node is reported there: pass it on to the others.
    for (const child of children) {
      child.onCompletedHere = (entries) => {
        for (const other of children) if (other !== child) other.send({ type: 'completed-elsewhere', entries });
      };
    }
    await Promise.all(children.map((child) => child.next('ready')));
    console.error(
      `runtime-pg: ${count} node(s), ${plan.inFlight} in flight each, ${plan.warmupMs} ms warm-up, ${plan.windows} windows of ${plan.windowMs} ms`,
    );
    for (const child of children) child.send({ type: 'start' });
    await sleep(plan.warmupMs);
    const measureFrom = epochNow();
    await sleep(plan.windows * plan.windowMs);
    const drained = children.map((child) => child.next('drained'));
    for (const child of children) child.send({ type: 'stop-starting' });
    await withTimeout(Promise.all(drained), DEFAULTS.drainMs, `runtime-pg: ${count} node(s) did not drain`);
    const reports = children.map((child) => child.next('report'));
    for (const child of children) child.send({ type: 'finish' });
    const finished = await Promise.all(reports);

    const completions: Completion[] = [];
    let started = 0;
    for (const report of finished) {
      if (report.failures.length > 0) {
        throw new Error(`runtime-pg: ${report.failures.length} starts failed, the first: ${report.failures[0]}`);
      }
      for (let i = 0; i < report.completions.length; i += 2) {
        completions.push({ at: report.completions[i]!, latencyMs: report.completions[i + 1]! });
      }
      started += report.started;
    }
    if (completions.length !== started) {
      throw new Error(`runtime-pg: ${started} instances started on ${count} node(s), ${completions.length} completed`);
    }
    const figures = sustainedFigures(completions, measureFrom, plan);
    console.error(
      `runtime-pg: ${count} node(s) ${Math.round(figures.instancesPerSecond)} instances/s, ` +
        `p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms`,
    );
    return {
      nodes: count,
      figures,
      started,
      perNode: finished.map(({ started: nodeStarted, commits, steps }) => ({ started: nodeStarted, commits, steps })),
    };
  } finally {
    for (const child of children) child.kill();
    await dropSchema(url, schema);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`${message} within ${ms} ms`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

type Message<K extends FromNode['type']> = Extract<FromNode, { type: K }>;

/** A node in a child process: messages in order, and a failure if it exits before it has reported. */
class BenchNode {
  onCompletedHere: (entries: Message<'completed-here'>['entries']) => void = () => undefined;
  private readonly process: ChildProcess;
  private readonly waiting = new Map<
    FromNode['type'],
    { resolve(message: FromNode): void; reject(error: Error): void }
  >();
  private exited: Error | undefined;

  constructor(readonly config: NodeConfig) {
    // The node's own output is progress: it goes to stderr, so stdout keeps only the result line.
    this.process = spawn(
      process.execPath,
      [
        ...process.execArgv.filter((flag) => flag.startsWith('--max-semi-space-size')),
        '--import',
        'tsx',
        NODE_SCRIPT,
        JSON.stringify(config),
      ],
      {
        stdio: ['ignore', 2, 2, 'ipc'],
      },
    );
    this.process.on('message', (message: FromNode) => {
      if (message.type === 'completed-here') {
        this.onCompletedHere(message.entries);
        return;
      }
      const waiter = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      waiter?.resolve(message);
    });
    this.process.on('exit', (code, signal) => {
      this.exited = new Error(`runtime-pg: node ${config.nodeId} exited (${signal ?? code}) before it reported`);
      for (const waiter of this.waiting.values()) waiter.reject(this.exited);
      this.waiting.clear();
    });
  }

  /** The next message of this type. */
  next<K extends FromNode['type']>(type: K): Promise<Message<K>> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting.set(type, { resolve: (message) => resolve(message as Message<K>), reject });
    });
  }

  send(message: ToNode): void {
    if (this.process.connected) this.process.send(message);
  }

  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }
}
