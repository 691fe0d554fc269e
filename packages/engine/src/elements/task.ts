import type { ManualTaskNode, TaskNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/** An undefined task or a manual task: nothing for the engine to do; it passes the token on. */
export const passThroughTask: ElementBehaviour<TaskNode | ManualTaskNode> = {
  activate(p, _node, element) {
    markActivated(p, element);
    return 'complete';
  },
  outgoing: leaveByConditions,
};
