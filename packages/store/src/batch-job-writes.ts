import type { Insertable, Transaction } from 'kysely';
import type { JobsTable, OperonDatabase } from './operon-database';

const ROWS_PER_STATEMENT = 500;

/**
 * Job rows created and ended within one group commit, written with one multi-row INSERT and one
 * DELETE per batch instead of a statement per job. A job created and ended in the same batch is
 * never written. Anything that updates a job row first flushes the pending inserts (`flush`).
 */
export class BatchJobWrites {
  private readonly inserts = new Map<string, Insertable<JobsTable>>();
  private readonly deletes = new Map<string, string[]>();

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
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      await trx
        .insertInto('jobs')
        .values(rows.slice(start, start + ROWS_PER_STATEMENT))
        .execute();
    }
    for (const [tenantId, keys] of this.deletes) {
      for (let start = 0; start < keys.length; start += ROWS_PER_STATEMENT) {
        await trx
          .deleteFrom('jobs')
          .where('tenant_id', '=', tenantId)
          .where('job_key', 'in', keys.slice(start, start + ROWS_PER_STATEMENT))
          .execute();
      }
    }
    this.deletes.clear();
  }
}
