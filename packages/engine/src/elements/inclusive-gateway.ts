import type { InclusiveGatewayNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { selectOutgoingFlows } from '../behaviours/outgoing-flows';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * An inclusive gateway takes every outgoing flow whose condition is true, else its default flow.
 * As a join, the lifecycle activates it once no further token can still arrive (see joins.ts).
 */
export const inclusiveGateway: ElementBehaviour<InclusiveGatewayNode> = {
  activate(p, _node, element) {
    markActivated(p, element);
    return 'complete';
  },
  outgoing: (p, node, element) => selectOutgoingFlows(p, node, element, 'all', node.defaultFlowId),
};
