import { Pool, TypeOverrides } from 'pg';

/** PostgreSQL's type id of BIGINT (int8), which pg returns as a string by default. */
const INT8 = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export interface PostgresOptions {
  readonly url: string;
  /** Tables live in this schema (`search_path`); created by `migrate()` when missing. */
  readonly schema: string | undefined;
  readonly maxConnections: number | undefined;
}

/**
 * A pg pool whose BIGINT columns (times in milliseconds, counts) come back as numbers: every
 * value Operon keeps in one fits in 2^53.
 */
export function openPostgresPool(options: PostgresOptions): Pool {
  const types = new TypeOverrides();
  types.setTypeParser(INT8, (text: string) => Number(text));
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(
      `The PostgreSQL schema name '${options.schema}' is not allowed: use lower-case letters, digits and '_'.`,
    );
  }
  return new Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
