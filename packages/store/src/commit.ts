import type { Kysely } from 'kysely';
import { BatchJobWrites } from './batch-job-writes';
import type { DialectAdapter } from './dialect-adapter';
import { project } from './event-projection';
import { addElementCounts } from './element-counters';
import { appendHistory, historyRow, type HistoryRow } from './history';
import { saveInstances } from './instance-writes';
import { consumeMessages } from './messages';
import type { OperonDatabase } from './operon-database';
import { ProjectionStep } from './projection-step';
import type { CommitBatch } from './store';
import { VersionConflictError } from './store-errors';
import { timerFired } from './timers';

/**
 * The engine's one write path: every instance step of a tick in ONE transaction (group commit).
 * When any instance's version does not match, the whole transaction rolls back and
 * VersionConflictError names every stale instance of the batch, so the caller can reload just those.
 */
export async function commit(
  db: Kysely<OperonDatabase>,
  dialect: DialectAdapter['dialect'],
  batch: CommitBatch,
  statisticsShard: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const fired of batch.firedTimers ?? []) await timerFired(trx, fired);
    const firstPositions = await saveInstances(trx, dialect, batch.instances);
    const stale = batch.instances.filter((_, index) => firstPositions[index] === undefined);
    if (stale.length > 0) throw new VersionConflictError(stale.map((write) => write.instanceKey));
    const history: HistoryRow[] = [];
    const jobs = new BatchJobWrites(dialect);
    for (const [index, write] of batch.instances.entries()) {
      const row = historyRow(write, firstPositions[index] ?? 1);
      if (row) history.push(row);
      await project(new ProjectionStep(trx, write, jobs, batch.jobLeases));
    }
    // one row per step, and one multi-row INSERT for the whole batch's history
    await appendHistory(trx, dialect, history);
    await jobs.flush(trx);
    await consumeMessages(trx, batch.consumedMessages ?? []);
    // last: on PostgreSQL the counter rows stay locked for the shortest time
    await addElementCounts(trx, dialect, statisticsShard, batch.instances);
  });
}
