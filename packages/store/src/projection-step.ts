import type { Effect } from '@operon/engine';
import type { Transaction } from 'kysely';
import type { BatchJobWrites } from './batch-job-writes';
import { ownedKey } from './column-values';
import type { OperonDatabase } from './operon-database';
import type { CommitBatch, InstanceWrite } from './store';

type JobActivation = Extract<Effect, { type: 'activate-job' }>;
type TaskOpening = Extract<Effect, { type: 'open-user-task' }>;

/**
 * One instance write being turned into rows, inside the commit's transaction. The events say
 * what changed; a few effects carry what the events leave out (the variables a job worker or a
 * task form is given).
 */
export class ProjectionStep {
  /** Element instances that ended in this step: their local variables are dropped at its end. */
  readonly endedScopes: number[] = [];
  /** Scopes that received variables in this step. */
  readonly scopesSet = new Set<number>();

  constructor(
    readonly trx: Transaction<OperonDatabase>,
    readonly write: InstanceWrite,
    /** Job rows written once for the whole batch. */
    readonly jobs: BatchJobWrites,
    /** Jobs of the batch leased to this node's workers as they are created. */
    readonly jobLeases: CommitBatch['jobLeases'],
  ) {}

  get tenantId(): string {
    return this.write.tenantId;
  }

  get instanceKey(): string {
    return this.write.instanceKey;
  }

  get now(): number {
    return this.write.now;
  }

  /** The row key of a job, user task, incident, timer or subscription of this instance. */
  key(localKey: number): string {
    return ownedKey(this.write.instanceKey, localKey);
  }

  /** The latest activation of a job in this step: the variables its worker receives. */
  activation(jobKey: number): JobActivation | undefined {
    return this.write.effects.findLast(
      (effect): effect is JobActivation => effect.type === 'activate-job' && effect.job.key === jobKey,
    );
  }

  /** The opening of a user task in this step: the variables its form shows. */
  taskOpening(taskKey: number): TaskOpening | undefined {
    return this.write.effects.findLast(
      (effect): effect is TaskOpening => effect.type === 'open-user-task' && effect.userTask.key === taskKey,
    );
  }
}
