import type { StartEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/** A none start event: the token appears and moves on. */
export const startEvent: ElementBehaviour<StartEventNode> = {
  activate(p, _node, element) {
    markActivated(p, element);
    return 'complete';
  },
  outgoing: leaveByConditions,
};
