import type { FlowNode, ScopeTriggerDefinition } from '@operon/model';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import {
  openConditionWait,
  openElementSubscription,
  openSignalSubscription,
  releaseEventWaits,
  scheduleElementTimer,
} from './event-waits';

/**
 * The events an element instance listens for besides its own work, as Zeebe subscribes to them when
 * the element activates: the boundary events of an activity, and the start events of the event
 * sub-processes of a scope (a sub-process, or the process itself). Errors and escalations need no
 * wait: they are found by walking up the scopes when thrown (catch-events.ts).
 */
export interface EventTrigger {
  /** The boundary event, or the start event of an event sub-process. */
  readonly eventId: string;
  readonly definition: ScopeTriggerDefinition;
}

/**
 * Which triggers an element instance holds: all of them, or, for a multi-instance activity, the boundary
 * events on its body and the event sub-processes in each iteration.
 */
export type TriggerSelection = 'all' | 'boundaries' | 'eventSubProcesses';

/** The triggers held by an instance of `node`; `undefined` stands for the process itself. */
export function triggersOf(p: Processing, node: FlowNode | undefined, which: TriggerSelection = 'all'): EventTrigger[] {
  const triggers: EventTrigger[] = [];
  for (const boundaryId of which === 'eventSubProcesses' ? [] : (node?.boundaryEventIds ?? [])) {
    const boundary = p.node(boundaryId);
    if (boundary.kind === 'boundaryEvent')
      triggers.push({ eventId: boundary.id, definition: boundary.eventDefinition });
  }
  const eventSubProcessIds =
    which === 'boundaries'
      ? []
      : node === undefined
        ? p.definition.eventSubProcessIds
        : node.kind === 'subProcess'
          ? node.eventSubProcessIds
          : [];
  for (const eventSubProcessId of eventSubProcessIds) {
    const eventSubProcess = p.node(eventSubProcessId);
    if (eventSubProcess.kind !== 'subProcess') continue;
    const start = p.definition.nodes.get(eventSubProcess.startEventId);
    if (start?.kind === 'startEvent' && start.eventDefinition !== 'none') {
      triggers.push({ eventId: start.id, definition: start.eventDefinition });
    }
  }
  return triggers;
}

/**
 * Schedules the timers and opens the message subscriptions of the element's triggers. When one
 * fails (an incident was raised), the ones already opened are released, so that retrying the
 * activation opens each once; returns false then.
 */
export function openEventTriggers(
  p: Processing,
  node: FlowNode | undefined,
  element: ElementInstance,
  which: TriggerSelection = 'all',
): boolean {
  for (const { eventId, definition } of triggersOf(p, node, which)) {
    const opened =
      definition.kind === 'timer'
        ? scheduleElementTimer(p, definition, element, eventId)
        : definition.kind === 'message'
          ? openElementSubscription(p, definition, element, eventId)
          : definition.kind === 'signal'
            ? openSignalSubscription(p, definition, element, eventId)
            : definition.kind === 'conditional'
              ? (openConditionWait(p, definition, element, eventId), true)
              : true;
    if (!opened) {
      releaseEventWaits(p, element);
      return false;
    }
  }
  return true;
}
