import type { EndEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A none end event consumes the token. A terminate end event also ends every other element of its
 * flow scope: inside a sub-process the sub-process then completes; at the process level the instance
 * ends as terminated (BPMN 2.0.2, 10.5.3).
 */
export const endEvent: ElementBehaviour<EndEventNode> = {
  activate(p, node, element, lifecycle) {
    markActivated(p, element);
    if (node.eventDefinition === 'terminate' && element.scopeKey !== undefined) {
      for (const sibling of p.childrenOf(element.scopeKey)) {
        if (sibling.key !== element.key) lifecycle.terminate(sibling.key);
      }
      if (p.draft.joins[element.scopeKey]) p.emit({ type: 'join-tokens-discarded', scopeKey: element.scopeKey });
      if (element.scopeKey === p.draft.rootKey) p.emit({ type: 'instance-terminated', reason: 'terminate-end-event' });
    }
    return 'complete';
  },
  outgoing: () => [],
};
