/**
 * http: process instances started per second through the REST API (`POST /api/v1/process-instances`
 * with an API token), 64 keep-alive connections, on SQLite in a fresh temp dir; with p99 latency.
 * Ceiling: a bare Fastify route answering the same JSON POST, on the same machine, in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runLoad, type LoadFigures, type LoadPlan } from '../http-load';
import type { TargetDescription } from '../http-target';
import { environmentNumber, round } from '../runtime-harness';
import type { ScenarioOptions, ScenarioResult } from '../scenario';

const TARGET = join(import.meta.dirname, '..', 'http-target.ts');

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const plan: LoadPlan = {
    connections: 64,
    warmupMs: environmentNumber('BENCH_HTTP_WARMUP_MS', 3_000),
    windowMs: environmentNumber('BENCH_HTTP_WINDOW_MS', 5_000),
    windows: options.runs ?? 3,
  };
  const dataDirectory = mkdtempSync(join(tmpdir(), 'operon-bench-http-'));
  try {
    console.error(
      `http: ceiling, a bare Fastify route, ${plan.connections} connections, ${plan.windows} × ${plan.windowMs} ms`,
    );
    const ceiling = await measure(['bare'], plan);
    console.error(`http: ceiling ${Math.round(ceiling.requestsPerSecond)} requests/s, p99 ${ceiling.latencyMs.p99} ms`);

    console.error(`http: Operon on SQLite in ${dataDirectory}, starts through the API with a token`);
    const own = await measure(['operon', dataDirectory], plan);
    console.error(`http: Operon ${Math.round(own.requestsPerSecond)} starts/s, p99 ${own.latencyMs.p99} ms`);

    const result = {
      scenario: 'http',
      unit: 'instances started/s',
      value: own.requestsPerSecond,
      peer: 'ceiling: bare Fastify POST route, same machine',
      peerValue: ceiling.requestsPerSecond,
      ratio: round(own.requestsPerSecond / ceiling.requestsPerSecond),
      latencyMs: own.latencyMs,
      details: {
        route: 'POST /api/v1/process-instances (Authorization: Bearer opr.…), 201 expected',
        model: 'bench/models/three-service-tasks.bpmn: each start runs to its first service task (job created)',
        store: 'SQLite (better-sqlite3), WAL, fresh directory in the OS temp dir',
        loadGenerator: 'bench/http-load.ts: node:http keep-alive agent, closed loop per connection',
        plan,
        windowsPerSecond: own.windowsPerSecond,
        measuredStarts: own.measuredRequests,
        totalStarts: own.totalRequests,
        ceiling,
      },
    };
    return result;
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

/** Starts the target in a child process, loads it, stops it. */
async function measure(args: readonly string[], plan: LoadPlan): Promise<LoadFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', TARGET, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const target = await describeTarget(child);
    return await runLoad(
      {
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: (n) => JSON.stringify({ processId: target.processId, businessKey: `B-${n}`, variables: { n } }),
        expectStatus: 201,
      },
      plan,
    );
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}

async function describeTarget(child: ChildProcess): Promise<TargetDescription> {
  if (child.stdout === null) throw new Error('http: the target has no stdout');
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`http: the target exited with ${String(code)} before it was ready`);
  });
  const ready = (async () => {
    for await (const line of lines) return JSON.parse(line) as TargetDescription;
    throw new Error('http: the target closed its output before it was ready');
  })();
  return Promise.race([ready, exited]);
}
