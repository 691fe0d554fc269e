import { Migrator, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from './dialect-adapter';
import { initialSchema } from './migrations/0001-initial';
import { identitySchema } from './migrations/0002-identity';
import { bpmnCoverageSchema } from './migrations/0003-bpmn-coverage';
import { historyStepsSchema } from './migrations/0004-history-steps';
import type { OperonDatabase } from './operon-database';
import type { MigrationReport } from './store';
import { CorruptDatabaseError, NewerSchemaError } from './store-errors';

/** Every migration this code knows, in order. Names sort in the order they run. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initialSchema,
  '0002-identity': identitySchema,
  '0003-bpmn-coverage': bpmnCoverageSchema,
  '0004-history-steps': historyStepsSchema,
};

const MIGRATION_TABLE = 'operon_migration';
const MIGRATION_LOCK_TABLE = 'operon_migration_lock';
const MIGRATION_ATTEMPTS = 3;

/**
 * Brings the schema up to date. Several nodes may start at once: Kysely's migrator takes a lock
 * (a row lock on PostgreSQL), so each migration runs once. A database that has run migrations this
 * code does not know was written by a newer Operon; it is refused rather than half understood.
 */
export async function migrate(db: Kysely<OperonDatabase>, adapter: DialectAdapter): Promise<MigrationReport> {
  await adapter.prepareSchema(db);
  const schema = await adapter.migrationSchema(db);
  await refuseNewerSchema(db, schema, adapter);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const names = Object.keys(MIGRATIONS);
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error === undefined) {
      const applied = results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
      return { applied, current: names[names.length - 1] ?? '' };
    }
    // Another process may have migrated the same SQLite file meanwhile (SQLite has no migration
    // lock); its migrations are visible to the next attempt, which then has nothing to do.
    if (error instanceof CorruptDatabaseError) throw error;
    if (attempt === MIGRATION_ATTEMPTS) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      throw new Error(`Migrating the database ${adapter.location} failed: ${reason}`, { cause: error });
    }
  }
}

async function refuseNewerSchema(
  db: Kysely<OperonDatabase>,
  schema: string | undefined,
  adapter: DialectAdapter,
): Promise<void> {
  if (!(await adapter.hasTable(db, schema, MIGRATION_TABLE))) return;
  const bookkeeping = db.withTables<{ [MIGRATION_TABLE]: { name: string } }>();
  const scoped = schema === undefined ? bookkeeping : bookkeeping.withSchema(schema);
  const executed = await scoped.selectFrom(MIGRATION_TABLE).select('name').execute();
  const unknown = executed.map((row) => row.name).filter((name) => !Object.hasOwn(MIGRATIONS, name));
  if (unknown.length > 0) throw new NewerSchemaError(adapter.location, unknown.sort());
}
