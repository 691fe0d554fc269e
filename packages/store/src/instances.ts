import type { InstanceState } from '@operon/engine';
import { sql, type Kysely, type Selectable } from 'kysely';
import { fromJson, fromNullable, toJson } from './column-values';
import type { OperonDatabase, ProcessInstancesTable } from './operon-database';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';
import type { InstanceFilter, InstanceSummary, Page, PageRequest, StoredInstance } from './store';

type Db = Kysely<OperonDatabase>;

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
    .innerJoin('process_definitions as d', (join) =>
      join.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.definition_key', '=', 'i.definition_key'),
    )
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
      'd.version as definition_version',
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
  row: Omit<Selectable<ProcessInstancesTable>, 'state' | 'event_count' | 'updated_at'> & {
    readonly definition_version: number;
  },
): InstanceSummary {
  return {
    tenantId: row.tenant_id,
    instanceKey: row.instance_key,
    definitionKey: row.definition_key,
    processId: row.process_id,
    version: row.version,
    definitionVersion: row.definition_version,
    businessKey: fromNullable(row.business_key),
    status: row.status as InstanceSummary['status'],
    openIncidents: row.open_incidents,
    startedAt: row.started_at,
    endedAt: fromNullable(row.ended_at),
  };
}
