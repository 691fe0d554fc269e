import { sql, type Expression, type SqlBool } from 'kysely';
import type { Page, PageRequest } from './store';
import { InvalidCursorError } from './store-errors';

/**
 * Keyset pagination: a page ends at a row, and the next page starts strictly after that row's
 * sort key (a sort value plus a unique key as tie-breaker). Unlike OFFSET, rows inserted meanwhile
 * neither shift nor repeat items. The cursor is the last row's sort key, opaque to callers.
 */

export type CursorValue = string | number;
export type CursorShape = readonly ('string' | 'number')[];

const MAX_LIMIT = 1_000;

/** The number of items asked for, kept within 1..1000. */
export function pageLimit(page: PageRequest): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(page.limit)));
}

/** `query` names the listing, so that a cursor of one listing is refused by another. */
export function encodeCursor(query: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([query, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(query: string, shape: CursorShape, cursor: string | undefined): CursorValue[] | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!Array.isArray(decoded) || decoded.length !== shape.length + 1 || decoded[0] !== query) {
    throw new InvalidCursorError(cursor);
  }
  const values = decoded.slice(1) as unknown[];
  if (!values.every((value, index) => typeof value === shape[index])) throw new InvalidCursorError(cursor);
  return values as CursorValue[];
}

/**
 * Rows were fetched with `limit + 1`: the extra row only says that another page exists.
 */
export function toPage<R, T>(
  query: string,
  rows: readonly R[],
  limit: number,
  toItem: (row: R) => T,
  sortKeyOf: (row: R) => readonly CursorValue[],
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(query, sortKeyOf(last)) : undefined;
  return { items: items.map(toItem), nextCursor };
}

/** `(sort, key) > (sortValue, keyValue)` (or `<` descending), spelled out for both dialects. */
export function after(
  sort: Expression<unknown>,
  key: Expression<unknown>,
  [sortValue, keyValue]: readonly CursorValue[],
  order: 'asc' | 'desc',
): Expression<SqlBool> {
  const beyond = sql.raw(order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sort} ${beyond} ${sortValue} or (${sort} = ${sortValue} and ${key} ${beyond} ${keyValue}))`;
}
