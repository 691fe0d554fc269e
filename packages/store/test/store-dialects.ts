import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createStore, type Store } from '../src/index';

/**
 * The adapters the contract suites run against (STYLE rule 16): SQLite in a temporary file, and
 * PostgreSQL in a fresh schema per test. Without a PostgreSQL server the PostgreSQL suites are
 * skipped with a message, except in CI (`CI=true`), where they fail instead.
 */

export const POSTGRES_URL = process.env.OPERON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** True when the suite cannot run here (and may be skipped). */
  readonly skipped: boolean;
  /** A fresh, empty database. */
  create(): Promise<TestDatabase>;
}

/** One fresh database of a test: stores opened on it, and direct SQL for what a test must fake. */
export interface TestDatabase {
  /** A store on this database (a second call: a second node on the same database). */
  open(): Store;
  /** Runs SQL directly, as another program (or a newer Operon) would. */
  execute(statement: string): Promise<void>;
  /** Deletes every row of Operon's tables (the schema stays). */
  empty(): Promise<void>;
  dispose(): Promise<void>;
}

const sqlite: Dialect = {
  name: 'sqlite',
  skipped: false,
  create() {
    const directory = mkdtempSync(join(tmpdir(), 'operon-store-'));
    const filename = join(directory, 'operon.sqlite');
    const stores: Store[] = [];
    return Promise.resolve({
      open() {
        const store = createStore({ filename });
        stores.push(store);
        return store;
      },
      execute(statement) {
        const database = new Database(filename);
        try {
          database.exec(statement);
        } finally {
          database.close();
        }
        return Promise.resolve();
      },
      empty() {
        return this.execute(TABLES.map((table) => `delete from ${table};`).join('\n'));
      },
      async dispose() {
        for (const store of stores) await store.close();
        rmSync(directory, { recursive: true, force: true });
      },
    });
  },
};

const postgresProblem = await probePostgres();
if (postgresProblem !== undefined && process.env.CI !== 'true') {
  console.warn(
    `[store] PostgreSQL contract suites skipped: ${postgresProblem}. Start PostgreSQL or set OPERON_TEST_DATABASE_URL.`,
  );
}

let adminPool: pg.Pool | undefined;
afterAll(async () => {
  await adminPool?.end();
  adminPool = undefined;
});

const postgres: Dialect = {
  name: 'postgres',
  // in CI a missing server is a failure, not a skip
  skipped: postgresProblem !== undefined && process.env.CI !== 'true',
  async create() {
    if (postgresProblem !== undefined) throw new Error(`PostgreSQL is required in CI (CI=true): ${postgresProblem}`);
    adminPool ??= new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
    const admin = adminPool;
    const schema = `operon_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await admin.query(`create schema ${schema}`);
    const stores: Store[] = [];
    return {
      open() {
        const store = createStore({ url: POSTGRES_URL, schema, maxConnections: 4 });
        stores.push(store);
        return store;
      },
      async execute(statement) {
        const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      },
      async empty() {
        await admin.query(`truncate ${TABLES.map((table) => `${schema}.${table}`).join(', ')}`);
      },
      async dispose() {
        for (const store of stores) await store.close();
        await admin.query(`drop schema ${schema} cascade`);
      },
    };
  },
};

export const DIALECTS: readonly Dialect[] = [sqlite, postgres];

const TABLES = [
  'deployments',
  'resources',
  'process_definitions',
  'process_instances',
  'history_steps',
  'element_statistics',
  'jobs',
  'user_tasks',
  'user_task_candidates',
  'incidents',
  'variables',
  'timers',
  'message_subscriptions',
  'messages',
];

/**
 * One migrated database for all the tests of a describe block, emptied before each test:
 * migrating a fresh PostgreSQL schema per test would cost more than the tests.
 */
export function migratedStore(dialect: Dialect): () => { store: Store; database: TestDatabase } {
  let current: { store: Store; database: TestDatabase } | undefined;
  beforeAll(async () => {
    if (dialect.skipped) return;
    const database = await dialect.create();
    const store = database.open();
    await store.migrate();
    current = { store, database };
  });
  beforeEach(async () => {
    await current?.database.empty();
  });
  afterAll(async () => {
    await current?.database.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no store: call inside a test');
    return current;
  };
}

/** A fresh, empty (not migrated) database and a store on it for each test. */
export function freshStore(dialect: Dialect): () => { store: Store; database: TestDatabase } {
  let current: { store: Store; database: TestDatabase } | undefined;
  beforeEach(async () => {
    const database = await dialect.create();
    current = { store: database.open(), database };
  });
  afterEach(async () => {
    await current?.database.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no store: call inside a test');
    return current;
  };
}

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL answers at ${POSTGRES_URL} (${error instanceof Error ? error.message : 'unknown error'})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
