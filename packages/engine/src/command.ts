import type { ErrorThrower, ParentReference, Variables } from './instance-state';

/** What can be asked of a process instance. */
export type Command =
  | {
      readonly type: 'create-instance';
      readonly instanceKey: string;
      readonly variables?: Variables;
      readonly businessKey?: string;
      /** For a child instance of a call activity: the call activity it reports back to. */
      readonly parent?: ParentReference;
      /** A timer, message, signal or conditional start event of the process that started it; default the none start event. */
      readonly startEventId?: string;
    }
  | { readonly type: 'complete-job'; readonly jobKey: number; readonly variables?: Variables }
  | {
      readonly type: 'fail-job';
      readonly jobKey: number;
      /** Retries left after this failure; 0 raises an incident. */
      readonly retries: number;
      readonly errorMessage: string;
      /** Wait this long before the job is handed out again. */
      readonly retryBackoffMs?: number;
    }
  | {
      /** A worker reports a BPMN error: a boundary event or event sub-process that catches its code takes over. */
      readonly type: 'throw-error';
      readonly jobKey: number;
      readonly errorCode: string;
      readonly errorMessage?: string;
      /** Set as local variables of the catching event, then propagated (or mapped by its outputs). */
      readonly variables?: Variables;
    }
  | { readonly type: 'complete-user-task'; readonly userTaskKey: number; readonly variables?: Variables }
  | {
      readonly type: 'cancel-instance';
      /** Set when a parent's call activity cancels its child: the parent is not told back. */
      readonly byParent?: boolean;
    }
  | {
      /** The child instance of a call activity completed with these (root) variables. */
      readonly type: 'complete-call-activity';
      readonly elementInstanceKey: number;
      readonly childInstanceKey: string;
      readonly variables?: Variables;
    }
  | {
      /** After a restart: the call activity asks again for the child it named (if it still waits for it). */
      readonly type: 'resume-call-activity';
      readonly elementInstanceKey: number;
      readonly childInstanceKey: string;
    }
  | {
      /** The child instance of a call activity could not be started, or was cancelled on its own. */
      readonly type: 'fail-call-activity';
      readonly elementInstanceKey: number;
      readonly childInstanceKey: string;
      readonly message: string;
    }
  | {
      /** The child instance of a call activity passed up a BPMN error it does not catch: the call activity throws it. */
      readonly type: 'throw-error-from-child';
      readonly elementInstanceKey: number;
      readonly childInstanceKey: string;
      readonly errorCode: string;
      readonly errorMessage?: string;
      readonly variables?: Variables;
      /** Where the error was first thrown: told back (`error-not-caught`) if nothing catches it. */
      readonly thrower: ErrorThrower;
    }
  | {
      /** An error this element passed up to the parent instances is caught nowhere: an incident here. */
      readonly type: 'error-not-caught';
      readonly elementInstanceKey: number;
      readonly errorCode: string;
    }
  | {
      readonly type: 'resolve-incident';
      readonly incidentKey: number;
      /** For a job incident: the retries to give the job again (default 1). */
      readonly retries?: number;
    }
  | { readonly type: 'trigger-timer'; readonly timerKey: number }
  | {
      readonly type: 'correlate-message';
      readonly subscriptionKey: number;
      readonly variables?: Variables;
    }
  | {
      /** A broadcast signal reached one of this instance's signal subscriptions. */
      readonly type: 'trigger-signal';
      readonly subscriptionKey: number;
      readonly variables?: Variables;
    }
  | {
      readonly type: 'set-variables';
      readonly variables: Variables;
      /** The element instance whose scope receives the variables; default the process. */
      readonly scopeKey?: number;
      /** Set in that scope only, instead of propagating to where each variable is defined. */
      readonly local?: boolean;
    };

export type CommandType = Command['type'];
export type CommandOfType<T extends CommandType> = Extract<Command, { type: T }>;
