import type { EventBasedGatewayNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import {
  openConditionWait,
  openElementSubscription,
  openSignalSubscription,
  releaseEventWaits,
  scheduleElementTimer,
} from '../behaviours/event-waits';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * An event-based gateway holds the waits of the events after it (timers, message and signal subscriptions),
 * as Zeebe does. The first to trigger (catch-events.ts) completes the gateway towards its event, which
 * completes at once with the trigger's variables (`arriveFromGateway`); the other waits are released.
 */
export const eventBasedGateway: ElementBehaviour<EventBasedGatewayNode> = {
  activate(p, node, element) {
    for (const flowId of node.outgoing) {
      const target = p.node(p.definition.flows.get(flowId)?.targetId ?? '');
      const definition =
        target.kind === 'receiveTask'
          ? target.message
          : target.kind === 'intermediateCatchEvent'
            ? target.eventDefinition
            : undefined;
      const opened =
        definition?.kind === 'timer'
          ? scheduleElementTimer(p, definition, element, target.id)
          : definition?.kind === 'message'
            ? openElementSubscription(p, definition, element, target.id)
            : definition?.kind === 'signal'
              ? openSignalSubscription(p, definition, element, target.id)
              : definition?.kind === 'conditional'
                ? (openConditionWait(p, definition, element, target.id), true)
                : true;
      if (!opened) {
        releaseEventWaits(p, element);
        return 'failed';
      }
    }
    markActivated(p, element);
    return 'wait';
  },
  outgoing(p, node, element) {
    const chosen = p.chosenEvent(element.key);
    return node.outgoing.filter((flowId) => p.definition.flows.get(flowId)?.targetId === chosen);
  },
};
