import type { EngineEventOfType } from '@operon/engine';
import type { Kysely, Selectable } from 'kysely';
import { fromJson, fromNullable, toJson } from './column-values';
import type { DialectAdapter } from './dialect-adapter';
import type { JobsTable, OperonDatabase } from './operon-database';
import type { ProjectionStep } from './projection-step';
import type { ClaimRequest, JobRecord } from './store';

/**
 * Jobs: a row per open job, written by the commit from job events, claimed by workers with a
 * lease. A job whose retries ran out keeps its row with retries 0 (its incident holds it) and is
 * not handed out until the incident's resolution gives it retries again.
 */

export function jobCreated(step: ProjectionStep, { job }: EngineEventOfType<'job-created'>): Promise<void> {
  const activation = step.activation(job.key);
  const jobKey = step.key(job.key);
  const leaseUntil = step.jobLeases?.leaseUntil.get(jobKey);
  step.jobs.insert({
    tenant_id: step.tenantId,
    job_key: jobKey,
    instance_key: step.instanceKey,
    local_key: job.key,
    process_id: step.write.processId,
    definition_key: step.write.definitionKey,
    element_id: job.elementId,
    element_instance_key: job.elementInstanceKey,
    type: job.type,
    retries: job.retries,
    headers: toJson(job.headers),
    variables: toJson(activation?.variables ?? {}),
    error_message: job.errorMessage ?? null,
    available_at: step.now + (activation?.backoffMs ?? 0),
    lease_owner: leaseUntil === undefined ? null : (step.jobLeases?.ownerId ?? null),
    lease_until: leaseUntil ?? null,
    created_at: step.now,
  });
  return Promise.resolve();
}

/** The worker's lease ends; with retries left, the job is handed out again after the backoff. */
export async function jobFailed(step: ProjectionStep, event: EngineEventOfType<'job-failed'>): Promise<void> {
  const activation = step.activation(event.jobKey);
  await step.jobs.flush(step.trx);
  await step.trx
    .updateTable('jobs')
    .set({
      retries: event.retries,
      error_message: event.errorMessage,
      available_at: step.now + event.retryBackoffMs,
      lease_owner: null,
      lease_until: null,
      ...(activation ? { variables: toJson(activation.variables) } : {}),
    })
    .where('tenant_id', '=', step.tenantId)
    .where('job_key', '=', step.key(event.jobKey))
    .execute();
}

export async function jobRetriesUpdated(
  step: ProjectionStep,
  event: EngineEventOfType<'job-retries-updated'>,
): Promise<void> {
  const activation = step.activation(event.jobKey);
  await step.jobs.flush(step.trx);
  await step.trx
    .updateTable('jobs')
    .set({
      retries: event.retries,
      available_at: step.now,
      lease_owner: null,
      lease_until: null,
      ...(activation ? { variables: toJson(activation.variables) } : {}),
    })
    .where('tenant_id', '=', step.tenantId)
    .where('job_key', '=', step.key(event.jobKey))
    .execute();
}

/** Completed or cancelled: the job is gone (a repeated completion finds nothing to do). */
export function jobEnded(step: ProjectionStep, event: { readonly jobKey: number }): Promise<void> {
  step.jobs.delete(step.tenantId, step.key(event.jobKey));
  return Promise.resolve();
}

/**
 * Leases up to `max` jobs: retries left, due, and no live lease. The rows are locked while they
 * are leased (PostgreSQL skips rows another node is claiming), so two claimers never share a job.
 */
export function claimJobs(
  db: Kysely<OperonDatabase>,
  adapter: DialectAdapter,
  request: ClaimRequest,
): Promise<JobRecord[]> {
  const { now, tenantId } = request;
  if (request.max < 1) return Promise.resolve([]);
  return db.transaction().execute(async (trx) => {
    const candidates = await adapter
      .lockForClaim(
        trx
          .selectFrom('jobs')
          .selectAll()
          .where('type', '=', request.type)
          .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId ?? ''))
          .where('retries', '>', 0)
          .where('available_at', '<=', now)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
          .orderBy('available_at')
          .orderBy('job_key')
          .limit(Math.floor(request.max)),
      )
      .execute();
    if (candidates.length === 0) return [];
    const lease = { lease_owner: request.ownerId, lease_until: now + request.leaseMs };
    await trx
      .updateTable('jobs')
      .set(lease)
      .where((eb) =>
        eb(
          eb.refTuple('tenant_id', 'job_key'),
          'in',
          candidates.map((row) => eb.tuple(row.tenant_id, row.job_key)),
        ),
      )
      .execute();
    return candidates.map((row) => jobOf({ ...row, ...lease }));
  });
}

export async function getJob(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  jobKey: string,
): Promise<JobRecord | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('job_key', '=', jobKey)
    .executeTakeFirst();
  return row && jobOf(row);
}

function jobOf(row: Selectable<JobsTable>): JobRecord {
  return {
    tenantId: row.tenant_id,
    jobKey: row.job_key,
    instanceKey: row.instance_key,
    localKey: row.local_key,
    processId: row.process_id,
    definitionKey: row.definition_key,
    elementId: row.element_id,
    elementInstanceKey: row.element_instance_key,
    type: row.type,
    retries: row.retries,
    headers: fromJson(row.headers) as JobRecord['headers'],
    variables: fromJson(row.variables) as JobRecord['variables'],
    errorMessage: fromNullable(row.error_message),
    availableAt: row.available_at,
    leaseOwner: fromNullable(row.lease_owner),
    leaseUntil: fromNullable(row.lease_until),
  };
}
