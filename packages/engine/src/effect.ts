import type {
  InstanceStatus,
  Job,
  MessageSubscription,
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
  /** A signal was thrown: the runtime delivers it to every waiting instance (this one included). */
  | { readonly type: 'broadcast-signal'; readonly signalName: string; readonly variables: Variables }
  | { readonly type: 'instance-ended'; readonly status: InstanceStatus };
