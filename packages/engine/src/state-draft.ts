import type {
  CompensableActivity,
  ConditionWait,
  ElementInstance,
  Incident,
  InstanceState,
  Job,
  MessageSubscription,
  SignalSubscription,
  Timer,
  UserTask,
  Variables,
} from './instance-state';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A working copy of an instance state that appliers may change in place.
 * Its top-level records are fresh copies, so the state it was made from is never touched;
 * the records' values (element instances, jobs, …) are replaced, never mutated.
 */
export interface StateDraft extends Mutable<
  Omit<
    InstanceState,
    | 'elements'
    | 'variables'
    | 'jobs'
    | 'userTasks'
    | 'incidents'
    | 'timers'
    | 'subscriptions'
    | 'signalSubscriptions'
    | 'conditionWaits'
    | 'compensable'
    | 'joins'
  >
> {
  elements: Record<number, ElementInstance>;
  variables: Record<number, Variables>;
  jobs: Record<number, Job>;
  userTasks: Record<number, UserTask>;
  incidents: Record<number, Incident>;
  timers: Record<number, Timer>;
  subscriptions: Record<number, MessageSubscription>;
  signalSubscriptions: Record<number, SignalSubscription>;
  conditionWaits: Record<number, ConditionWait>;
  compensable: Record<number, CompensableActivity>;
  joins: Record<number, Record<string, Record<string, number>>>;
}

export function draftOf(state: InstanceState): StateDraft {
  return {
    ...state,
    elements: { ...state.elements },
    variables: { ...state.variables },
    jobs: { ...state.jobs },
    userTasks: { ...state.userTasks },
    incidents: { ...state.incidents },
    timers: { ...state.timers },
    subscriptions: { ...state.subscriptions },
    signalSubscriptions: { ...state.signalSubscriptions },
    conditionWaits: { ...state.conditionWaits },
    compensable: { ...state.compensable },
    joins: { ...state.joins },
  };
}

/** The state before `instance-created`: nothing exists yet. */
export function emptyDraft(): StateDraft {
  return {
    instanceKey: '',
    processId: '',
    businessKey: undefined,
    status: 'active',
    rootKey: 0,
    nextKey: 1,
    elements: {},
    variables: {},
    jobs: {},
    userTasks: {},
    incidents: {},
    timers: {},
    subscriptions: {},
    signalSubscriptions: {},
    conditionWaits: {},
    compensable: {},
    joins: {},
  };
}
