import { CompiledQuery, type Transaction } from 'kysely';
import { toJson } from './column-values';
import type { DialectAdapter } from './dialect-adapter';
import { insertRows, sqliteChunks, valueTuples, type InsertColumn } from './multi-row-insert';
import type { OperonDatabase } from './operon-database';
import type { InstanceWrite } from './store';

/**
 * The instance rows of one commit, written with SQL built once (the hot path of every step):
 * new instances with multi-row INSERTs; existing ones with an UPDATE that only matches the version
 * the caller read (optimistic locking): SQLite one UPDATE … FROM (VALUES …) per chunk of instances,
 * PostgreSQL one UPDATE … FROM unnest(…) for the whole batch (one round trip).
 */

const INSERT_COLUMNS: readonly InsertColumn[] = [
  ['tenant_id', 'text'],
  ['instance_key', 'text'],
  ['definition_key', 'text'],
  ['process_id', 'text'],
  ['business_key', 'text'],
  ['status', 'text'],
  ['version', 'int'],
  ['state', 'text'],
  ['event_count', 'int'],
  ['open_incidents', 'int'],
  ['started_at', 'bigint'],
  ['ended_at', 'bigint'],
  ['updated_at', 'bigint'],
];

const INSERT_SUFFIX = ' on conflict ("tenant_id", "instance_key") do nothing returning "tenant_id", "instance_key"';

/**
 * SQLite: one UPDATE … FROM (VALUES …) per chunk of instances. A step after which the instance is still
 * active changes neither its status nor its business key nor its end, so its statement leaves the
 * indexes on those columns alone; steps that end an instance set them too.
 */
const SQLITE_SET_STEP = `"version" = "version" + 1, "state" = v.column4, "open_incidents" = v.column5,
  "event_count" = "event_count" + v.column6, "updated_at" = v.column7`;
const SQLITE_SET_END = `${SQLITE_SET_STEP}, "status" = v.column8, "business_key" = v.column9,
  "ended_at" = coalesce("ended_at", v.column7)`;

function sqliteUpdate(set: string, width: number, size: number): string {
  const key = `${set} ${size}`;
  let text = sqliteUpdates.get(key);
  if (text === undefined) {
    text = `update "process_instances" set ${set} from (values ${valueTuples(width, size)}) as v
      where "process_instances"."tenant_id" = v.column1 and "process_instances"."instance_key" = v.column2
        and "process_instances"."version" = v.column3
      returning "tenant_id", "instance_key", "event_count"`;
    sqliteUpdates.set(key, text);
  }
  return text;
}
const sqliteUpdates = new Map<string, string>();

const POSTGRES_UPDATE = `update "process_instances" as p set "version" = p."version" + 1, "state" = v."state",
  "status" = v."status", "business_key" = v."business_key", "open_incidents" = v."open_incidents",
  "event_count" = p."event_count" + v."event_count",
  "ended_at" = case when v."ended" = 1 then coalesce(p."ended_at", v."now") else null end, "updated_at" = v."now"
  from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::bigint[])
    as v("tenant_id", "instance_key", "expected", "state", "status", "business_key", "open_incidents", "event_count", "ended", "now")
  where p."tenant_id" = v."tenant_id" and p."instance_key" = v."instance_key" and p."version" = v."expected"
  returning p."tenant_id", p."instance_key", p."event_count"`;

/**
 * Writes every instance of the batch. Returns, per write (same order), the history position of its
 * step's first event, or undefined when its version did not match (or a new instance exists).
 */
export async function saveInstances(
  trx: Transaction<OperonDatabase>,
  dialect: DialectAdapter['dialect'],
  writes: readonly InstanceWrite[],
): Promise<(number | undefined)[]> {
  const positions = new Map<string, number>();
  const created = writes.filter((write) => write.expectedVersion === 0);
  if (created.length > 0) {
    const inserted = await insertRows(
      trx,
      dialect,
      'process_instances',
      INSERT_COLUMNS,
      created.map(insertRow),
      INSERT_SUFFIX,
    );
    for (const row of inserted) positions.set(idOf(row), 1);
  }
  const updated = writes.filter((write) => write.expectedVersion !== 0);
  if (updated.length > 0) {
    if (dialect === 'postgres') await updatePostgres(trx, updated, positions);
    else await updateSqlite(trx, updated, positions);
  }
  return writes.map((write) => positions.get(`${write.tenantId}/${write.instanceKey}`));
}

function insertRow(write: InstanceWrite): unknown[] {
  const { state, now } = write;
  return [
    write.tenantId,
    write.instanceKey,
    write.definitionKey,
    write.processId,
    state.businessKey ?? null,
    state.status,
    1,
    toJson(state),
    write.events.length,
    Object.keys(state.incidents).length,
    now,
    state.status === 'active' ? null : now,
    now,
  ];
}

async function updateSqlite(
  trx: Transaction<OperonDatabase>,
  writes: readonly InstanceWrite[],
  positions: Map<string, number>,
): Promise<void> {
  const steps: unknown[][] = [];
  const ends: unknown[][] = [];
  const eventCounts = new Map<string, number>();
  for (const write of writes) {
    const { state, now } = write;
    const row: unknown[] = [
      write.tenantId,
      write.instanceKey,
      write.expectedVersion,
      toJson(state),
      Object.keys(state.incidents).length,
      write.events.length,
      now,
    ];
    if (state.status === 'active') steps.push(row);
    else ends.push([...row, state.status, state.businessKey ?? null]);
    eventCounts.set(`${write.tenantId}/${write.instanceKey}`, write.events.length);
  }
  for (const [set, rows] of [
    [SQLITE_SET_STEP, steps],
    [SQLITE_SET_END, ends],
  ] as const) {
    const width = set === SQLITE_SET_STEP ? 7 : 9;
    for (const { size, parameters } of sqliteChunks(rows)) {
      const result = await trx.executeQuery<{ tenant_id: string; instance_key: string; event_count: number }>(
        CompiledQuery.raw(sqliteUpdate(set, width, size), parameters),
      );
      recordPositions(result.rows, eventCounts, positions);
    }
  }
}

/** The position of each updated instance's first new event: after the events it had before. */
function recordPositions(
  rows: readonly { tenant_id: string; instance_key: string; event_count: number }[],
  eventCounts: ReadonlyMap<string, number>,
  positions: Map<string, number>,
): void {
  for (const row of rows) {
    const id = idOf(row);
    positions.set(id, row.event_count - (eventCounts.get(id) ?? 0) + 1);
  }
}

async function updatePostgres(
  trx: Transaction<OperonDatabase>,
  writes: readonly InstanceWrite[],
  positions: Map<string, number>,
): Promise<void> {
  const columns: unknown[][] = Array.from({ length: 10 }, () => []);
  const eventCounts = new Map<string, number>();
  for (const write of writes) {
    const { state, now } = write;
    const values = [
      write.tenantId,
      write.instanceKey,
      write.expectedVersion,
      toJson(state),
      state.status,
      state.businessKey ?? null,
      Object.keys(state.incidents).length,
      write.events.length,
      state.status === 'active' ? 0 : 1,
      now,
    ];
    values.forEach((value, index) => columns[index]?.push(value));
    eventCounts.set(`${write.tenantId}/${write.instanceKey}`, write.events.length);
  }
  const result = await trx.executeQuery<{ tenant_id: string; instance_key: string; event_count: number }>(
    CompiledQuery.raw(POSTGRES_UPDATE, columns),
  );
  recordPositions(result.rows, eventCounts, positions);
}

function idOf(row: Record<string, unknown>): string {
  return `${String(row['tenant_id'])}/${String(row['instance_key'])}`;
}
