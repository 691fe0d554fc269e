import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../src/index';
import { initialSchema } from '../src/migrations/0001-initial';
import { identitySchema } from '../src/migrations/0002-identity';
import { bpmnCoverageSchema } from '../src/migrations/0003-bpmn-coverage';
import { openSqlite } from '../src/sqlite-connection';

/** A database written by the Operon before 0004: history as one row per event. */
async function databaseBeforeHistorySteps(filename: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: openSqlite(filename) }) });
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: () =>
        Promise.resolve({
          '0001-initial': initialSchema,
          '0002-identity': identitySchema,
          '0003-bpmn-coverage': bpmnCoverageSchema,
        }),
    },
    migrationTableName: 'operon_migration',
    migrationLockTableName: 'operon_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw new Error('Migrating to 0003 failed.', { cause: error });
  const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await raw
    .insertInto('process_instances')
    .values({
      tenant_id: 'default',
      instance_key: 'i-1',
      definition_key: 'd-1',
      process_id: 'p',
      business_key: null,
      status: 'completed',
      version: 2,
      state: '{}',
      event_count: 3,
      open_incidents: 0,
      started_at: 10,
      ended_at: 20,
      updated_at: 20,
    })
    .execute();
  const events = [
    { type: 'element-activating', key: 2, elementId: 'task', scopeKey: 1 },
    { type: 'element-activated', key: 2, elementId: 'task' },
    { type: 'element-completed', key: 2, elementId: 'task' },
  ];
  await raw
    .insertInto('history_events')
    .values(
      events.map((event, index) => ({
        tenant_id: 'default',
        instance_key: 'i-1',
        position: index + 1,
        type: event.type,
        element_id: event.elementId,
        payload: JSON.stringify(event),
        at: index === 2 ? 20 : 10,
      })),
    )
    .execute();
  await db.destroy();
}

describe('migration 0004: history as steps', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'operon-migration-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps every event of an older database, in order, and counts them per element', async () => {
    // given a database whose history was written one row per event
    const filename = join(directory, 'operon.sqlite');
    await databaseBeforeHistorySteps(filename);

    // when the current Operon migrates it
    const store = createStore({ filename });
    const report = await store.migrate();

    // then the history reads as before and the heatmap counts what had happened
    expect(report.applied).toEqual(['0004-history-steps']);
    const history = await store.history('default', 'i-1', { limit: 10 });
    expect(history.items.map((record) => [record.position, record.type, record.elementId, record.at])).toEqual([
      [1, 'element-activating', 'task', 10],
      [2, 'element-activated', 'task', 10],
      [3, 'element-completed', 'task', 20],
    ]);
    const statistics = await store.elementStatistics('default', 'd-1');
    expect(statistics).toEqual([
      { elementId: 'task', active: 0, completed: 1, terminated: 0, incidents: 0, averageDurationMs: 10 },
    ]);
    await store.close();
  });
});
