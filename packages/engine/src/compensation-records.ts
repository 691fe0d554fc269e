import type { EngineEventOfType } from './engine-event';
import type { ElementInstance } from './instance-state';
import type { StateDraft } from './state-draft';

/**
 * The appliers' side of compensation (behaviours/compensation.ts is the processors' side): compensable
 * activities are recorded, consumed when their handler starts, and dropped with a scope that ends without a
 * record of its own, so that the state holds only what a later compensation can still reach.
 */

/** Deletes the records made in a scope, and the ones under them. */
function dropScope(draft: StateDraft, scopeKey: number): void {
  for (const activity of Object.values(draft.compensable)) {
    if (activity.scopeKey !== scopeKey) continue;
    delete draft.compensable[activity.key];
    dropScope(draft, activity.elementInstanceKey);
  }
}

function dropActivity(draft: StateDraft, key: number): void {
  const activity = draft.compensable[key];
  if (!activity) return;
  delete draft.compensable[key];
  dropScope(draft, activity.elementInstanceKey);
}

function isEmpty(record: Readonly<Record<number, unknown>>): boolean {
  for (const _ in record) return false;
  return true;
}

/**
 * An element instance ended: what was recorded inside it stays only if it was recorded itself (a completed
 * sub-process that can be compensated); a thrower's unfinished queue and a compensation event sub-process's
 * completed sub-process are forgotten with it.
 */
export function dropCompensationsOf(draft: StateDraft, element: ElementInstance): void {
  if (isEmpty(draft.compensable)) return;
  const recorded = Object.values(draft.compensable).some((activity) => activity.elementInstanceKey === element.key);
  if (!recorded) dropScope(draft, element.key);
  if (element.compensatedScopeKey !== undefined) dropScope(draft, element.compensatedScopeKey);
  for (const key of element.compensationQueue ?? []) dropActivity(draft, key);
}

function withoutQueue(element: ElementInstance): ElementInstance {
  const { compensationQueue: _finished, ...rest } = element;
  return rest;
}

export function compensationStarted(draft: StateDraft, event: EngineEventOfType<'compensation-started'>): void {
  for (const key of event.expandedKeys) delete draft.compensable[key];
  const thrower = draft.elements[event.key];
  if (thrower) draft.elements[event.key] = { ...thrower, compensationQueue: event.activityKeys };
}

export function compensationHandlerStarted(
  draft: StateDraft,
  event: EngineEventOfType<'compensation-handler-started'>,
): void {
  const thrower = draft.elements[event.throwerKey];
  if (thrower?.compensationQueue) {
    const compensationQueue = thrower.compensationQueue.filter((key) => key !== event.activityKey);
    draft.elements[event.throwerKey] = { ...thrower, compensationQueue };
  }
  // a compensation event sub-process keeps the sub-process's inner records, for its own throw events
  if (event.compensatedScopeKey === undefined) {
    dropActivity(draft, event.activityKey);
    return;
  }
  delete draft.compensable[event.activityKey];
  const handler = draft.elements[event.handlerKey];
  if (handler) draft.elements[event.handlerKey] = { ...handler, compensatedScopeKey: event.compensatedScopeKey };
}

export function compensationCompleted(draft: StateDraft, event: EngineEventOfType<'compensation-completed'>): void {
  const thrower = draft.elements[event.key];
  if (thrower) draft.elements[event.key] = withoutQueue(thrower);
}
