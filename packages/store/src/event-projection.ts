import type { EngineEventOfType, EngineEventType } from '@operon/engine';
import { incidentRaised, incidentResolved } from './incidents';
import { jobCreated, jobEnded, jobFailed, jobRetriesUpdated } from './jobs';
import { subscriptionEnded, subscriptionOpened } from './messages';
import type { ProjectionStep } from './projection-step';
import { signalSubscriptionEnded, signalSubscriptionOpened } from './signals';
import { timerEnded, timerScheduled } from './timers';
import { userTaskCreated, userTaskEnded } from './user-tasks';
import { dropEndedScopes, scopeEnded, variablesSet } from './variables';

type Projector<K extends EngineEventType> = (step: ProjectionStep, event: EngineEventOfType<K>) => Promise<void>;

/** Events that change no row besides the instance's state and history. */
const stateOnly = (): Promise<void> => Promise.resolve();

/**
 * What each event does to the query rows: one entry per event type, so a new event type does
 * not compile until someone decides which rows it touches.
 */
const projectors: { readonly [K in EngineEventType]: Projector<K> } = {
  'instance-created': stateOnly,
  'instance-terminated': stateOnly,
  'decision-evaluated': stateOnly,
  'element-activating': stateOnly,
  'element-activated': stateOnly,
  'loop-started': stateOnly,
  'call-activity-started': stateOnly,
  'element-completing': stateOnly,
  'element-completed': scopeEnded,
  'element-terminated': scopeEnded,
  'flow-taken': stateOnly,
  'join-tokens-discarded': stateOnly,
  'join-reset': stateOnly,
  'variables-set': variablesSet,
  'job-created': jobCreated,
  'job-completed': jobEnded,
  'job-failed': jobFailed,
  'job-retries-updated': jobRetriesUpdated,
  // like a failure without retries: the row stays, not handed out, until the element leaves or an incident resolves
  'job-error-thrown': (step, event) =>
    jobFailed(step, {
      type: 'job-failed',
      jobKey: event.jobKey,
      retries: 0,
      errorMessage: event.errorMessage || event.errorCode,
      retryBackoffMs: 0,
    }),
  'job-cancelled': jobEnded,
  'user-task-created': userTaskCreated,
  'user-task-completed': (step, event) => userTaskEnded(step, event.userTaskKey, 'completed'),
  'user-task-cancelled': (step, event) => userTaskEnded(step, event.userTaskKey, 'cancelled'),
  'timer-scheduled': timerScheduled,
  'timer-triggered': timerEnded,
  'timer-cancelled': timerEnded,
  'subscription-opened': subscriptionOpened,
  'message-correlated': subscriptionEnded,
  'subscription-closed': subscriptionEnded,
  'signal-subscription-opened': signalSubscriptionOpened,
  'signal-received': signalSubscriptionEnded,
  'signal-subscription-closed': signalSubscriptionEnded,
  // conditional events live in the instance state only: the engine evaluates them after each command
  'condition-wait-opened': stateOnly,
  'condition-evaluated': stateOnly,
  'condition-triggered': stateOnly,
  'condition-wait-closed': stateOnly,
  // compensation lives in the instance state only: its handlers are ordinary elements, projected as such
  'compensation-recorded': stateOnly,
  'compensation-started': stateOnly,
  'compensation-handler-started': stateOnly,
  'compensation-completed': stateOnly,
  // an error passed between parent and child instances: the incident, if any, is projected when raised
  'error-propagated': stateOnly,
  'child-error-uncaught': stateOnly,
  'incident-raised': incidentRaised,
  'incident-resolved': incidentResolved,
};

/** Applies a step's events, in order, to the jobs, tasks, incidents, variables, timers and subscriptions. */
export async function project(step: ProjectionStep): Promise<void> {
  for (const event of step.write.events) {
    await (projectors[event.type] as Projector<EngineEventType>)(step, event);
  }
  await dropEndedScopes(step);
}
