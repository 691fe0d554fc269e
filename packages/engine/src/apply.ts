import type { EngineEvent, EngineEventOfType, EngineEventType } from './engine-event';
import type { ElementInstance, InstanceState } from './instance-state';
import { draftOf, emptyDraft, type StateDraft } from './state-draft';
import {
  compensationCompleted,
  compensationHandlerStarted,
  compensationStarted,
  dropCompensationsOf,
} from './compensation-records';

/** Marks a complex gateway in its reset among the tokens of a join ('#' cannot start a BPMN id). */
export const RESETTING = '#resetting';

type Applier<T extends EngineEventType> = (draft: StateDraft, event: EngineEventOfType<T>) => void;

function reserveKey(draft: StateDraft, key: number): void {
  if (key >= draft.nextKey) draft.nextKey = key + 1;
}

function updateElement(draft: StateDraft, key: number, change: Partial<ElementInstance>): void {
  const element = draft.elements[key];
  if (element) draft.elements[key] = { ...element, ...change };
}

function removeElement(draft: StateDraft, key: number): void {
  const element = draft.elements[key];
  if (element) dropCompensationsOf(draft, element);
  delete draft.elements[key];
  if (key !== draft.rootKey) delete draft.variables[key];
  delete draft.joins[key];
}

/** The one place where state changes: one applier per event type (a new event type does not compile until handled). */
const appliers: { readonly [K in EngineEventType]: Applier<K> } = {
  'instance-created': (draft, event) => {
    draft.instanceKey = event.instanceKey;
    draft.processId = event.processId;
    draft.businessKey = event.businessKey;
    draft.rootKey = event.rootKey;
    if (event.parent) draft.parent = event.parent;
    draft.status = 'active';
    reserveKey(draft, event.rootKey);
  },
  'element-activating': (draft, event) => {
    reserveKey(draft, event.key);
    draft.elements[event.key] = {
      key: event.key,
      elementId: event.elementId,
      scopeKey: event.scopeKey,
      phase: 'activating',
      jobKey: undefined,
      userTaskKey: undefined,
      incidentKey: undefined,
    };
    if (event.consumedFlowIds && event.scopeKey !== undefined) {
      const scopeJoins = { ...draft.joins[event.scopeKey] };
      const arrived = { ...scopeJoins[event.elementId] };
      for (const flowId of event.consumedFlowIds) {
        const left = (arrived[flowId] ?? 0) - 1;
        if (left > 0) arrived[flowId] = left;
        else delete arrived[flowId];
      }
      if (Object.keys(arrived).length > 0) scopeJoins[event.elementId] = arrived;
      else delete scopeJoins[event.elementId];
      if (Object.keys(scopeJoins).length > 0) draft.joins[event.scopeKey] = scopeJoins;
      else delete draft.joins[event.scopeKey];
    }
  },
  'element-activated': (draft, event) => updateElement(draft, event.key, { phase: 'active' }),
  'call-activity-started': (draft, event) => {
    reserveKey(draft, event.requestKey);
    updateElement(draft, event.elementInstanceKey, { calledInstanceKey: event.childInstanceKey });
  },
  'loop-started': (draft, event) => updateElement(draft, event.key, { loopItems: event.items }),
  'element-completing': (draft, event) => updateElement(draft, event.key, { phase: 'completing' }),
  'element-completed': (draft, event) => {
    removeElement(draft, event.key);
    if (event.key === draft.rootKey && draft.status === 'active') draft.status = 'completed';
  },
  'element-terminated': (draft, event) => removeElement(draft, event.key),
  'instance-terminated': (draft) => {
    draft.status = 'terminated';
  },
  'flow-taken': (draft, event) => {
    if (event.joinAt === undefined) return;
    const scopeJoins = { ...draft.joins[event.scopeKey] };
    const arrived = { ...scopeJoins[event.joinAt] };
    arrived[event.flowId] = (arrived[event.flowId] ?? 0) + 1;
    scopeJoins[event.joinAt] = arrived;
    draft.joins[event.scopeKey] = scopeJoins;
  },
  'join-tokens-discarded': (draft, event) => {
    delete draft.joins[event.scopeKey];
  },
  'join-reset': (draft, event) => {
    const scopeJoins = { ...draft.joins[event.scopeKey] };
    if (event.resetting) scopeJoins[event.gatewayId] = { ...scopeJoins[event.gatewayId], [RESETTING]: 1 };
    else delete scopeJoins[event.gatewayId];
    if (Object.keys(scopeJoins).length > 0) draft.joins[event.scopeKey] = scopeJoins;
    else delete draft.joins[event.scopeKey];
  },
  // history only: the decision's result reaches the state through the task's completion variables
  'decision-evaluated': () => undefined,
  'variables-set': (draft, event) => {
    draft.variables[event.scopeKey] = { ...draft.variables[event.scopeKey], ...event.variables };
  },
  'job-created': (draft, event) => {
    reserveKey(draft, event.job.key);
    draft.jobs[event.job.key] = event.job;
    updateElement(draft, event.job.elementInstanceKey, { jobKey: event.job.key });
  },
  'job-completed': (draft, event) => {
    const job = draft.jobs[event.jobKey];
    delete draft.jobs[event.jobKey];
    if (job) updateElement(draft, job.elementInstanceKey, { jobKey: undefined });
  },
  'job-failed': (draft, event) => {
    const job = draft.jobs[event.jobKey];
    if (job) draft.jobs[event.jobKey] = { ...job, retries: event.retries, errorMessage: event.errorMessage };
  },
  'job-retries-updated': (draft, event) => {
    const job = draft.jobs[event.jobKey];
    if (job) draft.jobs[event.jobKey] = { ...job, retries: event.retries };
  },
  'job-error-thrown': (draft, event) => {
    const job = draft.jobs[event.jobKey];
    if (job) draft.jobs[event.jobKey] = { ...job, retries: 0, errorMessage: event.errorMessage || event.errorCode };
  },
  'job-cancelled': (draft, event) => {
    delete draft.jobs[event.jobKey];
  },
  'user-task-created': (draft, event) => {
    reserveKey(draft, event.userTask.key);
    draft.userTasks[event.userTask.key] = event.userTask;
    updateElement(draft, event.userTask.elementInstanceKey, { userTaskKey: event.userTask.key });
  },
  'user-task-completed': (draft, event) => {
    delete draft.userTasks[event.userTaskKey];
  },
  'user-task-cancelled': (draft, event) => {
    delete draft.userTasks[event.userTaskKey];
  },
  'timer-scheduled': (draft, event) => {
    reserveKey(draft, event.timer.key);
    draft.timers[event.timer.key] = event.timer;
  },
  'timer-triggered': (draft, event) => {
    delete draft.timers[event.timerKey];
  },
  'timer-cancelled': (draft, event) => {
    delete draft.timers[event.timerKey];
  },
  'subscription-opened': (draft, event) => {
    reserveKey(draft, event.subscription.key);
    draft.subscriptions[event.subscription.key] = event.subscription;
  },
  'message-correlated': (draft, event) => {
    delete draft.subscriptions[event.subscriptionKey];
  },
  'subscription-closed': (draft, event) => {
    delete draft.subscriptions[event.subscriptionKey];
  },
  'signal-subscription-opened': (draft, event) => {
    reserveKey(draft, event.subscription.key);
    draft.signalSubscriptions[event.subscription.key] = event.subscription;
  },
  'signal-received': (draft, event) => {
    delete draft.signalSubscriptions[event.subscriptionKey];
  },
  'signal-subscription-closed': (draft, event) => {
    delete draft.signalSubscriptions[event.subscriptionKey];
  },
  'condition-wait-opened': (draft, event) => {
    reserveKey(draft, event.wait.key);
    draft.conditionWaits[event.wait.key] = event.wait;
  },
  'condition-evaluated': (draft, event) => {
    const wait = draft.conditionWaits[event.waitKey];
    if (wait) draft.conditionWaits[event.waitKey] = { ...wait, satisfied: event.satisfied };
  },
  'condition-triggered': (draft, event) => {
    delete draft.conditionWaits[event.waitKey];
  },
  'condition-wait-closed': (draft, event) => {
    delete draft.conditionWaits[event.waitKey];
  },
  'compensation-recorded': (draft, event) => {
    reserveKey(draft, event.activity.key);
    draft.compensable[event.activity.key] = event.activity;
  },
  'compensation-started': compensationStarted,
  'compensation-handler-started': compensationHandlerStarted,
  'compensation-completed': compensationCompleted,
  'incident-raised': (draft, event) => {
    reserveKey(draft, event.incidentKey);
    draft.incidents[event.incidentKey] = {
      key: event.incidentKey,
      elementInstanceKey: event.elementInstanceKey,
      elementId: event.elementId,
      type: event.incidentType,
      message: event.message,
      jobKey: event.jobKey,
    };
    updateElement(draft, event.elementInstanceKey, { incidentKey: event.incidentKey, propagatedError: undefined });
  },
  'error-propagated': (draft, event) =>
    updateElement(draft, event.elementInstanceKey, {
      propagatedError: {
        code: event.errorCode,
        message: event.errorMessage,
        jobKey: event.jobKey,
        variables: event.variables,
        thrower: event.thrower,
      },
    }),
  // history only: the thrower's instance raises the incident when told (`error-not-caught`)
  'child-error-uncaught': () => undefined,
  'incident-resolved': (draft, event) => {
    const incident = draft.incidents[event.incidentKey];
    delete draft.incidents[event.incidentKey];
    if (incident) updateElement(draft, incident.elementInstanceKey, { incidentKey: undefined });
  },
};

/** Applies one event to a draft in place. Used by `process`, which works on one draft per command. */
export function applyToDraft(draft: StateDraft, event: EngineEvent): void {
  (appliers[event.type] as Applier<EngineEventType>)(draft, event);
}

/** `apply(state, event) → state`: the new state after an event; `state` is not changed. */
export function apply(state: InstanceState | undefined, event: EngineEvent): InstanceState {
  const draft = state ? draftOf(state) : emptyDraft();
  applyToDraft(draft, event);
  return draft;
}

/** Rebuilds a state from its history. */
export function replay(events: Iterable<EngineEvent>): InstanceState | undefined {
  let draft: StateDraft | undefined;
  for (const event of events) {
    draft ??= emptyDraft();
    applyToDraft(draft, event);
  }
  return draft;
}
