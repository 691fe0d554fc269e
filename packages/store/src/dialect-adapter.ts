import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { OperonDatabase } from './operon-database';

/**
 * The few places where SQLite and PostgreSQL need different SQL. Everything else is one query
 * for both. SQLite has a single writer, so what PostgreSQL needs locks for is already serial there.
 */
export interface DialectAdapter {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the data lives, for messages: a file name, or a URL without its password. */
  readonly location: string;
  /** Locks the rows a claim will take, skipping rows another node is claiming. */
  lockForClaim<TB extends keyof OperonDatabase, O>(
    query: SelectQueryBuilder<OperonDatabase, TB, O>,
  ): SelectQueryBuilder<OperonDatabase, TB, O>;
  /** Serialises deployments of a tenant: a new version number is read, then written. */
  lockDeployments(trx: Transaction<OperonDatabase>, tenantId: string): Promise<void>;
  /** Creates the schema the tables go in, when it is configured and missing. */
  prepareSchema(db: Kysely<OperonDatabase>): Promise<void>;
  /** The schema the migration bookkeeping tables live in; undefined for SQLite's only one. */
  migrationSchema(db: Kysely<OperonDatabase>): Promise<string | undefined>;
  /**
   * Whether the table exists (in the schema, when given). Looks up that one table: introspecting every
   * schema fails when another session drops one meanwhile ("schema … does not exist").
   */
  hasTable(db: Kysely<OperonDatabase>, schema: string | undefined, table: string): Promise<boolean>;
}

export function sqliteAdapter(location: string): DialectAdapter {
  return {
    dialect: 'sqlite',
    location,
    lockForClaim: (query) => query,
    lockDeployments: () => Promise.resolve(),
    prepareSchema: () => Promise.resolve(),
    migrationSchema: () => Promise.resolve(undefined),
    async hasTable(db, _schema, table) {
      const { rows } = await sql<{ found: number }>`select count(*) as found from sqlite_master
        where type = 'table' and name = ${table}`.execute(db);
      return (rows[0]?.found ?? 0) > 0;
    },
  };
}

export function postgresAdapter(location: string, schema: string | undefined): DialectAdapter {
  return {
    dialect: 'postgres',
    location,
    lockForClaim: (query) => query.forUpdate().skipLocked(),
    async lockDeployments(trx, tenantId) {
      await sql`select pg_advisory_xact_lock(hashtext(${`operon-deploy:${tenantId}`}))`.execute(trx);
    },
    async prepareSchema(db) {
      if (schema === undefined) return;
      // IF NOT EXISTS still races with another node creating it: a second look settles it
      await db.schema
        .createSchema(schema)
        .ifNotExists()
        .execute()
        .catch(async (error: unknown) => {
          const schemas = await db.introspection.getSchemas();
          if (!schemas.some((existing) => existing.name === schema)) throw error;
        });
    },
    async migrationSchema(db) {
      if (schema !== undefined) return schema;
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
      return rows[0]?.schema;
    },
    async hasTable(db, tableSchema, table) {
      const name =
        tableSchema === undefined
          ? sql`format('%I', ${table}::text)`
          : sql`format('%I.%I', ${tableSchema}::text, ${table}::text)`;
      const { rows } = await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(db);
      return rows[0]?.found === true;
    },
  };
}
