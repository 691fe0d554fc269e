import { CompiledQuery, type Insertable, type Transaction } from 'kysely';
import type { DialectAdapter } from './dialect-adapter';
import { insertRows, type InsertColumn } from './multi-row-insert';
import type { JobsTable, OperonDatabase } from './operon-database';

const JOB_COLUMNS: readonly InsertColumn[] = [
  ['tenant_id', 'text'],
  ['job_key', 'text'],
  ['instance_key', 'text'],
  ['local_key', 'int'],
  ['process_id', 'text'],
  ['definition_key', 'text'],
  ['element_id', 'text'],
  ['element_instance_key', 'int'],
  ['type', 'text'],
  ['retries', 'int'],
  ['headers', 'text'],
  ['variables', 'text'],
  ['error_message', 'text'],
  ['available_at', 'bigint'],
  ['lease_owner', 'text'],
  ['lease_until', 'bigint'],
  ['created_at', 'bigint'],
];

function jobValues(row: Insertable<JobsTable>): unknown[] {
  return JOB_COLUMNS.map(([column]) => row[column as keyof JobsTable] ?? null);
}

/**
 * Job rows created and ended within one group commit, written with one multi-row INSERT and one
 * DELETE per batch instead of a statement per job. A job created and ended in the same batch is
 * never written. Anything that updates a job row first flushes the pending inserts (`flush`).
 */
export class BatchJobWrites {
  private readonly inserts = new Map<string, Insertable<JobsTable>>();
  private readonly deletes = new Map<string, string[]>();

  constructor(private readonly dialect: DialectAdapter['dialect']) {}

  insert(row: Insertable<JobsTable>): void {
    this.inserts.set(`${row.tenant_id}/${row.job_key}`, row);
  }

  delete(tenantId: string, jobKey: string): void {
    if (this.inserts.delete(`${tenantId}/${jobKey}`)) return;
    const keys = this.deletes.get(tenantId) ?? [];
    keys.push(jobKey);
    this.deletes.set(tenantId, keys);
  }

  async flush(trx: Transaction<OperonDatabase>): Promise<void> {
    const rows = [...this.inserts.values()];
    this.inserts.clear();
    if (rows.length > 0) await insertRows(trx, this.dialect, 'jobs', JOB_COLUMNS, rows.map(jobValues));
    for (const [tenantId, keys] of this.deletes) {
      // one fixed statement text for any number of keys: an array on PostgreSQL, a JSON list on SQLite
      const text =
        this.dialect === 'postgres'
          ? 'delete from "jobs" where "tenant_id" = $1 and "job_key" = any($2::text[])'
          : 'delete from "jobs" where "tenant_id" = ? and "job_key" in (select "value" from json_each(?))';
      await trx.executeQuery(
        CompiledQuery.raw(text, [tenantId, this.dialect === 'postgres' ? keys : JSON.stringify(keys)]),
      );
    }
    this.deletes.clear();
  }
}
