import {
  process,
  type Command,
  type DecisionLookup,
  type Effect,
  type EngineEvent,
  type InstanceState,
} from '@operon/engine';
import { VersionConflictError, type InstanceWrite, type Store, type StoredInstance } from '@operon/store';
import type { Clock } from './clock';
import type { DefinitionRegistry } from './definition-registry';
import { InstanceCache } from './instance-cache';
import type { JobReservation } from './job-executor';
import { OperationalError, UserError } from './operon-error';

/** A command addressed to one instance; `definitionKey` is needed only to create it. */
export interface InstanceCommand {
  readonly tenantId: string;
  readonly instanceKey: string;
  readonly command: Command;
  readonly definitionKey?: string;
  /** A buffered message this command consumes (deleted in the same transaction). */
  readonly consumesMessageKey?: string;
}

export interface CommandOutcome {
  readonly tenantId: string;
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly state: InstanceState;
  readonly events: readonly EngineEvent[];
  readonly effects: readonly Effect[];
}

/** One committed instance write, as seen by listeners after the commit. */
export type CommittedStep = CommandOutcome;

interface Pending {
  readonly request: InstanceCommand;
  readonly resolve: (outcome: CommandOutcome) => void;
  readonly reject: (error: unknown) => void;
}

export interface CommandLoopOptions {
  /** Most commands written in one transaction. */
  readonly maxBatch: number;
  /** How often to retry a batch when the database fails, before giving up on its commands. */
  readonly databaseRetries: number;
  readonly onCommitted: (steps: readonly CommittedStep[]) => void;
  /** Leases the jobs a batch creates to this node's workers within the batch's own commit. */
  readonly reserveJobs?: (writes: readonly InstanceWrite[]) => JobReservation | undefined;
  readonly onDatabaseTrouble: (error: unknown, attempt: number) => void;
}

const MAX_CONFLICT_RETRIES = 20;

/**
 * The command loop with group commit: the commands that arrive while a transaction is being
 * written wait, then go together in the next one. Commands for one instance run in arrival order
 * on its latest state; a version conflict (another node wrote first) reloads and retries.
 */
export class CommandLoop {
  private queue: Pending[] = [];
  private draining: Promise<void> | undefined;
  private readonly cache = new InstanceCache(10_000);
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly registry: DefinitionRegistry,
    private readonly clock: Clock,
    private readonly options: CommandLoopOptions,
    private readonly decisions: DecisionLookup,
  ) {}

  submit(request: InstanceCommand): Promise<CommandOutcome> {
    if (this.stopped) return Promise.reject(new OperationalError('Operon is shutting down; retry on another node.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Finishes the commands already submitted, then refuses new ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      // Let the commands of this tick gather before each transaction, and let timers and I/O run: on
      // SQLite a commit resolves without I/O, so under steady load a loop without this never yielded
      // and starved the rest of the process (HTTP requests, timers, the event stream).
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = this.queue.splice(0, this.options.maxBatch);
      await this.runBatch(batch);
    }
    this.draining = undefined;
  }

  private async runBatch(commands: readonly Pending[]): Promise<void> {
    let batch = commands;
    let databaseFailures = 0;
    for (let conflicts = 0; ;) {
      let reservation: JobReservation | undefined;
      try {
        const { writes, outcomes, failures, consumed } = await this.processBatch(batch);
        reservation = writes.length > 0 ? this.options.reserveJobs?.(writes) : undefined;
        if (writes.length > 0) {
          await this.store.commit({
            instances: writes,
            consumedMessages: consumed,
            ...(reservation === undefined ? {} : { jobLeases: reservation.leases }),
          });
        }
        for (const write of writes) {
          this.cache.set({
            tenantId: write.tenantId,
            instanceKey: write.instanceKey,
            definitionKey: write.definitionKey,
            state: write.state,
            version: write.expectedVersion + 1,
          });
        }
        reservation?.committed();
        for (const [pending, error] of failures) pending.reject(error);
        for (const [pending, outcome] of outcomes) pending.resolve(outcome);
        const committed = writes.map((write) => outcomeOf(write));
        if (committed.length > 0) this.options.onCommitted(committed);
        return;
      } catch (error) {
        reservation?.aborted();
        if (error instanceof VersionConflictError && conflicts < MAX_CONFLICT_RETRIES) {
          conflicts++;
          batch = withoutDuplicateCreates(batch, error.instanceKeys);
          if (batch.length === 0) return;
          // the other instances' states are still current: reload only the stale ones
          const tenants = new Map(batch.map(({ request }) => [request.instanceKey, request.tenantId]));
          for (const instanceKey of error.instanceKeys) this.cache.evict(tenants.get(instanceKey) ?? '', instanceKey);
          continue;
        }
        if (
          !(error instanceof UserError) &&
          !(error instanceof VersionConflictError) &&
          databaseFailures < this.options.databaseRetries
        ) {
          databaseFailures++;
          this.options.onDatabaseTrouble(error, databaseFailures);
          for (const pending of batch) this.cache.evict(pending.request.tenantId, pending.request.instanceKey);
          await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** databaseFailures)));
          continue;
        }
        const reported =
          error instanceof UserError
            ? error
            : new OperationalError(`The step could not be stored: ${(error as Error).message}`, { cause: error });
        for (const pending of batch) pending.reject(reported);
        return;
      }
    }
  }

  /** Runs the batch's commands through the engine against the latest states, without writing. */
  private async processBatch(batch: readonly Pending[]) {
    const now = this.clock.now();
    const working = new Map<
      string,
      {
        stored: StoredInstance | undefined;
        definitionKey: string;
        state: InstanceState | undefined;
        events: EngineEvent[];
        effects: Effect[];
      }
    >();
    const outcomes: [Pending, CommandOutcome][] = [];
    const failures: [Pending, unknown][] = [];
    const consumed: { tenantId: string; messageKey: string }[] = [];
    for (const pending of batch) {
      const { tenantId, instanceKey, command } = pending.request;
      const id = `${tenantId}/${instanceKey}`;
      let entry = working.get(id);
      if (!entry) {
        // a create names a new key: nothing to load (a duplicate fails the insert as a conflict)
        const stored =
          command.type === 'create-instance'
            ? undefined
            : (this.cache.get(tenantId, instanceKey) ?? (await this.store.loadInstance(tenantId, instanceKey)));
        const definitionKey = stored?.definitionKey ?? pending.request.definitionKey;
        if (definitionKey === undefined) {
          failures.push([
            pending,
            new UserError('INSTANCE_NOT_FOUND', `Process instance ${instanceKey} does not exist.`),
          ]);
          continue;
        }
        entry = { stored, definitionKey, state: stored?.state, events: [], effects: [] };
        working.set(id, entry);
      }
      const { definition } = await this.registry.load(tenantId, entry.definitionKey);
      const result = process(entry.state, command, { now, definition, decisions: this.decisions });
      if (result.rejection || !result.state) {
        const code = result.rejection?.code ?? 'INSTANCE_NOT_FOUND';
        failures.push([pending, new UserError(code, result.rejection?.message)]);
        continue;
      }
      entry.state = result.state;
      entry.events.push(...result.events);
      entry.effects.push(...result.effects);
      if (pending.request.consumesMessageKey)
        consumed.push({ tenantId, messageKey: pending.request.consumesMessageKey });
      outcomes.push([
        pending,
        {
          tenantId,
          instanceKey,
          definitionKey: entry.definitionKey,
          state: result.state,
          events: result.events,
          effects: result.effects,
        },
      ]);
    }
    const writes: InstanceWrite[] = [];
    for (const [id, entry] of working) {
      if (!entry.state || entry.events.length === 0) continue;
      const [tenantId, instanceKey] = splitId(id);
      writes.push({
        tenantId,
        instanceKey,
        definitionKey: entry.definitionKey,
        processId: entry.state.processId,
        expectedVersion: entry.stored?.version ?? 0,
        scopesWithVariables: Object.keys(entry.stored?.state.variables ?? {}).map(Number),
        state: entry.state,
        events: entry.events,
        effects: entry.effects,
        now,
      });
    }
    return { writes, outcomes, failures, consumed };
  }
}

function splitId(id: string): [string, string] {
  const slash = id.indexOf('/');
  return [id.slice(0, slash), id.slice(slash + 1)];
}

function outcomeOf(write: InstanceWrite): CommittedStep {
  return {
    tenantId: write.tenantId,
    instanceKey: write.instanceKey,
    definitionKey: write.definitionKey,
    state: write.state,
    events: write.events,
    effects: write.effects,
  };
}

/**
 * A create whose instance key exists already (another node, or this one before a restart, created it: a
 * call activity's child, a timer start's occurrence) conflicts however often it is retried. Only it fails,
 * with INSTANCE_EXISTS, which its callers take as "created already"; the rest of the batch is retried.
 */
function withoutDuplicateCreates(batch: readonly Pending[], staleKeys: readonly string[]): readonly Pending[] {
  const stale = new Set(staleKeys);
  return batch.filter((pending) => {
    const { instanceKey, command } = pending.request;
    if (command.type !== 'create-instance' || !stale.has(instanceKey)) return true;
    pending.reject(new UserError('INSTANCE_EXISTS', `A process instance with the key ${instanceKey} exists already.`));
    return false;
  });
}
