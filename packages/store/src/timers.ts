import type { EngineEventOfType } from '@operon/engine';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { fromNullable } from './column-values';
import type { DialectAdapter } from './dialect-adapter';
import type { OperonDatabase, TimersTable } from './operon-database';
import type { ProjectionStep } from './projection-step';
import type { CommitBatch, TimerRecord } from './store';

/** Timers: a row per scheduled timer, claimed with a lease by the node that fires it. */

type FiredTimer = NonNullable<CommitBatch['firedTimers']>[number];

export async function timerScheduled(
  step: ProjectionStep,
  { timer }: EngineEventOfType<'timer-scheduled'>,
): Promise<void> {
  const row = {
    tenant_id: step.tenantId,
    timer_key: step.key(timer.key),
    instance_key: step.instanceKey,
    local_key: timer.key,
    element_id: timer.elementId,
    element_instance_key: timer.elementInstanceKey,
    due_at: timer.dueAt,
    repetitions_left: timer.repetitionsLeft ?? null,
    interval_ms: timer.intervalMs ?? null,
    lease_owner: null,
    lease_until: null,
  };
  // a cycle may reschedule under the same key
  await step.trx
    .insertInto('timers')
    .values(row)
    .onConflict((conflict) => conflict.columns(['tenant_id', 'timer_key']).doUpdateSet({ ...row }))
    .execute();
}

export async function timerEnded(step: ProjectionStep, event: { readonly timerKey: number }): Promise<void> {
  await step.trx
    .deleteFrom('timers')
    .where('tenant_id', '=', step.tenantId)
    .where('timer_key', '=', step.key(event.timerKey))
    .execute();
}

/** A timer the runtime fired: gone, or due again (a cycle) with its lease released. */
export async function timerFired(trx: Transaction<OperonDatabase>, fired: FiredTimer): Promise<void> {
  if (fired.nextDueAt === undefined) {
    await trx
      .deleteFrom('timers')
      .where('tenant_id', '=', fired.tenantId)
      .where('timer_key', '=', fired.timerKey)
      .execute();
    return;
  }
  await trx
    .updateTable('timers')
    .set({
      due_at: fired.nextDueAt,
      repetitions_left: fired.repetitionsLeft ?? null,
      lease_owner: null,
      lease_until: null,
    })
    .where('tenant_id', '=', fired.tenantId)
    .where('timer_key', '=', fired.timerKey)
    .execute();
}

/** Leases up to `max` due timers of any tenant, oldest due first; as for jobs, never two nodes the same one. */
export function claimDueTimers(
  db: Kysely<OperonDatabase>,
  adapter: DialectAdapter,
  request: { now: number; max: number; ownerId: string; leaseMs: number },
): Promise<TimerRecord[]> {
  const { now } = request;
  if (request.max < 1) return Promise.resolve([]);
  return db.transaction().execute(async (trx) => {
    const candidates = await adapter
      .lockForClaim(
        trx
          .selectFrom('timers')
          .selectAll()
          .where('due_at', '<=', now)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
          .orderBy('due_at')
          .orderBy('timer_key')
          .limit(Math.floor(request.max)),
      )
      .execute();
    if (candidates.length === 0) return [];
    const lease = { lease_owner: request.ownerId, lease_until: now + request.leaseMs };
    await trx
      .updateTable('timers')
      .set(lease)
      .where((eb) =>
        eb(
          eb.refTuple('tenant_id', 'timer_key'),
          'in',
          candidates.map((row) => eb.tuple(row.tenant_id, row.timer_key)),
        ),
      )
      .execute();
    return candidates.map((row) => timerOf({ ...row, ...lease }));
  });
}

function timerOf(row: Selectable<TimersTable>): TimerRecord {
  return {
    tenantId: row.tenant_id,
    timerKey: row.timer_key,
    instanceKey: row.instance_key,
    localKey: row.local_key,
    elementId: row.element_id,
    dueAt: row.due_at,
    repetitionsLeft: fromNullable(row.repetitions_left),
    intervalMs: fromNullable(row.interval_ms),
    leaseOwner: fromNullable(row.lease_owner),
    leaseUntil: fromNullable(row.lease_until),
  };
}
