import type { Kysely } from 'kysely';
import { project } from './event-projection';
import { BatchJobWrites } from './batch-job-writes';
import { appendHistory, historyRows } from './history';
import { saveInstance, versionMatches } from './instances';
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
export async function commit(db: Kysely<OperonDatabase>, batch: CommitBatch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const fired of batch.firedTimers ?? []) await timerFired(trx, fired);
    const stale: string[] = [];
    const history: ReturnType<typeof historyRows> = [];
    const jobs = new BatchJobWrites();
    for (const write of batch.instances) {
      if (stale.length > 0) {
        // the transaction is lost anyway: only find the other stale instances
        if (!(await versionMatches(trx, write))) stale.push(write.instanceKey);
        continue;
      }
      const firstPosition = await saveInstance(trx, write);
      if (firstPosition === undefined) {
        stale.push(write.instanceKey);
        continue;
      }
      history.push(...historyRows(write, firstPosition));
      await project(new ProjectionStep(trx, write, jobs));
    }
    if (stale.length > 0) throw new VersionConflictError(stale);
    // one multi-row INSERT for the whole batch's history, not one per step
    await appendHistory(trx, history);
    await jobs.flush(trx);
    await consumeMessages(trx, batch.consumedMessages ?? []);
  });
}
