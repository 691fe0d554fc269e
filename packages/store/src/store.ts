import type { SignalSubscriptionRecord } from './signals';
import type { Effect, EngineEvent, InstanceState, InstanceStatus, Variables } from '@operon/engine';

/**
 * The persistence port of the runtime: everything Operon keeps. One implementation over Kysely,
 * for SQLite (better-sqlite3) and PostgreSQL (pg). Every row has a tenant id.
 *
 * Keys: an instance key is a string chosen by the runtime; jobs, user tasks and incidents are
 * keyed `${instanceKey}.${localKey}` where localKey is the engine's number inside the instance.
 * Times are milliseconds since the epoch, always passed in (`now`), never read from a clock here.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs pending migrations; refuses a database whose schema is newer than this code. */
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;

  // --- deployments -------------------------------------------------------------------------
  /**
   * Stores a bundle. A process whose content hash equals its latest version's is not versioned again
   * (deploying the same file twice is idempotent); otherwise it becomes version latest + 1.
   */
  deploy(input: DeploymentInput): Promise<DeploymentRecord>;
  listDeployments(tenantId: string, page: PageRequest): Promise<Page<DeploymentSummary>>;
  getResource(tenantId: string, deploymentKey: string, name: string): Promise<ResourceRecord | undefined>;
  /** Latest version when `version` is omitted. */
  findDefinition(tenantId: string, processId: string, version?: number): Promise<DefinitionRecord | undefined>;
  getDefinition(tenantId: string, definitionKey: string): Promise<DefinitionRecord | undefined>;
  listDefinitions(tenantId: string, filter: { processId?: string }, page: PageRequest): Promise<Page<DefinitionRecord>>;
  /**
   * A mark that changes whenever a process definition is deployed, on any node: caches of the deployed
   * definitions compare it to learn that they are stale.
   */
  definitionsMark(tenantId: string): Promise<string>;

  // --- the one write path of the engine: a group commit ----------------------------------------
  /**
   * Writes, in ONE transaction, every instance step of a tick: new state (version-checked), events
   * (history), and the rows derived from events and effects: jobs, user tasks, incidents,
   * variables, timers, message subscriptions. Throws VersionConflictError (nothing written) when
   * an instance's stored version is not `expectedVersion` (or, for `expectedVersion` 0, when the
   * instance already exists). Also applies `firedTimers` and `consumedMessages`.
   */
  commit(batch: CommitBatch): Promise<void>;
  loadInstance(tenantId: string, instanceKey: string): Promise<StoredInstance | undefined>;

  // --- jobs --------------------------------------------------------------------------------------
  /**
   * Claims up to `max` activatable jobs of a type whose `availableAt <= now` and whose lease is
   * free or expired, setting `leaseOwner`/`leaseUntil`. PostgreSQL: `FOR UPDATE SKIP LOCKED`.
   */
  claimJobs(request: ClaimRequest): Promise<JobRecord[]>;
  getJob(tenantId: string, jobKey: string): Promise<JobRecord | undefined>;
  /** Gives up leases held by a node (shutdown). */
  releaseLeases(ownerId: string): Promise<void>;

  // --- timers and messages (filled by commit; read by the runtime's schedulers) ---------------
  claimDueTimers(request: { now: number; max: number; ownerId: string; leaseMs: number }): Promise<TimerRecord[]>;
  /** Buffers a published message until it expires (TTL) or is correlated. */
  saveMessage(message: MessageRecord): Promise<void>;
  findMessage(tenantId: string, name: string, correlationKey: string, now: number): Promise<MessageRecord | undefined>;
  findSubscriptions(tenantId: string, name: string, correlationKey: string): Promise<SubscriptionRecord[]>;
  /** Every open subscription to a signal name, by instance (signals.ts). */
  findSignalSubscriptions(tenantId: string, signalName: string): Promise<SignalSubscriptionRecord[]>;
  /** Deletes buffered messages whose time to live has passed; returns how many. */
  purgeExpiredMessages(now: number): Promise<number>;

  // --- queries ----------------------------------------------------------------------------------
  queryInstances(filter: InstanceFilter, page: PageRequest): Promise<Page<InstanceSummary>>;
  history(tenantId: string, instanceKey: string, page: PageRequest): Promise<Page<HistoryRecord>>;
  queryIncidents(
    filter: { tenantId: string; instanceKey?: string; state?: 'open' | 'resolved' },
    page: PageRequest,
  ): Promise<Page<IncidentRecord>>;
  queryUserTasks(filter: UserTaskFilter, page: PageRequest): Promise<Page<UserTaskRecord>>;
  getUserTask(tenantId: string, taskKey: string): Promise<UserTaskRecord | undefined>;
  /**
   * Claim / unclaim / assign an open task: changes the assignee only. `expectedAssignee`: undefined,
   * no check; null, the task must be unassigned; a name, the task must be assigned to it.
   * Returns false (nothing changed) when the task is not open or the check fails.
   */
  assignUserTask(
    tenantId: string,
    taskKey: string,
    assignee: string | undefined,
    expectedAssignee?: string | null,
  ): Promise<boolean>;
  /**
   * Per element of a definition: active, completed, terminated and open-incident counts (for
   * heatmaps), counted from the history. The process itself appears under its process id.
   */
  elementStatistics(tenantId: string, definitionKey: string): Promise<ElementStatistics[]>;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: string;
}

export interface PageRequest {
  readonly limit: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

export interface DeploymentInput {
  readonly tenantId: string;
  readonly deploymentKey: string;
  readonly name: string;
  readonly now: number;
  readonly resources: readonly {
    readonly name: string;
    readonly kind: ResourceKind;
    readonly content: string;
    readonly contentHash: string;
  }[];
  readonly processes: readonly {
    readonly processId: string;
    readonly name: string | undefined;
    readonly resourceName: string;
    readonly contentHash: string;
    readonly versionTag: string | undefined;
  }[];
}

export type ResourceKind = 'bpmn' | 'dmn' | 'form' | 'schema';

export interface DeploymentRecord {
  readonly deploymentKey: string;
  readonly tenantId: string;
  readonly name: string;
  readonly createdAt: number;
  readonly definitions: readonly DefinitionRecord[];
  readonly resources: readonly { readonly name: string; readonly kind: ResourceKind }[];
}

export interface DeploymentSummary {
  readonly deploymentKey: string;
  readonly name: string;
  readonly createdAt: number;
  readonly resourceNames: readonly string[];
}

export interface ResourceRecord {
  readonly deploymentKey: string;
  readonly name: string;
  readonly kind: ResourceKind;
  readonly content: string;
  readonly contentHash: string;
}

export interface DefinitionRecord {
  /** `${processId}:${version}`-like key unique per tenant. */
  readonly definitionKey: string;
  readonly tenantId: string;
  readonly processId: string;
  readonly name: string | undefined;
  readonly version: number;
  readonly versionTag: string | undefined;
  readonly contentHash: string;
  readonly deploymentKey: string;
  readonly resourceName: string;
  readonly createdAt: number;
}

export interface StoredInstance {
  readonly tenantId: string;
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly state: InstanceState;
  /** Optimistic-lock version: 1 after creation, +1 per committed step. */
  readonly version: number;
}

export interface InstanceWrite {
  readonly tenantId: string;
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly processId: string;
  /** 0 for a new instance (insert); else the version read. */
  readonly expectedVersion: number;
  readonly state: InstanceState;
  readonly events: readonly EngineEvent[];
  readonly effects: readonly Effect[];
  readonly now: number;
  /**
   * The scopes that held local variables before this step (keys of the previous state's
   * `variables`), so that only those are cleared when they end; undefined clears every ended scope.
   */
  readonly scopesWithVariables?: readonly number[];
}

export interface CommitBatch {
  readonly instances: readonly InstanceWrite[];
  /** Buffered messages correlated in this batch: delete them from the buffer. */
  readonly consumedMessages?: readonly { readonly tenantId: string; readonly messageKey: string }[];
  /**
   * Timers fired in this batch: delete (or reschedule, for cycles) them. Applied before the
   * instance writes, so the engine's own timer events in the same batch have the last word.
   */
  readonly firedTimers?: readonly {
    readonly tenantId: string;
    readonly timerKey: string;
    readonly nextDueAt: number | undefined;
    readonly repetitionsLeft: number | undefined;
  }[];
  /**
   * Jobs created in this batch that go straight to this node's in-process workers: their rows are
   * written already leased (`leaseOwner`, `leaseUntil` by job key), so no separate claim is needed.
   * When the lease runs out unfinished, any node may claim the job as usual.
   */
  readonly jobLeases?: {
    readonly ownerId: string;
    readonly leaseUntil: ReadonlyMap<string, number>;
  };
}

export interface ClaimRequest {
  readonly tenantId: string | undefined;
  readonly type: string;
  readonly max: number;
  readonly ownerId: string;
  readonly leaseMs: number;
  readonly now: number;
}

export interface JobRecord {
  readonly tenantId: string;
  readonly jobKey: string;
  readonly instanceKey: string;
  readonly localKey: number;
  readonly processId: string;
  readonly definitionKey: string;
  readonly elementId: string;
  readonly elementInstanceKey: number;
  readonly type: string;
  readonly retries: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly variables: Variables;
  readonly errorMessage: string | undefined;
  readonly availableAt: number;
  readonly leaseOwner: string | undefined;
  readonly leaseUntil: number | undefined;
}

export interface TimerRecord {
  readonly tenantId: string;
  readonly timerKey: string;
  readonly instanceKey: string;
  readonly localKey: number;
  readonly elementId: string;
  readonly dueAt: number;
  readonly repetitionsLeft: number | undefined;
  /** For a cycle: the interval to the next firing. */
  readonly intervalMs: number | undefined;
  readonly leaseOwner: string | undefined;
  readonly leaseUntil: number | undefined;
}

export interface MessageRecord {
  readonly tenantId: string;
  readonly messageKey: string;
  readonly name: string;
  readonly correlationKey: string;
  readonly variables: Variables;
  readonly publishedAt: number;
  readonly expiresAt: number;
}

export interface SubscriptionRecord {
  readonly tenantId: string;
  readonly subscriptionKey: string;
  readonly instanceKey: string;
  readonly localKey: number;
  readonly elementId: string;
  readonly messageName: string;
  readonly correlationKey: string;
}

export interface InstanceFilter {
  readonly tenantId: string;
  readonly processId?: string;
  readonly definitionKey?: string;
  readonly instanceKey?: string;
  readonly status?: InstanceStatus | 'incident';
  readonly businessKey?: string;
  /** Instances with a variable (in any scope) of this name and, when given, this JSON value. */
  readonly variable?: { readonly name: string; readonly value?: unknown };
  /** Inclusive bounds on `startedAt`. */
  readonly startedAfter?: number;
  readonly startedBefore?: number;
  /** By `startedAt`, then instance key; default 'asc'. */
  readonly order?: 'asc' | 'desc';
}

export interface InstanceSummary {
  readonly tenantId: string;
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly processId: string;
  /** Optimistic-lock version of the instance row: 1 after creation, +1 per committed step. */
  readonly version: number;
  /** The version of the process definition the instance runs. */
  readonly definitionVersion: number;
  readonly businessKey: string | undefined;
  readonly status: InstanceStatus;
  readonly openIncidents: number;
  readonly startedAt: number;
  readonly endedAt: number | undefined;
}

export interface HistoryRecord {
  readonly position: number;
  readonly instanceKey: string;
  readonly type: EngineEvent['type'];
  readonly elementId: string | undefined;
  readonly event: EngineEvent;
  readonly at: number;
}

export interface IncidentRecord {
  readonly tenantId: string;
  readonly incidentKey: string;
  readonly instanceKey: string;
  readonly localKey: number;
  readonly elementId: string;
  readonly type: string;
  readonly message: string;
  readonly jobKey: string | undefined;
  readonly state: 'open' | 'resolved';
  readonly createdAt: number;
  readonly resolvedAt: number | undefined;
}

export interface UserTaskFilter {
  readonly tenantId: string;
  readonly state?: 'open' | 'completed' | 'cancelled';
  readonly assignee?: string;
  /** Open tasks any of these groups may claim. */
  readonly candidateGroups?: readonly string[];
  readonly candidateUser?: string;
  readonly unassigned?: boolean;
  readonly instanceKey?: string;
  readonly processId?: string;
  readonly sort?: 'dueDate' | 'priority' | 'createdAt';
  readonly order?: 'asc' | 'desc';
}

export interface UserTaskRecord {
  readonly tenantId: string;
  readonly taskKey: string;
  readonly instanceKey: string;
  readonly localKey: number;
  readonly processId: string;
  readonly definitionKey: string;
  readonly elementId: string;
  readonly name: string | undefined;
  readonly assignee: string | undefined;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly dueDate: string | undefined;
  readonly followUpDate: string | undefined;
  readonly priority: number;
  readonly formId: string | undefined;
  readonly formKey: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly state: 'open' | 'completed' | 'cancelled';
  readonly variables: Variables;
  readonly createdAt: number;
  readonly completedAt: number | undefined;
}

export interface ElementStatistics {
  readonly elementId: string;
  readonly active: number;
  readonly completed: number;
  readonly incidents: number;
  readonly terminated: number;
  /**
   * How long the element takes, from activation to completion, averaged over its latest completions
   * (up to 10,000 per definition): where instances spend their time. Undefined before any completes.
   */
  readonly averageDurationMs: number | undefined;
}
