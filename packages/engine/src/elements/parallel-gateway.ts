import type { ParallelGatewayNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import type { ElementBehaviour } from '../element-behaviour';

/**
 * A parallel gateway forks a token onto every outgoing flow. As a join, the lifecycle activates it
 * only once a token has arrived on every incoming flow (see joins.ts).
 */
export const parallelGateway: ElementBehaviour<ParallelGatewayNode> = {
  activate(p, _node, element) {
    markActivated(p, element);
    return 'complete';
  },
  outgoing: (_p, node) => node.outgoing,
};
