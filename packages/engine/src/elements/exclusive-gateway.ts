import type { ExclusiveGatewayNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { selectOutgoingFlows } from '../behaviours/outgoing-flows';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * An exclusive gateway takes the first outgoing flow (in document order) whose condition is true,
 * else its default flow; with neither, it raises an incident. As a join it passes every token on.
 */
export const exclusiveGateway: ElementBehaviour<ExclusiveGatewayNode> = {
  activate(p, _node, element) {
    markActivated(p, element);
    return 'complete';
  },
  outgoing: (p, node, element) => selectOutgoingFlows(p, node, element, 'first', node.defaultFlowId),
};
