import type { EngineEventOfType, EngineEventType } from '@operon/engine';
import { incidentRaised, incidentResolved } from './incidents';
import { jobCreated, jobEnded, jobFailed, jobRetriesUpdated } from './jobs';
import { subscriptionEnded, subscriptionOpened } from './messages';
import type { ProjectionStep } from './projection-step';
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
  'element-activating': stateOnly,
  'element-activated': stateOnly,
  'element-completing': stateOnly,
  'element-completed': scopeEnded,
  'element-terminated': scopeEnded,
  'flow-taken': stateOnly,
  'join-tokens-discarded': stateOnly,
  'variables-set': variablesSet,
  'job-created': jobCreated,
  'job-completed': jobEnded,
  'job-failed': jobFailed,
  'job-retries-updated': jobRetriesUpdated,
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
