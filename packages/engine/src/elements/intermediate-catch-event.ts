import type { IntermediateCatchEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { openElementSubscription, releaseEventWaits, scheduleElementTimer } from '../behaviours/event-waits';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A timer or message intermediate catch event waits for its timer to fire or its message to be
 * correlated (the `trigger-timer` / `correlate-message` commands), then moves on.
 */
export const intermediateCatchEvent: ElementBehaviour<IntermediateCatchEventNode> = {
  activate(p, node, element) {
    const definition = node.eventDefinition;
    const waiting =
      definition.kind === 'timer'
        ? scheduleElementTimer(p, definition, element)
        : openElementSubscription(p, definition, element);
    if (!waiting) return 'failed';
    markActivated(p, element);
    return 'wait';
  },
  outgoing: leaveByConditions,
  terminate: (p, _node, element) => releaseEventWaits(p, element),
};
