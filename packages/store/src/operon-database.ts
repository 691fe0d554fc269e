/**
 * The tables as Kysely sees them (migrations/0001-initial.ts creates them). Times are
 * milliseconds since the epoch (BIGINT; read back as numbers on both dialects); JSON is TEXT.
 * Every table starts its primary key with `tenant_id`.
 */
export interface OperonDatabase {
  deployments: DeploymentsTable;
  resources: ResourcesTable;
  process_definitions: ProcessDefinitionsTable;
  process_instances: ProcessInstancesTable;
  history_steps: HistoryStepsTable;
  element_statistics: ElementStatisticsTable;
  jobs: JobsTable;
  user_tasks: UserTasksTable;
  user_task_candidates: UserTaskCandidatesTable;
  incidents: IncidentsTable;
  variables: VariablesTable;
  timers: TimersTable;
  message_subscriptions: MessageSubscriptionsTable;
  messages: MessagesTable;
}

export interface DeploymentsTable {
  tenant_id: string;
  deployment_key: string;
  name: string;
  created_at: number;
}

export interface ResourcesTable {
  tenant_id: string;
  deployment_key: string;
  name: string;
  kind: string;
  content: string;
  content_hash: string;
}

export interface ProcessDefinitionsTable {
  tenant_id: string;
  definition_key: string;
  process_id: string;
  version: number;
  name: string | null;
  version_tag: string | null;
  content_hash: string;
  deployment_key: string;
  resource_name: string;
  created_at: number;
}

export interface ProcessInstancesTable {
  tenant_id: string;
  instance_key: string;
  definition_key: string;
  process_id: string;
  business_key: string | null;
  status: string;
  /** Optimistic lock: 1 after creation, +1 per committed step. */
  version: number;
  /** InstanceState as JSON. */
  state: string;
  /** How many history events the instance has: the position of its last one. */
  event_count: number;
  open_incidents: number;
  started_at: number;
  ended_at: number | null;
  updated_at: number;
}

/** One committed step of an instance (migrations/0004-history-steps.ts). */
export interface HistoryStepsTable {
  tenant_id: string;
  instance_key: string;
  /** The position of the step's first event: 1, 2, 3, … per instance, over all its events. */
  position: number;
  /** How many events the step holds: its events are at `position` … `position + event_count - 1`. */
  event_count: number;
  /** The step's EngineEvents, as a JSON array. */
  payload: string;
  at: number;
}

/** Per element of a definition, how often it was activated, completed and terminated, in shards. */
export interface ElementStatisticsTable {
  tenant_id: string;
  definition_key: string;
  element_id: string;
  /** Each store instance adds to its own shard, so that nodes do not queue on one row; readers sum. */
  shard: number;
  activated: number;
  completed: number;
  terminated: number;
}

/** Common columns of the rows an instance owns, keyed `${instanceKey}.${localKey}`. */
interface InstanceOwnedColumns {
  tenant_id: string;
  instance_key: string;
  local_key: number;
  element_id: string;
  element_instance_key: number;
}

export interface JobsTable extends InstanceOwnedColumns {
  job_key: string;
  process_id: string;
  definition_key: string;
  type: string;
  retries: number;
  headers: string;
  /** The variables a worker receives, as of the last activation. */
  variables: string;
  error_message: string | null;
  available_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
}

export interface UserTasksTable extends InstanceOwnedColumns {
  task_key: string;
  process_id: string;
  definition_key: string;
  name: string | null;
  assignee: string | null;
  candidate_groups: string;
  candidate_users: string;
  due_date: string | null;
  /** `due_date` parsed, for sorting; null when absent or not a date. */
  due_at: number | null;
  follow_up_date: string | null;
  priority: number;
  form_id: string | null;
  form_key: string | null;
  headers: string;
  state: string;
  variables: string;
  created_at: number;
  completed_at: number | null;
}

/** One row per candidate group or user of a task: queryable the same way on both dialects. */
export interface UserTaskCandidatesTable {
  tenant_id: string;
  task_key: string;
  kind: 'group' | 'user';
  name: string;
}

export interface IncidentsTable extends InstanceOwnedColumns {
  incident_key: string;
  process_id: string;
  definition_key: string;
  type: string;
  message: string;
  job_key: string | null;
  state: string;
  created_at: number;
  resolved_at: number | null;
}

export interface VariablesTable {
  tenant_id: string;
  instance_key: string;
  /** The element instance whose scope holds the variable; the root scope is the process. */
  scope_key: number;
  name: string;
  /** JSON text, so that a value can be matched by its JSON form. */
  value: string;
  updated_at: number;
}

export interface TimersTable extends InstanceOwnedColumns {
  timer_key: string;
  due_at: number;
  repetitions_left: number | null;
  interval_ms: number | null;
  lease_owner: string | null;
  lease_until: number | null;
}

export interface MessageSubscriptionsTable extends InstanceOwnedColumns {
  subscription_key: string;
  message_name: string;
  correlation_key: string;
  opened_at: number;
}

export interface MessagesTable {
  tenant_id: string;
  message_key: string;
  name: string;
  correlation_key: string;
  variables: string;
  published_at: number;
  expires_at: number;
}

/** The identity tables (migrations/0002-identity.ts); the server's IdentityStore reads and writes them. */
export interface IdentityDatabase {
  users: UsersTable;
  user_groups: UserGroupsTable;
  group_members: GroupMembersTable;
  role_grants: RoleGrantsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}

export interface UsersTable {
  tenant_id: string;
  user_name: string;
  display_name: string | null;
  password_hash: string;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
  last_login_at: number | null;
}

export interface UserGroupsTable {
  tenant_id: string;
  group_id: string;
  name: string;
  created_at: number;
}

export interface GroupMembersTable {
  tenant_id: string;
  group_id: string;
  user_name: string;
}

export interface RoleGrantsTable {
  tenant_id: string;
  subject_kind: string;
  subject_id: string;
  role: string;
  /** '*' for every process definition. */
  process_id: string;
}

export interface ApiTokensTable {
  tenant_id: string;
  token_id: string;
  secret_hash: string;
  name: string;
  owner: string;
  /** RoleGrant[] as JSON. */
  grants: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface SessionsTable {
  tenant_id: string;
  session_hash: string;
  user_name: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface AuditEventsTable {
  tenant_id: string;
  audit_key: string;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  details: string;
}
