import type { CallActivityNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { requestChildInstance } from '../behaviours/child-instance';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A call activity asks the runtime to start an instance of another process (`create-child-instance`) and
 * waits until the runtime reports that it completed (`complete-call-activity`). Terminating it cancels the
 * child; an incident in the child stays on the child.
 */
export const callActivity: ElementBehaviour<CallActivityNode> = {
  activate(p, node, element) {
    markActivated(p, element);
    return requestChildInstance(p, node, element) ? 'wait' : 'failed';
  },
  outgoing: leaveByConditions,
  terminate(p, _node, element) {
    if (element.calledInstanceKey !== undefined) {
      p.effect({ type: 'cancel-child-instance', childInstanceKey: element.calledInstanceKey });
    }
  },
};
