import type { InstanceState } from '@operon/engine';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { fromJson, fromNullable, toJson } from './column-values';
import type { OperonDatabase, ProcessInstancesTable } from './operon-database';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';
import type { InstanceFilter, InstanceSummary, InstanceWrite, Page, PageRequest, StoredInstance } from './store';

type Db = Kysely<OperonDatabase>;

/**
 * Writes an instance's new state: an insert for a new instance, else an update that only
 * matches the version the caller read (optimistic locking). Returns the history position of the
 * step's first event, or undefined when the version did not match (or the instance exists).
 */
export async function saveInstance(
  trx: Transaction<OperonDatabase>,
  write: InstanceWrite,
): Promise<number | undefined> {
  const { state, now } = write;
  const ended = state.status !== 'active';
  const openIncidents = Object.keys(state.incidents).length;
  const eventCount = write.events.length;
  if (write.expectedVersion === 0) {
    const inserted = await trx
      .insertInto('process_instances')
      .values({
        tenant_id: write.tenantId,
        instance_key: write.instanceKey,
        definition_key: write.definitionKey,
        process_id: write.processId,
        business_key: state.businessKey ?? null,
        status: state.status,
        version: 1,
        state: toJson(state),
        event_count: eventCount,
        open_incidents: openIncidents,
        started_at: now,
        ended_at: ended ? now : null,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'instance_key']).doNothing())
      .executeTakeFirst();
    return inserted.numInsertedOrUpdatedRows === 1n ? 1 : undefined;
  }
  const updated = await trx
    .updateTable('process_instances')
    .set((eb) => ({
      version: eb('version', '+', 1),
      state: toJson(state),
      status: state.status,
      business_key: state.businessKey ?? null,
      open_incidents: openIncidents,
      event_count: eb('event_count', '+', eventCount),
      ended_at: ended ? sql<number>`coalesce(ended_at, ${now})` : null,
      updated_at: now,
    }))
    .where('tenant_id', '=', write.tenantId)
    .where('instance_key', '=', write.instanceKey)
    .where('version', '=', write.expectedVersion)
    .returning('event_count')
    .executeTakeFirst();
  return updated === undefined ? undefined : updated.event_count - eventCount + 1;
}

/** Whether the stored version is still the one the write was based on (0: not stored yet). */
export async function versionMatches(trx: Transaction<OperonDatabase>, write: InstanceWrite): Promise<boolean> {
  const row = await trx
    .selectFrom('process_instances')
    .select('version')
    .where('tenant_id', '=', write.tenantId)
    .where('instance_key', '=', write.instanceKey)
    .executeTakeFirst();
  return (row?.version ?? 0) === write.expectedVersion;
}

export async function loadInstance(db: Db, tenantId: string, instanceKey: string): Promise<StoredInstance | undefined> {
  const row = await db
    .selectFrom('process_instances')
    .select(['tenant_id', 'instance_key', 'definition_key', 'state', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('instance_key', '=', instanceKey)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    tenantId: row.tenant_id,
    instanceKey: row.instance_key,
    definitionKey: row.definition_key,
    state: fromJson(row.state) as InstanceState,
    version: row.version,
  };
}

/** Keyset-paged by (startedAt, instanceKey). */
export async function queryInstances(
  db: Db,
  filter: InstanceFilter,
  page: PageRequest,
): Promise<Page<InstanceSummary>> {
  const limit = pageLimit(page);
  const order = filter.order ?? 'asc';
  const cursor = decodeCursor(`instances-${order}`, ['number', 'string'], page.cursor);
  const { variable } = filter;
  const rows = await db
    .selectFrom('process_instances as i')
    .select([
      'i.tenant_id',
      'i.instance_key',
      'i.definition_key',
      'i.process_id',
      'i.version',
      'i.business_key',
      'i.status',
      'i.open_incidents',
      'i.started_at',
      'i.ended_at',
    ])
    .where('i.tenant_id', '=', filter.tenantId)
    .$if(filter.instanceKey !== undefined, (q) => q.where('i.instance_key', '=', filter.instanceKey ?? ''))
    .$if(filter.processId !== undefined, (q) => q.where('i.process_id', '=', filter.processId ?? ''))
    .$if(filter.definitionKey !== undefined, (q) => q.where('i.definition_key', '=', filter.definitionKey ?? ''))
    .$if(filter.businessKey !== undefined, (q) => q.where('i.business_key', '=', filter.businessKey ?? ''))
    .$if(filter.status === 'incident', (q) => q.where('i.status', '=', 'active').where('i.open_incidents', '>', 0))
    .$if(filter.status !== undefined && filter.status !== 'incident', (q) =>
      q.where('i.status', '=', filter.status ?? ''),
    )
    .$if(filter.startedAfter !== undefined, (q) => q.where('i.started_at', '>=', filter.startedAfter ?? 0))
    .$if(filter.startedBefore !== undefined, (q) => q.where('i.started_at', '<=', filter.startedBefore ?? 0))
    .$if(variable !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('variables as v')
            .select('v.name')
            .whereRef('v.tenant_id', '=', 'i.tenant_id')
            .whereRef('v.instance_key', '=', 'i.instance_key')
            .where('v.name', '=', variable?.name ?? '')
            .$if(variable?.value !== undefined, (sub) => sub.where('v.value', '=', toJson(variable?.value))),
        ),
      ),
    )
    .$if(cursor !== undefined, (q) =>
      q.where(after(sql.ref('i.started_at'), sql.ref('i.instance_key'), cursor ?? [], order)),
    )
    .orderBy('i.started_at', order)
    .orderBy('i.instance_key', order)
    .limit(limit + 1)
    .execute();
  return toPage(`instances-${order}`, rows, limit, summaryOf, (row) => [row.started_at, row.instance_key]);
}

function summaryOf(
  row: Omit<Selectable<ProcessInstancesTable>, 'state' | 'event_count' | 'updated_at'>,
): InstanceSummary {
  return {
    tenantId: row.tenant_id,
    instanceKey: row.instance_key,
    definitionKey: row.definition_key,
    processId: row.process_id,
    version: row.version,
    businessKey: fromNullable(row.business_key),
    status: row.status as InstanceSummary['status'],
    openIncidents: row.open_incidents,
    startedAt: row.started_at,
    endedAt: fromNullable(row.ended_at),
  };
}
