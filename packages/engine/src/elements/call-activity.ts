import type { CallActivityNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { requestChildInstance } from '../behaviours/child-instance';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A call activity asks the runtime to start an instance of another process (`create-child-instance`) and
 * waits until the runtime reports that it completed (`complete-call-activity`). Terminating it cancels the
 * child; an incident in the child stays on the child. A BPMN error the child does not catch comes up to it
 * (`throw-error-from-child`): its error boundary events, then the parent's scopes, may catch it.
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
