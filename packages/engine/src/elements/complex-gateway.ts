import type { ComplexGatewayNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { selectOutgoingFlows } from '../behaviours/outgoing-flows';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A complex gateway splits like an inclusive gateway. As a join, the lifecycle activates it when its activation
 * condition holds (joins.ts), and absorbs the tokens that arrive later until none can (its reset).
 */
export const complexGateway: ElementBehaviour<ComplexGatewayNode> = {
  activate(p, _node, element) {
    markActivated(p, element);
    return 'complete';
  },
  outgoing: (p, node, element) => selectOutgoingFlows(p, node, element, 'all', node.defaultFlowId),
};
