import Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { CorruptDatabaseError } from './store-errors';

const STATEMENT_CACHE_SIZE = 1_000;

/** The SQLite result codes that mean the file itself is bad, not the query. */
const CORRUPTION_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_CORRUPT_VTAB',
]);

/**
 * Opens the file with the settings a durable single-node runtime needs: write-ahead log,
 * fsync on every commit (`synchronous=FULL`: a committed step survives a power cut), foreign
 * keys, and a busy timeout instead of failing at once when another connection writes.
 * A file that is not a database fails here, naming the file.
 */
export function openSqlite(filename: string): SqliteDatabase {
  let database: Database.Database | undefined;
  try {
    database = new Database(filename);
    database.pragma('busy_timeout = 5000');
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database?.close();
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw (
      corruptionOf(error, filename) ??
      new Error(`Cannot open the SQLite file ${filename}: ${reason}.`, { cause: error })
    );
  }
  return guarded(database, filename);
}

/**
 * Kysely's narrow view of better-sqlite3, with damage found later (a page read for the first
 * time) reported as CorruptDatabaseError naming the file.
 */
function guarded(database: Database.Database, filename: string): SqliteDatabase {
  const run = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      throw corruptionOf(error, filename) ?? error;
    }
  };
  // Kysely prepares every query it runs; the same few dozen texts repeat on the hot path, and
  // preparing costs as much as running. Prepared statements are reusable, so keep them.
  const statements = new Map<string, Database.Statement>();
  const prepared = (text: string): Database.Statement => {
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = run(() => database.prepare(text));
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    close: () => database.close(),
    prepare(text): SqliteStatement {
      const statement = prepared(text);
      return {
        reader: statement.reader,
        all: (parameters) => run(() => statement.all(parameters)),
        run: (parameters) => run(() => statement.run(parameters)),
        iterate: (parameters) => run(() => statement.iterate(parameters)),
      };
    },
  };
}

function corruptionOf(error: unknown, filename: string): CorruptDatabaseError | undefined {
  if (!(error instanceof Database.SqliteError) || !CORRUPTION_CODES.has(error.code)) return undefined;
  return new CorruptDatabaseError(filename, error.message);
}
