import type { ReceiveTaskNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { openElementSubscription } from '../behaviours/event-waits';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';
import { arriveFromGateway } from '../behaviours/event-gateway';

/** A receive task waits for its message, like a message catch event. */
export const receiveTask: ElementBehaviour<ReceiveTaskNode> = {
  activate(p, node, element) {
    if (arriveFromGateway(p, node, element)) return 'complete';
    if (!openElementSubscription(p, node.message, element)) return 'failed';
    markActivated(p, element);
    return 'wait';
  },
  outgoing: leaveByConditions,
};
