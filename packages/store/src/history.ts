import type { EngineEvent } from '@operon/engine';
import { sql, type Kysely, type Transaction } from 'kysely';
import { fromJson, fromNullable, toJson } from './column-values';
import type { DialectAdapter } from './dialect-adapter';
import { insertRows, type InsertColumn } from './multi-row-insert';
import type { OperonDatabase } from './operon-database';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';
import type { HistoryRecord, InstanceWrite, Page, PageRequest } from './store';

const HISTORY_COLUMNS: readonly InsertColumn[] = [
  ['tenant_id', 'text'],
  ['instance_key', 'text'],
  ['position', 'int'],
  ['type', 'text'],
  ['element_id', 'text'],
  ['payload', 'text'],
  ['at', 'bigint'],
];

/** A history row's values, in the order of `HISTORY_COLUMNS`. */
export type HistoryRow = readonly [string, string, number, string, string | null, string, number];

/** A step's events as history rows, numbered from `firstPosition`. */
export function historyRows(write: InstanceWrite, firstPosition: number): HistoryRow[] {
  return write.events.map((event, index) => [
    write.tenantId,
    write.instanceKey,
    firstPosition + index,
    event.type,
    elementIdOf(event) ?? null,
    toJson(event),
    write.now,
  ]);
}

/** Appends history rows, many per statement. History is never updated. */
export async function appendHistory(
  trx: Transaction<OperonDatabase>,
  dialect: DialectAdapter['dialect'],
  rows: readonly HistoryRow[],
): Promise<void> {
  await insertRows(trx, dialect, 'history_events', HISTORY_COLUMNS, rows);
}

/** An instance's events in order, paged by position. */
export async function history(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  instanceKey: string,
  page: PageRequest,
): Promise<Page<HistoryRecord>> {
  const limit = pageLimit(page);
  const cursor = decodeCursor('history', ['number', 'number'], page.cursor);
  const rows = await db
    .selectFrom('history_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('instance_key', '=', instanceKey)
    .$if(cursor !== undefined, (q) => q.where(after(sql.ref('position'), sql.ref('position'), cursor ?? [], 'asc')))
    .orderBy('position')
    .limit(limit + 1)
    .execute();
  return toPage(
    'history',
    rows,
    limit,
    (row) => ({
      position: row.position,
      instanceKey: row.instance_key,
      type: row.type as EngineEvent['type'],
      elementId: fromNullable(row.element_id),
      event: fromJson(row.payload) as EngineEvent,
      at: row.at,
    }),
    (row) => [row.position, row.position],
  );
}

/** The BPMN element an event is about, when the event names it. */
function elementIdOf(event: EngineEvent): string | undefined {
  if ('elementId' in event) return event.elementId;
  switch (event.type) {
    case 'job-created':
      return event.job.elementId;
    case 'user-task-created':
      return event.userTask.elementId;
    case 'timer-scheduled':
      return event.timer.elementId;
    case 'subscription-opened':
      return event.subscription.elementId;
    default:
      return undefined;
  }
}
