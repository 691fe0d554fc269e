import type { EngineEventOfType } from '@operon/engine';
import { sql, type Kysely, type Selectable } from 'kysely';
import { fromNullable, toNullable } from './column-values';
import type { IncidentsTable, OperonDatabase } from './operon-database';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';
import type { ProjectionStep } from './projection-step';
import type { IncidentRecord, Page, PageRequest } from './store';

/** Incidents: a row per incident, open until resolved; resolved rows stay for history. */

export async function incidentRaised(step: ProjectionStep, event: EngineEventOfType<'incident-raised'>): Promise<void> {
  await step.trx
    .insertInto('incidents')
    .values({
      tenant_id: step.tenantId,
      incident_key: step.key(event.incidentKey),
      instance_key: step.instanceKey,
      local_key: event.incidentKey,
      process_id: step.write.processId,
      definition_key: step.write.definitionKey,
      element_id: event.elementId,
      element_instance_key: event.elementInstanceKey,
      type: event.incidentType,
      message: event.message,
      job_key: toNullable(event.jobKey === undefined ? undefined : step.key(event.jobKey)),
      state: 'open',
      created_at: step.now,
      resolved_at: null,
    })
    .execute();
}

export async function incidentResolved(
  step: ProjectionStep,
  event: EngineEventOfType<'incident-resolved'>,
): Promise<void> {
  await step.trx
    .updateTable('incidents')
    .set({ state: 'resolved', resolved_at: step.now })
    .where('tenant_id', '=', step.tenantId)
    .where('incident_key', '=', step.key(event.incidentKey))
    .execute();
}

/** Keyset-paged by (createdAt, incidentKey). */
export async function queryIncidents(
  db: Kysely<OperonDatabase>,
  filter: { tenantId: string; instanceKey?: string; state?: 'open' | 'resolved' },
  page: PageRequest,
): Promise<Page<IncidentRecord>> {
  const limit = pageLimit(page);
  const cursor = decodeCursor('incidents', ['number', 'string'], page.cursor);
  const rows = await db
    .selectFrom('incidents')
    .selectAll()
    .where('tenant_id', '=', filter.tenantId)
    .$if(filter.instanceKey !== undefined, (q) => q.where('instance_key', '=', filter.instanceKey ?? ''))
    .$if(filter.state !== undefined, (q) => q.where('state', '=', filter.state ?? ''))
    .$if(cursor !== undefined, (q) =>
      q.where(after(sql.ref('created_at'), sql.ref('incident_key'), cursor ?? [], 'asc')),
    )
    .orderBy('created_at')
    .orderBy('incident_key')
    .limit(limit + 1)
    .execute();
  return toPage('incidents', rows, limit, incidentOf, (row) => [row.created_at, row.incident_key]);
}

function incidentOf(row: Selectable<IncidentsTable>): IncidentRecord {
  return {
    tenantId: row.tenant_id,
    incidentKey: row.incident_key,
    instanceKey: row.instance_key,
    localKey: row.local_key,
    elementId: row.element_id,
    type: row.type,
    message: row.message,
    jobKey: fromNullable(row.job_key),
    state: row.state as IncidentRecord['state'],
    createdAt: row.created_at,
    resolvedAt: fromNullable(row.resolved_at),
  };
}
