import type { CompensationThrowDefinition, FlowNode, SubProcessNode } from '@operon/model';
import type { Lifecycle } from '../element-behaviour';
import type { CompensableActivity, ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { markActivated } from './activation';
import type { LoopRole } from './loop';
import { setLocalVariables } from './variable-scope';

/**
 * Compensation (BPMN 2.0.2 §10.5.5), as Camunda 8 runs it where it does: a completed activity with a compensation
 * boundary event is recorded; a compensation throw event compensates the recorded activities of its scope (or
 * the one it names) and waits until their handlers are done. Unlike Camunda 8, which starts every handler at
 * once, the handlers run one at a time in reverse order of completion, as the specification asks. A completed
 * sub-process is compensated by its compensation event sub-process, else by compensating its own completed
 * activities (a multi-instance body: each completed iteration); the handlers run inside the thrower, which
 * therefore waits for them as a scope waits for its children (lifecycle.ts calls `continueCompensation`).
 */

/** What compensates a recorded activity: its handler, or a sub-process's compensation event sub-process. */
interface Handler {
  readonly id: string;
  readonly eventSubProcess: boolean;
}

function compensationEventSubProcessOf(p: Processing, node: SubProcessNode): string | undefined {
  return node.eventSubProcessIds.find((id) => {
    const eventSubProcess = p.node(id);
    return eventSubProcess.kind === 'subProcess' && isCompensationEventSubProcess(p, eventSubProcess);
  });
}

function isCompensationEventSubProcess(p: Processing, node: FlowNode): boolean {
  if (node.kind !== 'subProcess' || !node.triggeredByEvent) return false;
  const start = p.node(node.startEventId);
  return (
    start.kind === 'startEvent' && start.eventDefinition !== 'none' && start.eventDefinition.kind === 'compensation'
  );
}

function boundaryHandlerOf(p: Processing, node: FlowNode): string | undefined {
  for (const id of node.boundaryEventIds) {
    const boundary = p.node(id);
    if (boundary.kind === 'boundaryEvent' && boundary.compensationHandlerId !== undefined) {
      return boundary.compensationHandlerId;
    }
  }
  return undefined;
}

function handlerOf(p: Processing, activity: CompensableActivity): Handler | undefined {
  if (activity.loopBody) return undefined;
  const node = p.node(activity.elementId);
  const handler = boundaryHandlerOf(p, node);
  if (handler !== undefined) return { id: handler, eventSubProcess: false };
  const eventSubProcess = node.kind === 'subProcess' ? compensationEventSubProcessOf(p, node) : undefined;
  return eventSubProcess === undefined ? undefined : { id: eventSubProcess, eventSubProcess: true };
}

/** The activities recorded in a scope, the last completed first. */
function recordedIn(p: Processing, scopeKey: number): CompensableActivity[] {
  return Object.values(p.draft.compensable)
    .filter((activity) => activity.scopeKey === scopeKey)
    .sort((a, b) => b.key - a.key);
}

/**
 * While an element completes (after its outputs): records it when a later compensation could reach it. Handlers
 * and compensation event sub-processes are never recorded: compensation is not compensated.
 */
export function recordCompensable(p: Processing, node: FlowNode, element: ElementInstance, role?: LoopRole): void {
  if (element.scopeKey === undefined || node.isForCompensation) return;
  const loopBody = role === 'body';
  const ownHandler = !loopBody && boundaryHandlerOf(p, node) !== undefined;
  // most elements complete here: only a handler, a sub-process or a body can make them compensable
  if (!ownHandler && !loopBody && node.kind !== 'subProcess') return;
  if (isCompensationEventSubProcess(p, node)) return;
  const compensable =
    ownHandler ||
    recordedIn(p, element.key).length > 0 ||
    (node.kind === 'subProcess' && !loopBody && compensationEventSubProcessOf(p, node) !== undefined);
  if (!compensable) return;
  // the snapshot its handler (or compensation event sub-process) gets; compensated through its inner ones, none
  const handled = ownHandler || (node.kind === 'subProcess' && compensationEventSubProcessOf(p, node) !== undefined);
  const variables = loopBody || !handled ? undefined : p.draft.variables[element.key];
  const activity: CompensableActivity = {
    key: p.newKey(),
    elementInstanceKey: element.key,
    elementId: element.elementId,
    scopeKey: element.scopeKey,
    ...(loopBody ? { loopBody: true } : {}),
    ...(variables && Object.keys(variables).length > 0 ? { variables } : {}),
  };
  p.emit({ type: 'compensation-recorded', activity });
}

/**
 * The scope a thrower compensates: its own flow scope; for one inside an event sub-process, the scope of that
 * event sub-process (Camunda 8 alike); inside a compensation event sub-process, the completed sub-process.
 */
export function compensationScopeOf(p: Processing, thrower: ElementInstance): number | undefined {
  const scope = thrower.scopeKey === undefined ? undefined : p.element(thrower.scopeKey);
  if (!scope) return undefined;
  if (scope.compensatedScopeKey !== undefined) return scope.compensatedScopeKey;
  const node = scope.key === p.draft.rootKey ? undefined : p.node(scope.elementId);
  return node?.kind === 'subProcess' && node.triggeredByEvent ? scope.scopeKey : scope.key;
}

function expand(p: Processing, activity: CompensableActivity, queue: number[], expanded: number[]): void {
  if (handlerOf(p, activity) !== undefined) {
    queue.push(activity.key);
    return;
  }
  expanded.push(activity.key);
  for (const inner of recordedIn(p, activity.elementInstanceKey)) expand(p, inner, queue, expanded);
}

/**
 * Starts compensating the completed activities of `scopeKey` (only those of `activityId` when given), and marks
 * the thrower activated; false when there is nothing to compensate (the thrower then simply goes on).
 */
export function startCompensation(
  p: Processing,
  thrower: ElementInstance,
  scopeKey: number | undefined,
  lifecycle: Lifecycle,
  activityId?: string,
): boolean {
  markActivated(p, thrower);
  if (scopeKey === undefined) return false;
  const selected = recordedIn(p, scopeKey).filter(
    (activity) => activityId === undefined || activity.elementId === activityId,
  );
  const activityKeys: number[] = [];
  const expandedKeys: number[] = [];
  for (const activity of selected) expand(p, activity, activityKeys, expandedKeys);
  if (activityKeys.length === 0 && expandedKeys.length === 0) return false;
  p.emit({ type: 'compensation-started', key: thrower.key, elementId: thrower.elementId, activityKeys, expandedKeys });
  return continueCompensation(p, thrower.key, lifecycle);
}

/**
 * Starts the handler of the next activity in the thrower's queue (inside the thrower, with the activity's
 * snapshot as its locals); when none is left, the compensation is completed. True while a handler runs.
 */
export function continueCompensation(p: Processing, throwerKey: number, lifecycle: Lifecycle): boolean {
  const thrower = p.element(throwerKey);
  if (!thrower?.compensationQueue) return false;
  for (const activityKey of thrower.compensationQueue) {
    const activity = p.draft.compensable[activityKey];
    const handler = activity && handlerOf(p, activity);
    if (!activity || !handler) continue;
    const handlerKey = lifecycle.activate(handler.id, thrower.key);
    p.emit({
      type: 'compensation-handler-started',
      throwerKey,
      activityKey,
      elementId: activity.elementId,
      handlerKey,
      handlerId: handler.id,
      ...(handler.eventSubProcess ? { compensatedScopeKey: activity.elementInstanceKey } : {}),
    });
    if (activity.variables) setLocalVariables(p, handlerKey, activity.variables);
    return true;
  }
  p.emit({ type: 'compensation-completed', key: throwerKey, elementId: thrower.elementId });
  return false;
}

/** A compensation throw event (intermediate or end): waits while handlers run, else goes on at once. */
export function throwCompensation(
  p: Processing,
  thrower: ElementInstance,
  definition: CompensationThrowDefinition,
  lifecycle: Lifecycle,
): 'wait' | 'complete' {
  const scopeKey = compensationScopeOf(p, thrower);
  return startCompensation(p, thrower, scopeKey, lifecycle, definition.activityId) ? 'wait' : 'complete';
}
