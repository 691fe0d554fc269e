import type { StartEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { passOnTriggerVariables } from '../behaviours/triggered-event';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A none start event: the token appears and moves on. The start event of an event sub-process was
 * triggered (catch-events.ts) and passes the trigger's variables on.
 */
export const startEvent: ElementBehaviour<StartEventNode> = {
  activate(p, node, element) {
    markActivated(p, element);
    if (node.eventDefinition !== 'none') passOnTriggerVariables(p, node, element);
    return 'complete';
  },
  outgoing: leaveByConditions,
};
