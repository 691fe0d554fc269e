import type { DecisionAudit } from '@operon/dmn';
import type {
  CompensableActivity,
  ConditionWait,
  ErrorThrower,
  IncidentType,
  Job,
  MessageSubscription,
  ParentReference,
  SignalSubscription,
  Timer,
  UserTask,
  Variables,
} from './instance-state';

/**
 * What happened to a process instance. The history of an instance is its events;
 * folding `apply` over them rebuilds its state.
 */
export type EngineEvent =
  | {
      readonly type: 'instance-created';
      readonly instanceKey: string;
      readonly processId: string;
      readonly businessKey: string | undefined;
      readonly rootKey: number;
      /** For a child instance of a call activity. */
      readonly parent?: ParentReference;
    }
  | {
      /** A call activity asked for its child instance; `requestKey` is the local key its key is derived from. */
      readonly type: 'call-activity-started';
      readonly elementInstanceKey: number;
      readonly requestKey: number;
      readonly childInstanceKey: string;
      readonly processId: string;
    }
  | {
      readonly type: 'element-activating';
      readonly key: number;
      readonly elementId: string;
      readonly scopeKey: number | undefined;
      /** For a joining gateway: the incoming flows whose tokens it consumes. */
      readonly consumedFlowIds?: readonly string[];
    }
  | { readonly type: 'element-activated'; readonly key: number; readonly elementId: string }
  /** A multi-instance body fixed the items of its input collection: one iteration each. */
  | { readonly type: 'loop-started'; readonly key: number; readonly items: readonly unknown[] }
  | { readonly type: 'element-completing'; readonly key: number; readonly elementId: string }
  | { readonly type: 'element-completed'; readonly key: number; readonly elementId: string }
  | { readonly type: 'element-terminated'; readonly key: number; readonly elementId: string }
  | { readonly type: 'instance-terminated'; readonly reason: 'cancelled' }
  | { readonly type: 'flow-taken'; readonly flowId: string; readonly scopeKey: number; readonly joinAt?: string }
  | { readonly type: 'join-tokens-discarded'; readonly scopeKey: number }
  | {
      /**
       * A complex gateway fired before every token arrived: it absorbs later tokens (`resetting` true) until
       * none can arrive any more, when they are dropped (`resetting` false).
       */
      readonly type: 'join-reset';
      readonly scopeKey: number;
      readonly gatewayId: string;
      readonly resetting: boolean;
    }
  | {
      /** A business rule task evaluated a decision: what it saw, which rules matched, what it gave (for audit). */
      readonly type: 'decision-evaluated';
      readonly elementInstanceKey: number;
      readonly elementId: string;
      readonly decisionId: string;
      readonly decisions: readonly DecisionAudit[];
    }
  | { readonly type: 'variables-set'; readonly scopeKey: number; readonly variables: Variables }
  | { readonly type: 'job-created'; readonly job: Job }
  | { readonly type: 'job-completed'; readonly jobKey: number; readonly variables: Variables }
  | {
      readonly type: 'job-failed';
      readonly jobKey: number;
      readonly retries: number;
      readonly errorMessage: string;
      readonly retryBackoffMs: number;
    }
  | { readonly type: 'job-retries-updated'; readonly jobKey: number; readonly retries: number }
  | {
      /** A worker threw a BPMN error: the job stops (retries 0) until its element is left or the incident resolved. */
      readonly type: 'job-error-thrown';
      readonly jobKey: number;
      readonly errorCode: string;
      readonly errorMessage: string;
    }
  | { readonly type: 'job-cancelled'; readonly jobKey: number }
  | { readonly type: 'user-task-created'; readonly userTask: UserTask }
  | { readonly type: 'user-task-completed'; readonly userTaskKey: number; readonly variables: Variables }
  | { readonly type: 'user-task-cancelled'; readonly userTaskKey: number }
  | { readonly type: 'timer-scheduled'; readonly timer: Timer }
  | { readonly type: 'timer-triggered'; readonly timerKey: number }
  | { readonly type: 'timer-cancelled'; readonly timerKey: number }
  | { readonly type: 'subscription-opened'; readonly subscription: MessageSubscription }
  | {
      readonly type: 'message-correlated';
      readonly subscriptionKey: number;
      readonly messageName: string;
      readonly correlationKey: string;
      readonly variables: Variables;
    }
  | { readonly type: 'subscription-closed'; readonly subscriptionKey: number }
  | { readonly type: 'signal-subscription-opened'; readonly subscription: SignalSubscription }
  | {
      readonly type: 'signal-received';
      readonly subscriptionKey: number;
      readonly signalName: string;
      readonly variables: Variables;
    }
  | { readonly type: 'signal-subscription-closed'; readonly subscriptionKey: number }
  | { readonly type: 'condition-wait-opened'; readonly wait: ConditionWait }
  /** A conditional event's condition changed value; a change to true triggers it (`condition-triggered`). */
  | { readonly type: 'condition-evaluated'; readonly waitKey: number; readonly satisfied: boolean }
  | { readonly type: 'condition-triggered'; readonly waitKey: number; readonly variables: Variables }
  | { readonly type: 'condition-wait-closed'; readonly waitKey: number }
  /** A completed activity that can be compensated later (it has a handler, or holds such activities). */
  | { readonly type: 'compensation-recorded'; readonly activity: CompensableActivity }
  | {
      /**
       * A compensation throw event (or cancel end event) compensates `activityKeys`, in this order: completed
       * activities with a handler, reached through the sub-processes and multi-instance bodies in `expandedKeys`.
       */
      readonly type: 'compensation-started';
      readonly key: number;
      readonly elementId: string;
      readonly activityKeys: readonly number[];
      readonly expandedKeys: readonly number[];
    }
  | {
      /** The handler of one compensated activity started (inside the thrower); the activity is compensated. */
      readonly type: 'compensation-handler-started';
      readonly throwerKey: number;
      readonly activityKey: number;
      readonly elementId: string;
      readonly handlerKey: number;
      readonly handlerId: string;
      /** For a compensation event sub-process: the completed sub-process whose inner activities it may compensate. */
      readonly compensatedScopeKey?: number;
    }
  /** Every handler of the thrower's compensation has finished. */
  | { readonly type: 'compensation-completed'; readonly key: number; readonly elementId: string }
  /**
   * Nothing in this instance catches the error thrown by (or, for a call activity, passed up to) this element: it
   * goes to the parent instance's call activity (effect `propagate-error`); the element waits.
   */
  | {
      readonly type: 'error-propagated';
      readonly elementInstanceKey: number;
      readonly errorCode: string;
      readonly errorMessage: string;
      readonly jobKey: number | undefined;
      /** The error's variables and where it was first thrown: kept so that a restart can send the error again. */
      readonly variables: Variables;
      readonly thrower: ErrorThrower;
    }
  /** An error passed up from the child of this call activity is caught nowhere: it goes back to its thrower. */
  | {
      readonly type: 'child-error-uncaught';
      readonly elementInstanceKey: number;
      readonly childInstanceKey: string;
      readonly errorCode: string;
    }
  | {
      readonly type: 'incident-raised';
      readonly incidentKey: number;
      readonly elementInstanceKey: number;
      readonly elementId: string;
      readonly incidentType: IncidentType;
      readonly message: string;
      readonly jobKey: number | undefined;
    }
  | { readonly type: 'incident-resolved'; readonly incidentKey: number };

export type EngineEventType = EngineEvent['type'];
export type EngineEventOfType<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;
