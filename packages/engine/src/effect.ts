import type {
  ErrorThrower,
  InstanceStatus,
  Job,
  MessageSubscription,
  ParentReference,
  SignalSubscription,
  Timer,
  UserTask,
  Variables,
} from './instance-state';

/**
 * Work the runtime must do after the events are stored: hand out jobs, open or close
 * task inbox entries, report an ended instance. Effects are data; the engine does no I/O.
 */
export type Effect =
  | {
      readonly type: 'activate-job';
      readonly job: Job;
      /** The variables visible to the job's element, as a worker receives them. */
      readonly variables: Variables;
      /** Do not hand the job out before this many milliseconds have passed (retry backoff). */
      readonly backoffMs: number;
    }
  | { readonly type: 'cancel-job'; readonly jobKey: number }
  | { readonly type: 'open-user-task'; readonly userTask: UserTask; readonly variables: Variables }
  | { readonly type: 'close-user-task'; readonly userTaskKey: number }
  | { readonly type: 'schedule-timer'; readonly timer: Timer }
  | { readonly type: 'cancel-timer'; readonly timerKey: number }
  | { readonly type: 'open-subscription'; readonly subscription: MessageSubscription }
  | { readonly type: 'close-subscription'; readonly subscriptionKey: number }
  | { readonly type: 'open-signal-subscription'; readonly subscription: SignalSubscription }
  | { readonly type: 'close-signal-subscription'; readonly subscriptionKey: number }
  /**
   * A signal was thrown: the runtime delivers it to every other waiting instance and starts the processes with a
   * signal start event of its name. The throwing instance (`excludeInstanceKey`) already received it in the
   * command that threw it, at the subscriptions open right after the throw (behaviours/signal-throw.ts).
   */
  | {
      readonly type: 'broadcast-signal';
      readonly signalName: string;
      readonly variables: Variables;
      readonly excludeInstanceKey: string;
    }
  | { readonly type: 'instance-ended'; readonly status: InstanceStatus }
  /** A call activity needs its child: create the instance (idempotent: the key is deterministic). */
  | {
      readonly type: 'create-child-instance';
      readonly childInstanceKey: string;
      readonly processId: string;
      readonly variables: Variables;
      readonly parent: ParentReference;
    }
  /** The call activity ended early: cancel its child (`cancel-instance` with `byParent`). */
  | { readonly type: 'cancel-child-instance'; readonly childInstanceKey: string }
  /** A child instance completed: its call activity goes on with these variables (`complete-call-activity`). */
  | { readonly type: 'complete-call-activity'; readonly parent: ParentReference; readonly variables: Variables }
  /** A child instance was cancelled on its own: an incident on its call activity (`fail-call-activity`). */
  | { readonly type: 'fail-call-activity'; readonly parent: ParentReference; readonly message: string }
  /**
   * A BPMN error that nothing in this instance catches: the parent's call activity throws it on
   * (`throw-error-from-child`). `thrower` is where it was first thrown, in this instance or a descendant.
   */
  | {
      readonly type: 'propagate-error';
      readonly parent: ParentReference;
      readonly error: { readonly code: string; readonly message: string; readonly variables: Variables };
      readonly thrower: ErrorThrower;
    }
  /** A propagated error reached the top uncaught: its thrower raises the incident (`error-not-caught`). */
  | { readonly type: 'error-not-caught'; readonly thrower: ErrorThrower; readonly errorCode: string };
