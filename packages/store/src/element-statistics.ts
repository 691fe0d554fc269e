import type { Kysely } from 'kysely';
import { fromJson } from './column-values';
import type { OperonDatabase } from './operon-database';
import type { ElementStatistics } from './store';

const LIFECYCLE_EVENTS = ['element-activating', 'element-completed', 'element-terminated'] as const;

/**
 * Per element of a definition, counted from the history of its instances: completed and
 * terminated are the element's completed and terminated events, active is what was activated and
 * has not ended since; incidents are the open incidents at the element.
 */
export async function elementStatistics(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  definitionKey: string,
): Promise<ElementStatistics[]> {
  const lifecycle = await db
    .selectFrom('history_events as h')
    .innerJoin('process_instances as i', (join) =>
      join.onRef('i.tenant_id', '=', 'h.tenant_id').onRef('i.instance_key', '=', 'h.instance_key'),
    )
    .select(['h.element_id', 'h.type', (eb) => eb.fn.countAll<number>().as('count')])
    .where('i.tenant_id', '=', tenantId)
    .where('i.definition_key', '=', definitionKey)
    .where('h.type', 'in', LIFECYCLE_EVENTS)
    .groupBy(['h.element_id', 'h.type'])
    .execute();
  const incidents = await db
    .selectFrom('incidents')
    .select(['element_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('tenant_id', '=', tenantId)
    .where('definition_key', '=', definitionKey)
    .where('state', '=', 'open')
    .groupBy('element_id')
    .execute();

  const durations = await averageDurations(db, tenantId, definitionKey);
  const byElement = new Map<string, { activated: number; completed: number; terminated: number; incidents: number }>();
  const entry = (elementId: string) => {
    let counts = byElement.get(elementId);
    if (!counts) byElement.set(elementId, (counts = { activated: 0, completed: 0, terminated: 0, incidents: 0 }));
    return counts;
  };
  for (const row of lifecycle) {
    if (row.element_id === null) continue;
    const counts = entry(row.element_id);
    const count = row.count;
    if (row.type === 'element-activating') counts.activated += count;
    else if (row.type === 'element-completed') counts.completed += count;
    else counts.terminated += count;
  }
  for (const row of incidents) entry(row.element_id).incidents += row.count;
  return [...byElement]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([elementId, counts]) => ({
      elementId,
      active: counts.activated - counts.completed - counts.terminated,
      completed: counts.completed,
      terminated: counts.terminated,
      incidents: counts.incidents,
      averageDurationMs: durations.get(elementId),
    }));
}

/** Sample of the latest lifecycle events read to time the elements. */
const DURATION_SAMPLE = 20_000;

/** Average activation → completion time per element, from the latest events of the definition. */
async function averageDurations(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  definitionKey: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('history_events as h')
    .innerJoin('process_instances as i', (join) =>
      join.onRef('i.tenant_id', '=', 'h.tenant_id').onRef('i.instance_key', '=', 'h.instance_key'),
    )
    .select(['h.instance_key', 'h.element_id', 'h.type', 'h.at', 'h.payload'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.definition_key', '=', definitionKey)
    .where('h.type', 'in', ['element-activating', 'element-completed'])
    .orderBy('h.at', 'desc')
    .limit(DURATION_SAMPLE)
    .execute();
  const activatedAt = new Map<string, number>();
  const completedAt = new Map<string, { at: number; elementId: string }>();
  for (const row of rows) {
    if (row.element_id === null) continue;
    const key = `${row.instance_key}/${String((fromJson(row.payload) as { key?: unknown }).key)}`;
    if (row.type === 'element-completed') completedAt.set(key, { at: row.at, elementId: row.element_id });
    else activatedAt.set(key, row.at);
  }
  const totals = new Map<string, { sum: number; count: number }>();
  for (const [key, completion] of completedAt) {
    const start = activatedAt.get(key);
    if (start === undefined) continue; // activated before the sample
    const total = totals.get(completion.elementId) ?? { sum: 0, count: 0 };
    total.sum += completion.at - start;
    total.count += 1;
    totals.set(completion.elementId, total);
  }
  return new Map([...totals].map(([elementId, { sum, count }]) => [elementId, Math.round(sum / count)]));
}
