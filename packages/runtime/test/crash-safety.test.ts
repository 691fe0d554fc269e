import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStore, type Store } from '@operon/store';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Given a node running 1,000 instances of start → a → b → c → end, when it is killed with SIGKILL
 * in the middle and work resumes (a restart, or another node), then every instance completes and
 * every element of every instance completed exactly once in the history.
 */

const INSTANCES = 1_000;
const ELEMENTS = ['start', 'task-a', 'task-b', 'task-c', 'end', 'three'];
const child = resolve(import.meta.dirname, 'fixtures/crash-node.ts');
const POSTGRES_URL = process.env.OPERON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function startNode(args: string[]): { process: ChildProcess; lines: string[]; waitFor(line: string): Promise<void> } {
  const node = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let errors = '';
  node.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  node.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.line === line)) waiter.resolve();
    }
  });
  return {
    process: node,
    lines,
    waitFor: (line) =>
      new Promise((resolve, reject) => {
        if (lines.includes(line)) {
          resolve();
          return;
        }
        waiters.push({ line, resolve });
        node.once('exit', (code) =>
          reject(new Error(`node exited (${code}) before '${line}': ${errors.slice(-2000)}`)),
        );
      }),
  };
}

async function countCompleted(store: Store): Promise<number> {
  const page = await store.queryInstances(
    { tenantId: 'default', processId: 'three', status: 'completed' },
    { limit: INSTANCES + 1 },
  );
  return page.items.length;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function assertEveryElementCompletedOnce(store: Store): Promise<void> {
  const instances = await store.queryInstances({ tenantId: 'default', processId: 'three' }, { limit: INSTANCES + 1 });
  expect(instances.items).toHaveLength(INSTANCES);
  for (const instance of instances.items) {
    expect(instance.status).toBe('completed');
    const history = await store.history('default', instance.instanceKey, { limit: 1_000 });
    const completed = history.items
      .filter((record) => record.type === 'element-completed')
      .map((record) => record.elementId);
    expect(completed.sort()).toEqual([...ELEMENTS].sort());
  }
}

describe('crash safety on SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'operon-crash-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('a node killed in the middle of 1,000 instances finishes them all after a restart, each element once', async () => {
    const first = startNode(['--data-dir', directory, '--node', 'first', '--start', String(INSTANCES)]);
    await first.waitFor(`started ${INSTANCES}`);
    const observer = createStore({ dataDirectory: directory });
    await waitUntil(async () => (await countCompleted(observer)) >= INSTANCES / 10, 120_000);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    const completedAtKill = await countCompleted(observer);
    expect(completedAtKill).toBeLessThan(INSTANCES);

    const second = startNode(['--data-dir', directory, '--node', 'second']);
    await second.waitFor('ready');
    await waitUntil(async () => (await countCompleted(observer)) === INSTANCES, 240_000);
    second.process.kill('SIGTERM');

    await assertEveryElementCompletedOnce(observer);
    await observer.close();
  }, 400_000);
});

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const postgresUp = await postgresAnswers();
if (!postgresUp) {
  if (process.env.CI === 'true')
    throw new Error(
      `PostgreSQL does not answer at ${POSTGRES_URL}, and CI=true requires the PostgreSQL crash test to run.`,
    );
  console.warn(`Skipping the PostgreSQL crash test: no PostgreSQL answers at ${POSTGRES_URL}.`);
}

describe.skipIf(!postgresUp)('crash safety on PostgreSQL with two nodes', () => {
  const schema = `operon_crash_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('when one of two nodes is killed, the other finishes every instance, each element once', async () => {
    const observer = createStore({ url: POSTGRES_URL, schema, maxConnections: 2 });
    await observer.migrate();
    const first = startNode([
      '--url',
      POSTGRES_URL,
      '--schema',
      schema,
      '--node',
      'first',
      '--start',
      String(INSTANCES),
    ]);
    const second = startNode(['--url', POSTGRES_URL, '--schema', schema, '--node', 'second']);
    await Promise.all([first.waitFor(`started ${INSTANCES}`), second.waitFor('ready')]);
    await waitUntil(async () => (await countCompleted(observer)) >= INSTANCES / 10, 120_000);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    expect(await countCompleted(observer)).toBeLessThan(INSTANCES);

    await waitUntil(async () => (await countCompleted(observer)) === INSTANCES, 240_000);
    second.process.kill('SIGTERM');

    await assertEveryElementCompletedOnce(observer);
    await observer.close();
  }, 400_000);
});
