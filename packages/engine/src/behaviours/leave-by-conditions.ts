import type { FlowNode } from '@operon/model';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { selectOutgoingFlows } from './outgoing-flows';

/**
 * How activities and events leave: every unconditional flow, plus every conditional flow whose
 * condition is true (BPMN's conditional sequence flows); the default flow only when no other is taken.
 */
export function leaveByConditions(
  p: Processing,
  node: FlowNode,
  element: ElementInstance,
): readonly string[] | undefined {
  if (node.outgoing.length === 1 && p.definition.flows.get(node.outgoing[0] ?? '')?.condition === undefined) {
    return node.outgoing;
  }
  return selectOutgoingFlows(p, node, element, 'all', node.defaultFlowId);
}
