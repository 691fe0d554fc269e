/** The shapes of the service's answers that the UI reads (see /openapi.json). */

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface RoleGrant {
  readonly role: string;
  readonly processId: string;
}

export interface Me {
  readonly username: string;
  readonly via: 'user' | 'token';
  readonly groups: readonly string[];
  readonly grants: readonly RoleGrant[];
}

export interface ProcessDefinition {
  readonly definitionKey: string;
  readonly processId: string;
  readonly name?: string;
  readonly version: number;
  readonly versionTag?: string;
  readonly deploymentKey: string;
  readonly resourceName: string;
  readonly createdAt: string;
}

export interface ElementStatistics {
  readonly elementId: string;
  readonly active: number;
  readonly completed: number;
  readonly incidents: number;
  readonly terminated: number;
  /** Average activation → completion time, in milliseconds; absent before anything completed. */
  readonly averageDurationMs?: number;
}

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'incident';

export interface ProcessInstanceSummary {
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly processId: string;
  readonly businessKey?: string;
  readonly status: InstanceStatus;
  readonly openIncidents: number;
  readonly startedAt: string;
  readonly endedAt?: string;
}

export interface Incident {
  readonly incidentKey: string;
  readonly elementId: string;
  readonly type: string;
  readonly message: string;
}

export interface ProcessInstance extends ProcessInstanceSummary {
  readonly activeElements: readonly { elementInstanceKey: number; elementId: string; phase: string }[];
  readonly variables: Readonly<Record<string, unknown>>;
  readonly incidents: readonly Incident[];
  readonly userTasks: readonly { taskKey: string; elementId: string; name?: string }[];
}

export interface HistoryEntry {
  readonly position: number;
  readonly type: string;
  readonly elementId?: string;
  readonly event: { readonly type: string; readonly flowId?: string; readonly message?: string };
  readonly at: string;
}

export interface UserTask {
  readonly taskKey: string;
  readonly instanceKey: string;
  readonly processId: string;
  readonly definitionKey: string;
  readonly elementId: string;
  readonly name?: string;
  readonly assignee?: string;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly dueDate?: string;
  readonly priority: number;
  readonly formId?: string;
  readonly state: 'open' | 'completed' | 'cancelled';
  readonly variables: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

export interface TaskForm {
  readonly formId: string;
  readonly schema: Record<string, unknown>;
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly elementId?: string;
  readonly message: string;
}

export interface User {
  readonly username: string;
  readonly displayName?: string;
  readonly groups: readonly string[];
  readonly grants: readonly RoleGrant[];
  readonly locked: boolean;
  readonly lastLoginAt?: string;
}

export interface Group {
  readonly groupId: string;
  readonly name: string;
  readonly grants: readonly RoleGrant[];
}

export interface ApiToken {
  readonly tokenId: string;
  readonly name: string;
  readonly owner: string;
  readonly grants: readonly RoleGrant[];
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

export const ROLES = ['admin', 'modeler', 'operator', 'worker', 'task-user', 'analyst', 'auditor'] as const;
