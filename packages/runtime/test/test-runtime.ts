import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type Store } from '@operon/store';
import pg from 'pg';
import { Runtime, type RuntimeOptions } from '../src/index';

export const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

export function bpmn(processId: string, content: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-${processId}" targetNamespace="http://operon.test">
  <bpmn:process id="${processId}" isExecutable="true">${content}</bpmn:process>${extra}
</bpmn:definitions>`;
}

/** start → service tasks of the given types in a row → end. */
/** Process `p`: a start event with the definition → a user task `work` → end (start-event tests). */
export function startEventModel(startDefinition: string, roots = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d" targetNamespace="http://operon.test">${roots}
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="start">${startDefinition}</bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/><bpmn:userTask id="work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/><bpmn:endEvent id="end"/></bpmn:process>
</bpmn:definitions>`;
}

export function sequenceOfJobs(processId: string, types: readonly string[]): string {
  const ids = ['start', ...types.map((type) => `task-${type}`), 'end'];
  const tasks = types
    .map(
      (type) =>
        `<bpmn:serviceTask id="task-${type}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>`,
    )
    .join('');
  const flows = ids
    .slice(1)
    .map((id, index) => `<bpmn:sequenceFlow id="f${index}" sourceRef="${ids[index] ?? ''}" targetRef="${id}"/>`)
    .join('');
  return bpmn(processId, `<bpmn:startEvent id="start"/>${tasks}${flows}<bpmn:endEvent id="end"/>`);
}

export interface TestRuntime {
  readonly runtime: Runtime;
  readonly store: Store;
  /** Where the data is: a SQLite directory, or a PostgreSQL schema. */
  readonly directory: string;
  restart(): Promise<TestRuntime>;
  close(): Promise<void>;
}

/** A runtime on a fresh SQLite file in a temporary directory. */
export async function sqliteRuntime(
  options: Partial<RuntimeOptions> = {},
  directory = mkdtempSync(join(tmpdir(), 'operon-runtime-')),
): Promise<TestRuntime> {
  const store = createStore({ dataDirectory: directory });
  return started(store, options, directory, sqliteRuntime, () => {
    rmSync(directory, { recursive: true, force: true });
    return Promise.resolve();
  });
}

/** Starts a runtime on the store; `restart` reopens the same data (`reopen`), `close` then disposes of it. */
async function started(
  store: Store,
  options: Partial<RuntimeOptions>,
  directory: string,
  reopen: (options: Partial<RuntimeOptions>, directory: string) => Promise<TestRuntime>,
  dispose: () => Promise<void>,
): Promise<TestRuntime> {
  const runtime = await Runtime.start({ ...options, store });
  const stop = async (): Promise<void> => {
    await runtime.stop();
    await store.close();
  };
  return {
    runtime,
    store,
    directory,
    restart: async () => {
      await stop();
      return reopen(options, directory);
    },
    close: async () => {
      await stop();
      await dispose();
    },
  };
}

export const POSTGRES_URL = process.env.OPERON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A runtime on a fresh PostgreSQL schema of its own (so tests never see each other's rows); `restart` opens
 * the same schema again, `close` drops it.
 */
export async function pgRuntime(
  options: Partial<RuntimeOptions> = {},
  schema = `operon_rt_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
): Promise<TestRuntime> {
  await onPostgres(`create schema if not exists ${schema}`);
  const store = createStore({ url: POSTGRES_URL, schema, maxConnections: 4 });
  return started(store, options, schema, pgRuntime, () => onPostgres(`drop schema if exists ${schema} cascade`));
}

async function onPostgres(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database a runtime test runs on (STYLE rule 16: `for (const dialect of DIALECTS) describe(…)`). */
export interface RuntimeDialect {
  readonly name: 'sqlite' | 'postgres';
  /** True when the suite cannot run here and is skipped (never in CI). */
  readonly skipped: boolean;
  start(options?: Partial<RuntimeOptions>): Promise<TestRuntime>;
}

const postgresProblem = await probePostgres();
if (postgresProblem !== undefined && process.env.CI !== 'true') {
  console.warn(
    `[runtime] PostgreSQL restart tests skipped: ${postgresProblem}. Start PostgreSQL or set OPERON_TEST_DATABASE_URL.`,
  );
}

export const DIALECTS: readonly RuntimeDialect[] = [
  { name: 'sqlite', skipped: false, start: (options) => sqliteRuntime(options) },
  {
    name: 'postgres',
    // in CI a missing server is a failure, not a skip
    skipped: postgresProblem !== undefined && process.env.CI !== 'true',
    start: (options) => {
      if (postgresProblem !== undefined) throw new Error(`PostgreSQL is required in CI (CI=true): ${postgresProblem}`);
      return pgRuntime(options);
    },
  },
];

async function probePostgres(): Promise<string | undefined> {
  try {
    await onPostgres('select 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL answers at ${POSTGRES_URL} (${error instanceof Error ? error.message : 'unknown error'})`;
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
