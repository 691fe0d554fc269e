import type { IntermediateCatchEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import {
  openConditionWait,
  openElementSubscription,
  openSignalSubscription,
  scheduleElementTimer,
} from '../behaviours/event-waits';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';
import { arriveFromGateway } from '../behaviours/event-gateway';

/**
 * A timer, message or signal intermediate catch event waits for its timer to fire, its message to be
 * correlated or its signal to be broadcast (`trigger-timer`, `correlate-message`, `trigger-signal`),
 * then moves on. A link catch event
 * is where a link throw event of the same name continues: it moves on at once.
 */
export const intermediateCatchEvent: ElementBehaviour<IntermediateCatchEventNode> = {
  activate(p, node, element) {
    const definition = node.eventDefinition;
    if (arriveFromGateway(p, node, element)) return 'complete';
    if (definition.kind === 'link') {
      markActivated(p, element);
      return 'complete';
    }
    if (definition.kind === 'conditional') {
      openConditionWait(p, definition, element);
      markActivated(p, element);
      return 'wait';
    }
    const waiting =
      definition.kind === 'timer'
        ? scheduleElementTimer(p, definition, element)
        : definition.kind === 'message'
          ? openElementSubscription(p, definition, element)
          : openSignalSubscription(p, definition, element);
    if (!waiting) return 'failed';
    markActivated(p, element);
    return 'wait';
  },
  outgoing: leaveByConditions,
};
