import { CompiledQuery, type Transaction } from 'kysely';
import type { DialectAdapter } from './dialect-adapter';
import type { OperonDatabase } from './operon-database';

type Dialect = DialectAdapter['dialect'];

/** A column to insert: its name and its PostgreSQL type (for the arrays of `unnest`). */
export type InsertColumn = readonly [name: string, postgresType: 'text' | 'int' | 'bigint'];

/** SQLite rows per statement: powers of two up to this, so a handful of statement texts serve every batch. */
const MAX_ROWS_PER_STATEMENT = 256;

const texts = new Map<string, string>();

/**
 * Appends rows with SQL that is built once and reused, bypassing the query builder on the commit's
 * hot path (building a 500-row insert costs more than running it). `columns` names the values of
 * each row, in order; `suffix` follows the statement (e.g. `on conflict … returning …`) and what
 * it returns is returned.
 *
 * - PostgreSQL: one statement for all the rows, `insert … select * from unnest($1::text[], …)`,
 *   one array per column: one round trip, one statement text.
 * - SQLite: multi-row VALUES in chunks of 256, 128, … 1 rows, so every batch size uses the same
 *   few texts (and prepared statements).
 */
export async function insertRows(
  trx: Transaction<OperonDatabase>,
  dialect: Dialect,
  table: keyof OperonDatabase,
  columns: readonly InsertColumn[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  if (dialect === 'postgres') {
    const arrays = columns.map((_, column) => rows.map((row) => row[column]));
    const result = await trx.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(statementText(dialect, table, columns, 0) + suffix, arrays),
    );
    return result.rows;
  }
  const returned: Record<string, unknown>[] = [];
  for (const { size, parameters } of sqliteChunks(rows)) {
    const text = statementText(dialect, table, columns, size) + suffix;
    const result = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, parameters));
    for (const row of result.rows) returned.push(row);
  }
  return returned;
}

/**
 * Rows cut into chunks of 256, 128, … 1 (so that every batch size uses the same few statement texts),
 * each with its rows' values in one flat parameter list.
 */
export function* sqliteChunks(
  rows: readonly (readonly unknown[])[],
): Generator<{ readonly size: number; readonly parameters: unknown[] }> {
  let start = 0;
  while (start < rows.length) {
    let size = MAX_ROWS_PER_STATEMENT;
    while (size > rows.length - start) size /= 2;
    const parameters: unknown[] = [];
    for (let index = start; index < start + size; index++) {
      for (const value of rows[index] ?? []) parameters.push(value);
    }
    yield { size, parameters };
    start += size;
  }
}

/** `(?, ?, …), (?, ?, …), …`: `size` tuples of `width` placeholders. */
export function valueTuples(width: number, size: number): string {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: size }, () => tuple).join(', ');
}

function statementText(dialect: Dialect, table: string, columns: readonly InsertColumn[], size: number): string {
  const key = `${dialect} ${table} ${columns.join(',')} ${size}`;
  let text = texts.get(key);
  if (text === undefined) {
    const names = columns.map(([name]) => `"${name}"`).join(', ');
    if (dialect === 'postgres') {
      const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
      text = `insert into "${table}" (${names}) select * from unnest(${arrays})`;
    } else {
      text = `insert into "${table}" (${names}) values ${valueTuples(columns.length, size)}`;
    }
    texts.set(key, text);
  }
  return text;
}
