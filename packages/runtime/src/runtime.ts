import { randomUUID } from 'node:crypto';
import type { Command, InstanceState, Variables } from '@operon/engine';
import type {
  DeploymentRecord,
  HistoryRecord,
  IncidentRecord,
  InstanceFilter,
  InstanceSummary,
  Page,
  PageRequest,
  Store,
  UserTaskFilter,
  UserTaskRecord,
} from '@operon/store';
import { activatedJob, type ActivatedJob } from './activated-job';
import { systemClock, type Clock } from './clock';
import { CommandLoop, type CommandOutcome, type CommittedStep } from './command-loop';
import { DecisionRegistry } from './decision-registry';
import { DefinitionRegistry, type DeploymentResource } from './definition-registry';
import { entityKey, parseEntityKey } from './entity-key';
import { newInstanceKey } from './instance-key';
import { JobExecutor, type JobHandler, type WorkerHandle, type WorkerOptions } from './job-executor';
import { MessageCorrelation, type PublishMessage, type PublishResult } from './message-correlation';
import { UserError } from './operon-error';
import { migrateWithRetries } from './startup-migration';
import { TimerScheduler } from './timer-scheduler';
import { SignalBroadcast, type SignalBroadcastResult } from './signal-broadcast';
import { CallActivities } from './call-activities';
import { StartEvents, type ConditionEvaluation, type EvaluateConditions } from './start-events';

export interface RuntimeOptions {
  readonly store: Store;
  readonly tenantId?: string;
  /** Names this node in leases; default a random id. */
  readonly nodeId?: string;
  readonly clock?: Clock;
  /** Most commands per transaction (group commit). Default 500. */
  readonly maxBatch?: number;
  /** Retries of a transaction when the database fails. Default 8 (about 25 s in all). */
  readonly databaseRetries?: number;
  /** Attempts to reach the database at start. Default 10 (about a minute in all). */
  readonly startupRetries?: number;
  /** Wait between start attempts, doubling up to 10 s. Default 500 ms. */
  readonly startupRetryDelayMs?: number;
  /** Where the runtime says what goes wrong (a database away, a worker that throws). */
  readonly log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface StartInstance {
  readonly processId: string;
  readonly version?: number;
  readonly variables?: Variables;
  readonly businessKey?: string;
}

export interface StartedInstance {
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly processId: string;
  readonly version: number;
  readonly status: InstanceState['status'];
}

export interface InstanceDetails {
  readonly summary: InstanceSummary;
  readonly state: InstanceState;
}

/**
 * The I/O shell around the pure engine: commands in, one transaction per tick, effects out
 * (jobs to workers, timers, message correlation). One per node; many nodes may share a PostgreSQL store.
 */
export class Runtime {
  readonly tenantId: string;
  readonly nodeId: string;
  readonly definitions: DefinitionRegistry;
  private readonly decisions: DecisionRegistry;
  private readonly clock: Clock;
  private readonly loop: CommandLoop;
  private readonly jobs: JobExecutor;
  private readonly timers: TimerScheduler;
  private readonly messages: MessageCorrelation;
  private readonly signals: SignalBroadcast;
  private readonly calls: CallActivities;
  private repair: Promise<void> = Promise.resolve();
  private readonly starts: StartEvents;
  private readonly listeners = new Set<(steps: readonly CommittedStep[]) => void>();
  private readonly log: NonNullable<RuntimeOptions['log']>;

  private constructor(
    readonly store: Store,
    options: RuntimeOptions,
  ) {
    this.tenantId = options.tenantId ?? 'default';
    this.nodeId = options.nodeId ?? `node-${randomUUID()}`;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => undefined);
    this.definitions = new DefinitionRegistry(store);
    this.decisions = new DecisionRegistry(store, this.tenantId);
    this.loop = new CommandLoop(
      store,
      this.definitions,
      this.clock,
      {
        maxBatch: options.maxBatch ?? 500,
        databaseRetries: options.databaseRetries ?? 8,
        onCommitted: (steps) => this.afterCommit(steps),
        reserveJobs: (writes) => this.jobs.reserve(writes),
        onDatabaseTrouble: (error, attempt) =>
          this.log('warn', `The database did not accept a transaction (attempt ${attempt}); retrying.`, {
            error: String(error),
          }),
      },
      this.decisions.lookup,
    );
    this.jobs = new JobExecutor(
      store,
      this.clock,
      this.nodeId,
      {
        complete: (jobKey, variables) => this.completeJob(jobKey, variables),
        fail: (jobKey, retries, errorMessage, backoffMs) =>
          this.failJob(jobKey, { retries, errorMessage, retryBackoffMs: backoffMs }),
      },
      (job, error) => this.log('warn', `Worker for '${job.type}' failed job ${job.jobKey}.`, { error: String(error) }),
    );
    this.timers = new TimerScheduler(store, this.clock, this.nodeId, (timer) =>
      this.loop
        .submit({
          tenantId: timer.tenantId,
          instanceKey: timer.instanceKey,
          command: { type: 'trigger-timer', timerKey: timer.localKey },
        })
        .catch((error: unknown) => {
          if (!(error instanceof UserError)) throw error;
        }),
    );
    this.messages = new MessageCorrelation(store, this.loop);
    this.signals = new SignalBroadcast(store, this.loop);
    const logError = (message: string, error: unknown) => this.log('error', message, { error: String(error) });
    // call activities: child instances created, cancelled and reported back after each commit
    this.calls = new CallActivities(store, this.loop, this.definitions, logError);
    // timer, message, signal and conditional start events of the latest deployed versions
    this.starts = new StartEvents(store, this.loop, this.definitions, this.clock, this.tenantId, logError);
  }

  /**
   * Migrates the store and starts the timer scheduler. A database that does not answer is retried
   * (each attempt logged) for `startupRetries` attempts before giving up with an OperationalError.
   */
  static async start(options: RuntimeOptions): Promise<Runtime> {
    await migrateWithRetries(options.store, options);
    const runtime = new Runtime(options.store, options);
    await runtime.decisions.refresh();
    runtime.decisions.start(10_000);
    runtime.timers.start();
    await runtime.starts.refresh(); // start events
    runtime.starts.start();
    // call activities: repair what a crash between a parent's commit and its child's creation cut off
    runtime.repair = runtime.calls
      .recover(runtime.tenantId)
      .catch((error: unknown) =>
        runtime.log('error', 'Could not check call activities after the start.', { error: String(error) }),
      );
    return runtime;
  }

  /** Resolves when the start-up repair of call activities (it runs in the background after `start`) is done. */
  get startupRepair(): Promise<void> {
    return this.repair;
  }

  /** Finishes in-flight commands, stops workers and timers, and gives up this node's leases. */
  async stop(): Promise<void> {
    this.decisions.stop();
    await this.calls.stop();
    await this.starts.stop();
    await this.jobs.stop();
    await this.timers.stop();
    await this.loop.stop();
    await this.store.releaseLeases(this.nodeId);
  }

  /** Called after every commit with what was written; for live views (server-sent events). */
  onCommitted(listener: (steps: readonly CommittedStep[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async deploy(name: string, resources: readonly DeploymentResource[]): Promise<DeploymentRecord> {
    const deployment = await this.definitions.deploy(this.tenantId, randomUUID(), name, resources, this.clock.now());
    if (deployment.resources.some((resource) => resource.kind === 'dmn')) await this.decisions.refresh();
    if (deployment.resources.some((resource) => resource.kind === 'bpmn')) await this.starts.refresh(); // start events
    return deployment;
  }

  async startInstance(request: StartInstance): Promise<StartedInstance> {
    const { record } = await this.definitions.find(this.tenantId, request.processId, request.version);
    const instanceKey = newInstanceKey(this.clock.now());
    const command: Command = {
      type: 'create-instance',
      instanceKey,
      variables: request.variables ?? {},
      ...(request.businessKey === undefined ? {} : { businessKey: request.businessKey }),
    };
    const outcome = await this.loop.submit({
      tenantId: this.tenantId,
      instanceKey,
      command,
      definitionKey: record.definitionKey,
    });
    return {
      instanceKey,
      definitionKey: record.definitionKey,
      processId: record.processId,
      version: record.version,
      status: outcome.state.status,
    };
  }

  async completeJob(jobKey: string, variables: Variables = {}): Promise<CommandOutcome> {
    const { instanceKey, localKey } = this.keyOf(jobKey, 'JOB_NOT_FOUND');
    return this.send(instanceKey, { type: 'complete-job', jobKey: localKey, variables });
  }

  async failJob(
    jobKey: string,
    failure: { retries: number; errorMessage: string; retryBackoffMs?: number },
  ): Promise<CommandOutcome> {
    const { instanceKey, localKey } = this.keyOf(jobKey, 'JOB_NOT_FOUND');
    return this.send(instanceKey, {
      type: 'fail-job',
      jobKey: localKey,
      retries: failure.retries,
      errorMessage: failure.errorMessage,
      ...(failure.retryBackoffMs === undefined ? {} : { retryBackoffMs: failure.retryBackoffMs }),
    });
  }

  /** A worker throws a BPMN error for its job: a boundary event or event sub-process catching the code takes over. */
  async throwError(
    jobKey: string,
    error: { errorCode: string; errorMessage?: string; variables?: Variables },
  ): Promise<CommandOutcome> {
    const { instanceKey, localKey } = this.keyOf(jobKey, 'JOB_NOT_FOUND');
    return this.send(instanceKey, {
      type: 'throw-error',
      jobKey: localKey,
      errorCode: error.errorCode,
      ...(error.errorMessage === undefined ? {} : { errorMessage: error.errorMessage }),
      variables: error.variables ?? {},
    });
  }

  /** Broadcasts a signal to every instance of this tenant that waits for it (BPMN signals have no single recipient). */
  async broadcastSignal(signalName: string, variables: Variables = {}): Promise<SignalBroadcastResult> {
    const result = await this.signals.broadcast(this.tenantId, signalName, variables);
    const started = await this.starts.onSignal(signalName, variables); // signal start events
    return started.length === 0
      ? result
      : { ...result, triggeredInstances: [...result.triggeredInstances, ...started] };
  }

  /** Conditional start events, evaluated on request (Camunda 7): one new instance per condition that holds. */
  async evaluateConditions(request: EvaluateConditions): Promise<ConditionEvaluation> {
    return { startedInstances: await this.starts.onConditions(request.variables, request.processId) };
  }

  async completeUserTask(taskKey: string, variables: Variables = {}): Promise<CommandOutcome> {
    const { instanceKey, localKey } = this.keyOf(taskKey, 'USER_TASK_NOT_FOUND');
    return this.send(instanceKey, { type: 'complete-user-task', userTaskKey: localKey, variables });
  }

  cancelInstance(instanceKey: string): Promise<CommandOutcome> {
    return this.send(instanceKey, { type: 'cancel-instance' });
  }

  async resolveIncident(incidentKey: string, retries?: number): Promise<CommandOutcome> {
    const { instanceKey, localKey } = this.keyOf(incidentKey, 'INCIDENT_NOT_FOUND');
    return this.send(instanceKey, {
      type: 'resolve-incident',
      incidentKey: localKey,
      ...(retries === undefined ? {} : { retries }),
    });
  }

  setVariables(
    instanceKey: string,
    variables: Variables,
    options: { scopeKey?: number; local?: boolean } = {},
  ): Promise<CommandOutcome> {
    return this.send(instanceKey, { type: 'set-variables', variables, ...options });
  }

  async publishMessage(message: Omit<PublishMessage, 'messageKey'> & { messageKey?: string }): Promise<PublishResult> {
    const messageKey = message.messageKey ?? randomUUID();
    const result = await this.messages.publish(this.tenantId, { ...message, messageKey }, this.clock.now());
    // message start events: a new instance per message (one active per correlation key), reported as reached
    const started = await this.starts.onMessage(
      message.name,
      message.correlationKey,
      message.variables ?? {},
      messageKey,
    );
    return started.length === 0
      ? result
      : { ...result, correlatedInstances: [...result.correlatedInstances, ...started].sort(), buffered: false };
  }

  /** Registers an in-process worker for a job type. */
  worker(type: string, handler: JobHandler, options?: WorkerOptions): WorkerHandle {
    return this.jobs.register(type, handler, options);
  }

  /** Claims jobs for an external worker (the REST API's activate call). */
  async activateJobs(request: {
    type: string;
    maxJobs: number;
    leaseMs: number;
    worker: string;
  }): Promise<ActivatedJob[]> {
    const records = await this.store.claimJobs({
      tenantId: this.tenantId,
      type: request.type,
      max: Math.max(1, Math.min(1_000, request.maxJobs)),
      ownerId: request.worker,
      leaseMs: Math.max(1_000, request.leaseMs),
      now: this.clock.now(),
    });
    return records.map(activatedJob);
  }

  async getInstance(instanceKey: string): Promise<InstanceDetails> {
    const stored = await this.store.loadInstance(this.tenantId, instanceKey);
    if (!stored)
      throw new UserError('INSTANCE_NOT_FOUND', `Process instance ${instanceKey} does not exist.`, { instanceKey });
    const { items } = await this.store.queryInstances({ tenantId: this.tenantId, instanceKey }, { limit: 1 });
    const summary = items[0];
    if (!summary)
      throw new UserError('INSTANCE_NOT_FOUND', `Process instance ${instanceKey} does not exist.`, { instanceKey });
    return { summary, state: stored.state };
  }

  queryInstances(filter: Omit<InstanceFilter, 'tenantId'>, page: PageRequest): Promise<Page<InstanceSummary>> {
    return this.store.queryInstances({ ...filter, tenantId: this.tenantId }, page);
  }

  history(instanceKey: string, page: PageRequest): Promise<Page<HistoryRecord>> {
    return this.store.history(this.tenantId, instanceKey, page);
  }

  queryIncidents(
    filter: { instanceKey?: string; state?: 'open' | 'resolved' },
    page: PageRequest,
  ): Promise<Page<IncidentRecord>> {
    return this.store.queryIncidents({ ...filter, tenantId: this.tenantId }, page);
  }

  queryUserTasks(filter: Omit<UserTaskFilter, 'tenantId'>, page: PageRequest): Promise<Page<UserTaskRecord>> {
    return this.store.queryUserTasks({ ...filter, tenantId: this.tenantId }, page);
  }

  /** The job key of a local job number (for tests and tools). */
  jobKeyOf(instanceKey: string, localKey: number): string {
    return entityKey(instanceKey, localKey);
  }

  private send(instanceKey: string, command: Command): Promise<CommandOutcome> {
    return this.loop.submit({ tenantId: this.tenantId, instanceKey, command });
  }

  private keyOf(key: string, code: 'JOB_NOT_FOUND' | 'USER_TASK_NOT_FOUND' | 'INCIDENT_NOT_FOUND') {
    const parsed = parseEntityKey(key);
    if (!parsed) throw new UserError(code, `'${key}' is not a valid key; keys look like <instance key>.<number>.`);
    return parsed;
  }

  private afterCommit(steps: readonly CommittedStep[]): void {
    const now = this.clock.now();
    for (const step of steps) {
      for (const effect of step.effects) {
        // jobs reach this node's workers through the commit's reservation (job-executor.ts)
        if (effect.type === 'schedule-timer') this.timers.notify(effect.timer.dueAt);
        else if (effect.type === 'open-subscription') {
          this.messages
            .subscriptionOpened(step.tenantId, step.instanceKey, effect.subscription, now)
            .catch((error: unknown) =>
              this.log('error', 'Could not correlate a buffered message.', { error: String(error) }),
            );
        } else if (effect.type === 'broadcast-signal') {
          // bpmn coverage: a thrown signal reaches every other waiting instance after the commit
          Promise.all([
            this.signals.broadcast(step.tenantId, effect.signalName, effect.variables, effect.excludeInstanceKey),
            this.starts.onSignal(effect.signalName, effect.variables), // signal start events
          ]).catch((error: unknown) =>
            this.log('error', `Could not broadcast the signal '${effect.signalName}'.`, { error: String(error) }),
          );
        }
      }
    }
    for (const step of steps) this.calls.dispatch(step); // call activities
    for (const listener of this.listeners) listener(steps);
  }
}
