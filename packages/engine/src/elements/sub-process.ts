import type { SubProcessNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { activateAdHoc } from '../behaviours/ad-hoc';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { setLocalVariables } from '../behaviours/variable-scope';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * An embedded sub-process is a scope: it starts its none start event and completes when no
 * element inside it is active any more (the lifecycle checks this as tokens end). An event
 * sub-process is started by its trigger (catch-events.ts) and hands the trigger's variables to its
 * start event.
 */
export const subProcess: ElementBehaviour<SubProcessNode> = {
  activate(p, node, element, lifecycle) {
    if (node.adHoc) {
      if (!activateAdHoc(p, node, node.adHoc, element, lifecycle)) return 'failed';
      markActivated(p, element);
      return p.childrenOf(element.key).length === 0 ? 'complete' : 'wait';
    }
    markActivated(p, element);
    const startKey = lifecycle.activate(node.startEventId, element.key);
    const trigger = node.triggeredByEvent ? p.takeTrigger(element.key) : undefined;
    if (trigger) setLocalVariables(p, startKey, trigger);
    return 'wait';
  },
  outgoing: leaveByConditions,
};
