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
