import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { postgresAdapter, sqliteAdapter } from './dialect-adapter';
import { KyselyStore } from './kysely-store';
import type { OperonDatabase } from './operon-database';
import { openPostgresPool, redactedUrl } from './postgres-connection';
import { openSqlite } from './sqlite-connection';
import { DurableSqliteDialect } from './sqlite-dialect';
import type { Store } from './store';

export interface CreateStoreOptions {
  /** `postgres://user:password@host:5432/database`: PostgreSQL, for several nodes. */
  readonly url?: string;
  /** PostgreSQL only: the schema the tables live in (created by `migrate()`); default the user's search path. */
  readonly schema?: string;
  /** PostgreSQL only: the most connections this node opens; default 10. */
  readonly maxConnections?: number;
  /** SQLite in `<dataDirectory>/operon.sqlite` (the directory is created when missing). */
  readonly dataDirectory?: string;
  /** SQLite in this file, or `':memory:'` (tests). */
  readonly filename?: string;
}

const SQLITE_FILE_NAME = 'operon.sqlite';

/**
 * Opens the store: PostgreSQL when a URL is given, else SQLite. Nothing is created or changed
 * until `migrate()`. A SQLite file that is not a database fails here with CorruptDatabaseError.
 */
export function createStore(options: CreateStoreOptions): Store {
  if (options.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new Error(
        `The database URL must start with postgres:// or postgresql://, not '${redactedUrl(options.url)}'.`,
      );
    }
    const pool = openPostgresPool({ url: options.url, schema: options.schema, maxConnections: options.maxConnections });
    const db = new Kysely<OperonDatabase>({ dialect: new PostgresDialect({ pool }) });
    const location = redactedUrl(options.url) + (options.schema === undefined ? '' : ` (schema ${options.schema})`);
    return new KyselyStore(db, postgresAdapter(location, options.schema));
  }
  const filename =
    options.filename ?? (options.dataDirectory === undefined ? undefined : sqliteFileIn(options.dataDirectory));
  if (filename === undefined) {
    throw new Error('Say where to keep the data: a PostgreSQL url, a data directory, or a SQLite file name.');
  }
  const db = new Kysely<OperonDatabase>({ dialect: new DurableSqliteDialect({ database: openSqlite(filename) }) });
  return new KyselyStore(db, sqliteAdapter(filename));
}

function sqliteFileIn(dataDirectory: string): string {
  try {
    mkdirSync(dataDirectory, { recursive: true });
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
    throw new Error(
      `Cannot use ${dataDirectory} as the data directory (${reason}). Choose a directory Operon can create and write ` +
        '(OPERON_DATA_DIR or --db), or use PostgreSQL (OPERON_DATABASE_URL).',
      { cause: error },
    );
  }
  return join(dataDirectory, SQLITE_FILE_NAME);
}
