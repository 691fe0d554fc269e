import type { BoundaryEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { passOnTriggerVariables } from '../behaviours/triggered-event';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A boundary event is activated by its trigger (catch-events.ts), beside the activity it is attached
 * to, which an interrupting event has ended first. It passes the trigger's variables on and leaves.
 */
export const boundaryEvent: ElementBehaviour<BoundaryEventNode> = {
  activate(p, node, element) {
    markActivated(p, element);
    passOnTriggerVariables(p, node, element);
    return 'complete';
  },
  outgoing: leaveByConditions,
};
