export { createStore } from './create-store';
export type { CreateStoreOptions } from './create-store';
export { CorruptDatabaseError, InvalidCursorError, NewerSchemaError, VersionConflictError } from './store-errors';
export type {
  ClaimRequest,
  CommitBatch,
  DefinitionRecord,
  DeploymentInput,
  DeploymentRecord,
  DeploymentSummary,
  ElementStatistics,
  HistoryRecord,
  IncidentRecord,
  InstanceFilter,
  InstanceSummary,
  InstanceWrite,
  JobRecord,
  MessageRecord,
  MigrationReport,
  Page,
  PageRequest,
  ResourceKind,
  ResourceRecord,
  Store,
  StoredInstance,
  SubscriptionRecord,
  TimerRecord,
  UserTaskFilter,
  UserTaskRecord,
} from './store';
export { identityStoreOf } from './identity-of';
export type {
  ApiTokenRecord,
  AuditEventRecord,
  AuditFilter,
  GrantSubject,
  GroupRecord,
  IdentityStore,
  NewUser,
  RoleGrant,
  SessionRecord,
  UserRecord,
} from './identity-store';
export type { SignalSubscriptionRecord } from './signals';
