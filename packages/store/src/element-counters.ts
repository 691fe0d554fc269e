import type { Transaction } from 'kysely';
import type { DialectAdapter } from './dialect-adapter';
import { insertRows, type InsertColumn } from './multi-row-insert';
import type { OperonDatabase } from './operon-database';
import type { InstanceWrite } from './store';

/**
 * The per-element counters of a commit (table `element_statistics`, migrations/0004-history-steps.ts):
 * the batch's lifecycle events added up per definition and element in memory, then one upsert for the
 * lot, into this store's shard. Keys are written in sorted order, so two transactions that share a
 * shard take the row locks in the same order and cannot deadlock.
 */

const COUNTER_COLUMNS: readonly InsertColumn[] = [
  ['tenant_id', 'text'],
  ['definition_key', 'text'],
  ['element_id', 'text'],
  ['shard', 'int'],
  ['activated', 'bigint'],
  ['completed', 'bigint'],
  ['terminated', 'bigint'],
];

const ADD_TO_EXISTING =
  ' on conflict ("tenant_id", "definition_key", "element_id", "shard") do update set' +
  ' "activated" = "element_statistics"."activated" + excluded."activated",' +
  ' "completed" = "element_statistics"."completed" + excluded."completed",' +
  ' "terminated" = "element_statistics"."terminated" + excluded."terminated"';

const COLUMN_OF_EVENT: Readonly<Record<string, 0 | 1 | 2>> = {
  'element-activating': 0,
  'element-completed': 1,
  'element-terminated': 2,
};

export async function addElementCounts(
  trx: Transaction<OperonDatabase>,
  dialect: DialectAdapter['dialect'],
  shard: number,
  writes: readonly InstanceWrite[],
): Promise<void> {
  const counts = new Map<string, { tenantId: string; definitionKey: string; elementId: string; n: number[] }>();
  for (const write of writes) {
    for (const event of write.events) {
      const column = COLUMN_OF_EVENT[event.type];
      if (column === undefined || !('elementId' in event)) continue;
      const id = `${write.tenantId}\u0000${write.definitionKey}\u0000${event.elementId}`;
      let entry = counts.get(id);
      if (entry === undefined) {
        entry = {
          tenantId: write.tenantId,
          definitionKey: write.definitionKey,
          elementId: event.elementId,
          n: [0, 0, 0],
        };
        counts.set(id, entry);
      }
      entry.n[column] = (entry.n[column] ?? 0) + 1;
    }
  }
  if (counts.size === 0) return;
  const rows = [...counts.keys()]
    .sort()
    .map((id) => counts.get(id))
    .filter((entry) => entry !== undefined)
    .map(({ tenantId, definitionKey, elementId, n }) => [tenantId, definitionKey, elementId, shard, ...n]);
  await insertRows(trx, dialect, 'element_statistics', COUNTER_COLUMNS, rows, ADD_TO_EXISTING);
}
