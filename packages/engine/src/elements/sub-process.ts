import type { SubProcessNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * An embedded sub-process is a scope: it starts its none start event and completes when no
 * element inside it is active any more (the lifecycle checks this as tokens end).
 */
export const subProcess: ElementBehaviour<SubProcessNode> = {
  activate(p, node, element, lifecycle) {
    markActivated(p, element);
    lifecycle.activate(node.startEventId, element.key);
    return 'wait';
  },
  outgoing: leaveByConditions,
};
