/** The shapes of the API's requests and answers that the client uses (see /openapi.json). */

export type Variables = Readonly<Record<string, unknown>>;

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface Deployment {
  readonly deploymentKey: string;
  readonly name: string;
  readonly definitions: readonly {
    readonly definitionKey: string;
    readonly processId: string;
    readonly version: number;
  }[];
}

export interface StartedInstance {
  readonly instanceKey: string;
  readonly definitionKey: string;
  readonly processId: string;
  readonly version: number;
  readonly status: InstanceStatus;
}

export type InstanceStatus = 'active' | 'completed' | 'terminated';

export interface InstanceSummary {
  readonly instanceKey: string;
  /** processId:version of the definition it runs. */
  readonly definitionKey: string;
  readonly processId: string;
  readonly version: number;
  readonly businessKey?: string;
  readonly status: InstanceStatus;
  readonly openIncidents: number;
  readonly startedAt: string;
  readonly endedAt?: string;
}

export interface InstanceDetails extends InstanceSummary {
  readonly activeElements: readonly { readonly elementId: string; readonly elementInstanceKey: number }[];
  readonly variables: Variables;
}

export interface ActivatedJob {
  readonly jobKey: string;
  readonly type: string;
  readonly instanceKey: string;
  readonly processId: string;
  readonly elementId: string;
  readonly retries: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly variables: Variables;
  /** The lease ends here (milliseconds since the epoch). */
  readonly deadline: number;
}

export interface UserTask {
  readonly taskKey: string;
  readonly instanceKey: string;
  readonly processId: string;
  readonly elementId: string;
  readonly name?: string;
  readonly assignee?: string;
  readonly candidateGroups: readonly string[];
  readonly priority: number;
  readonly dueDate?: string;
  readonly state: 'open' | 'completed' | 'cancelled';
  readonly variables: Variables;
}

export interface Incident {
  readonly incidentKey: string;
  readonly instanceKey: string;
  readonly elementId: string;
  readonly type: string;
  readonly message: string;
  readonly state: 'open' | 'resolved';
}

export interface PublishedMessage {
  readonly messageKey: string;
  readonly correlatedInstances: readonly string[];
  readonly buffered: boolean;
}

export interface Outcome {
  readonly instanceKey: string;
  readonly status: InstanceStatus;
}

/** An instance a conditional start event started (POST /api/v1/conditions/evaluate). */
export interface ConditionalStart extends StartedInstance {
  readonly startEventId: string;
}

export interface ConditionEvaluation {
  readonly startedInstances: readonly ConditionalStart[];
}

export interface BroadcastSignal {
  readonly signalName: string;
  readonly triggeredInstances: readonly string[];
}

/** A role, optionally narrowed to one process definition (`processId` '*' means all). */
export interface RoleGrant {
  readonly role: string;
  readonly processId?: string;
}

export interface User {
  readonly username: string;
  readonly displayName?: string;
  readonly groups: readonly string[];
  readonly grants: readonly RoleGrant[];
  readonly locked: boolean;
  readonly createdAt?: string;
  readonly lastLoginAt?: string;
}

export interface ApiToken {
  readonly tokenId: string;
  readonly name: string;
  readonly owner: string;
  readonly grants: readonly RoleGrant[];
  readonly createdAt?: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** An issued token: `token` (opr.<id>.<secret>) is shown only in this answer. */
export interface IssuedToken extends ApiToken {
  readonly token: string;
}

export interface Session {
  readonly username: string;
  /** Echo it as X-CSRF-Token on requests that change something. */
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface Me {
  readonly username: string;
  readonly via: 'user' | 'token';
  readonly groups: readonly string[];
  readonly grants: readonly RoleGrant[];
  readonly tokenId?: string;
}
