import type { EndEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A none end event consumes the token. A terminate end event also ends every other element of its
 * flow scope, which then completes: a sub-process continues on its outgoing flow, a process instance
 * completes (Camunda 8: "after the termination, the process instance completes").
 */
export const endEvent: ElementBehaviour<EndEventNode> = {
  activate(p, node, element, lifecycle) {
    markActivated(p, element);
    if (node.eventDefinition === 'terminate' && element.scopeKey !== undefined) {
      for (const sibling of p.childrenOf(element.scopeKey)) {
        if (sibling.key !== element.key) lifecycle.terminate(sibling.key);
      }
      if (p.draft.joins[element.scopeKey]) p.emit({ type: 'join-tokens-discarded', scopeKey: element.scopeKey });
    }
    return 'complete';
  },
  outgoing: () => [],
};
