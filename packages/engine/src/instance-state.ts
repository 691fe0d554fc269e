import type { CronExpression } from './timers/cron-expression';
import type { IsoDuration } from './timers/iso-duration';

/**
 * The state of one process instance. Plain, serialisable data: the runtime stores it as JSON.
 * Only appliers (apply.ts) produce new states.
 */

export const InstanceStatus = {
  active: 'active',
  completed: 'completed',
  /** Cancelled by a command. (A terminate end event completes the instance, as in Camunda 8.) */
  terminated: 'terminated',
} as const;
export type InstanceStatus = (typeof InstanceStatus)[keyof typeof InstanceStatus];

/**
 * Where an element instance is in its lifecycle. An incident stops an element in
 * `activating` or `completing`; resolving the incident retries that phase.
 */
export type ElementPhase = 'activating' | 'active' | 'completing';

export interface ElementInstance {
  /** Unique within the process instance. */
  readonly key: number;
  readonly elementId: string;
  /** The enclosing element instance (the process or a sub-process); undefined for the process itself. */
  readonly scopeKey: number | undefined;
  readonly phase: ElementPhase;
  readonly jobKey: number | undefined;
  readonly userTaskKey: number | undefined;
  readonly incidentKey: number | undefined;
  /** A multi-instance body: the items of its input collection (one iteration each), fixed when it started. */
  readonly loopItems?: readonly unknown[];
  /** A call activity: the key of the child instance it started. */
  readonly calledInstanceKey?: string;
  /**
   * A compensation throw event (or cancel end event) at work: the compensable activities whose handlers are still
   * to run, in order; its handlers run inside it, one at a time (behaviours/compensation.ts).
   */
  readonly compensationQueue?: readonly number[];
  /** A compensation event sub-process at work: the completed sub-process instance whose activities it may compensate. */
  readonly compensatedScopeKey?: number;
  /**
   * A BPMN error this element threw (or, for a call activity, its child passed up) went to the parent instance,
   * as nothing here catches it; cleared by the incident raised if nothing up there catches it either.
   */
  readonly propagatedError?: PropagatedError | undefined;
}

export interface PropagatedError {
  readonly code: string;
  readonly message: string;
  /** A worker's error: the job, to hand out again when the incident is resolved. */
  readonly jobKey: number | undefined;
  /**
   * The error's variables and its first thrower, so that the runtime's start-up repair can pass the error up
   * again when a crash cut it off; absent in states stored before they were kept.
   */
  readonly variables?: Variables | undefined;
  readonly thrower?: ErrorThrower | undefined;
}

export interface Job {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly type: string;
  readonly retries: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly errorMessage: string | undefined;
}

export interface UserTask {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly name: string | undefined;
  readonly assignee: string | undefined;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly dueDate: string | undefined;
  readonly followUpDate: string | undefined;
  /** 0..100, higher is more urgent; Camunda 8's default is 50. */
  readonly priority: number;
  readonly formId: string | undefined;
  readonly formKey: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * How a cycle steps from one firing to the next: the interval as written (P1M has no fixed length), or
 * the cron expression. Plain JSON, stored with the timer, so a repeating boundary timer can reschedule.
 */
export type TimerCycle =
  | { readonly kind: 'repeat'; readonly interval: IsoDuration }
  | { readonly kind: 'cron'; readonly cron: CronExpression };

/**
 * A durable timer of a waiting element. `elementInstanceKey` is the element instance that holds it (a
 * timer catch event; the activity of a boundary event; the scope of an event sub-process), `elementId`
 * the event it triggers.
 */
export interface Timer {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  /** When it fires, in milliseconds since the epoch. */
  readonly dueAt: number;
  /** For a cycle: how many more times it fires after this one (undefined: for ever). */
  readonly repetitionsLeft: number | undefined;
  /** For a cycle: the interval to the next firing. */
  readonly intervalMs: number | undefined;
  /** For a cycle: how to compute the next firing; undefined for a one-off timer. */
  readonly cycle?: TimerCycle;
}

/**
 * A waiting element's interest in a message: its name and correlation key. Held, like a timer, by the
 * element instance that waits; `elementId` is the event it triggers.
 */
export interface MessageSubscription {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly messageName: string;
  readonly correlationKey: string;
}

/** A waiting element's interest in a signal, by name: every broadcast of that name triggers it. */
export interface SignalSubscription {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly signalName: string;
}

/**
 * A completed activity that can still be compensated (BPMN 2.0.2 §10.5.5): it has a compensation handler, or
 * is a sub-process (or multi-instance body) with such activities inside, recorded under it by `scopeKey`.
 * Recorded in completion order (`key`); dropped when compensated, or when its scope ends without a record.
 */
export interface CompensableActivity {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  /** The flow scope it completed in: a live element instance, or a completed sub-process's instance. */
  readonly scopeKey: number;
  /** A multi-instance body: compensated through its iterations, recorded under it. */
  readonly loopBody?: true;
  /** Its local variables when it completed (e.g. `loopCounter` and the input element), given to its handler. */
  readonly variables?: Variables;
}

/**
 * A waiting element's conditional event: triggered when its condition becomes true (evaluated after every
 * command that changed variables). `satisfied` is the last value seen, so that only a change to true triggers.
 */
export interface ConditionWait {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly condition: string;
  readonly satisfied: boolean;
}

export const IncidentType = {
  /** A FEEL expression failed or returned a value of the wrong type. */
  expression: 'EXPRESSION_ERROR',
  /** No outgoing sequence flow could be taken. */
  noOutgoingFlow: 'NO_OUTGOING_FLOW',
  /** A called DMN decision is missing or failed to evaluate. */
  decision: 'DECISION_EVALUATION_ERROR',
  /** A job failed and has no retries left. */
  jobNoRetries: 'JOB_NO_RETRIES',
  /** A BPMN error (from a job worker or an error end event) that no boundary or event sub-process catches. */
  unhandledError: 'UNHANDLED_ERROR_EVENT',
  /** A call activity could not start its child instance (no such process deployed), or the child was cancelled. */
  calledElement: 'CALLED_ELEMENT_ERROR',
} as const;
export type IncidentType = (typeof IncidentType)[keyof typeof IncidentType];

export interface Incident {
  readonly key: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly type: IncidentType;
  readonly message: string;
  readonly jobKey: number | undefined;
}

export type Variables = Readonly<Record<string, unknown>>;

/** The call activity that started a child instance, which reports back to it when it ends. */
export interface ParentReference {
  readonly instanceKey: string;
  readonly elementInstanceKey: number;
  readonly elementId: string;
}

/** Where a BPMN error passed up to parent instances was thrown: the element that gets the incident if none catches it. */
export interface ErrorThrower {
  readonly instanceKey: string;
  readonly elementInstanceKey: number;
}

export interface InstanceState {
  readonly instanceKey: string;
  /** For a child instance of a call activity: that call activity. */
  readonly parent?: ParentReference;
  readonly processId: string;
  readonly businessKey: string | undefined;
  readonly status: InstanceStatus;
  /** The element instance key of the process itself: the root variable scope. */
  readonly rootKey: number;
  /** The next free element/job/task/incident key. */
  readonly nextKey: number;
  /** Element instances that have not ended. */
  readonly elements: Readonly<Record<number, ElementInstance>>;
  /** Variables by scope (element instance key). */
  readonly variables: Readonly<Record<number, Variables>>;
  readonly jobs: Readonly<Record<number, Job>>;
  readonly userTasks: Readonly<Record<number, UserTask>>;
  readonly incidents: Readonly<Record<number, Incident>>;
  readonly timers: Readonly<Record<number, Timer>>;
  readonly subscriptions: Readonly<Record<number, MessageSubscription>>;
  /** Absent in states stored before signals existed; read it as empty. */
  readonly signalSubscriptions?: Readonly<Record<number, SignalSubscription>>;
  /** Absent in states stored before conditional events existed; read it as empty. */
  readonly conditionWaits?: Readonly<Record<number, ConditionWait>>;
  /** Completed activities that can be compensated; absent in states stored before compensation existed: empty. */
  readonly compensable?: Readonly<Record<number, CompensableActivity>>;
  /** Tokens waiting at joining gateways: scope key → gateway id → incoming flow id → count. */
  readonly joins: Readonly<Record<number, Readonly<Record<string, Readonly<Record<string, number>>>>>>;
}
