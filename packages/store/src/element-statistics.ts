import type { Kysely } from 'kysely';
import { stepRecords } from './history';
import type { OperonDatabase } from './operon-database';
import type { ElementStatistics } from './store';

/**
 * Per element of a definition, from the counters each commit keeps (element-counters.ts): completed
 * and terminated are the element's completed and terminated events, active is what was activated and
 * has not ended since; incidents are the open incidents at the element.
 */
export async function elementStatistics(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  definitionKey: string,
): Promise<ElementStatistics[]> {
  const counters = await db
    .selectFrom('element_statistics')
    .select((eb) => [
      'element_id',
      eb.fn.sum<number | string>('activated').as('activated'),
      eb.fn.sum<number | string>('completed').as('completed'),
      eb.fn.sum<number | string>('terminated').as('terminated'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('definition_key', '=', definitionKey)
    .groupBy('element_id')
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
  for (const row of counters) {
    // PostgreSQL sums BIGINT columns to NUMERIC, which arrives as text
    const counts = entry(row.element_id);
    counts.activated += Number(row.activated);
    counts.completed += Number(row.completed);
    counts.terminated += Number(row.terminated);
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

/** Steps of the latest history read to time the elements. */
const DURATION_SAMPLE = 5_000;

/** Average activation → completion time per element, from the latest steps of the definition's instances. */
async function averageDurations(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  definitionKey: string,
): Promise<Map<string, number>> {
  const steps = await db
    .selectFrom('history_steps as h')
    .innerJoin('process_instances as i', (join) =>
      join.onRef('i.tenant_id', '=', 'h.tenant_id').onRef('i.instance_key', '=', 'h.instance_key'),
    )
    .selectAll('h')
    .where('i.tenant_id', '=', tenantId)
    .where('i.definition_key', '=', definitionKey)
    .orderBy('h.at', 'desc')
    .limit(DURATION_SAMPLE)
    .execute();
  const activatedAt = new Map<string, number>();
  const completedAt = new Map<string, { at: number; elementId: string }>();
  for (const record of steps.flatMap(stepRecords)) {
    const { event } = record;
    if (event.type !== 'element-activating' && event.type !== 'element-completed') continue;
    const key = `${record.instanceKey}/${event.key}`;
    if (event.type === 'element-completed') completedAt.set(key, { at: record.at, elementId: event.elementId });
    else activatedAt.set(key, record.at);
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
