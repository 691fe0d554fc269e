import type { EngineEvent } from '@operon/engine';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { fromJson, toJson } from './column-values';
import type { DialectAdapter } from './dialect-adapter';
import { insertRows, type InsertColumn } from './multi-row-insert';
import type { HistoryStepsTable, OperonDatabase } from './operon-database';
import { decodeCursor, pageLimit, toPage } from './page-cursor';
import type { HistoryRecord, InstanceWrite, Page, PageRequest } from './store';

const HISTORY_COLUMNS: readonly InsertColumn[] = [
  ['tenant_id', 'text'],
  ['instance_key', 'text'],
  ['position', 'int'],
  ['event_count', 'int'],
  ['payload', 'text'],
  ['at', 'bigint'],
];

/** A history row's values, in the order of `HISTORY_COLUMNS`: one committed step. */
export type HistoryRow = readonly [string, string, number, number, string, number];

/** A step's events as its history row, the first at `firstPosition`; undefined for a step without events. */
export function historyRow(write: InstanceWrite, firstPosition: number): HistoryRow | undefined {
  if (write.events.length === 0) return undefined;
  return [write.tenantId, write.instanceKey, firstPosition, write.events.length, toJson(write.events), write.now];
}

/** Appends history rows, many per statement. History is never updated. */
export async function appendHistory(
  trx: Transaction<OperonDatabase>,
  dialect: DialectAdapter['dialect'],
  rows: readonly HistoryRow[],
): Promise<void> {
  await insertRows(trx, dialect, 'history_steps', HISTORY_COLUMNS, rows);
}

/** An instance's events in order, paged by position. */
export async function history(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  instanceKey: string,
  page: PageRequest,
): Promise<Page<HistoryRecord>> {
  const limit = pageLimit(page);
  const after = Number(decodeCursor('history', ['number', 'number'], page.cursor)?.[0] ?? 0);
  // every step holds at least one event: limit + 1 steps hold at least limit + 1 events
  const steps = await db
    .selectFrom('history_steps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('instance_key', '=', instanceKey)
    .where(sql<boolean>`${sql.ref('position')} + ${sql.ref('event_count')} > ${after}`)
    .orderBy('position')
    .limit(limit + 1)
    .execute();
  const records = steps.flatMap((step) => stepRecords(step)).filter((record) => record.position > after);
  return toPage(
    'history',
    records.slice(0, limit + 1),
    limit,
    (record) => record,
    (record) => [record.position, record.position],
  );
}

/** The events of one history row, each with its position. */
export function stepRecords(step: Selectable<HistoryStepsTable>): HistoryRecord[] {
  const events = fromJson(step.payload) as EngineEvent[];
  return events.map((event, index) => ({
    position: step.position + index,
    instanceKey: step.instance_key,
    type: event.type,
    elementId: elementIdOf(event),
    event,
    at: step.at,
  }));
}

/** The BPMN element an event is about, when the event names it. */
export function elementIdOf(event: EngineEvent): string | undefined {
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
