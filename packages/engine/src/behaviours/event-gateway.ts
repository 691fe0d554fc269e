import type { FlowNode } from '@operon/model';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { markActivated } from './activation';
import { passOnTriggerVariables } from './triggered-event';
import { setLocalVariables } from './variable-scope';

/**
 * For a catch event or receive task after an event-based gateway: when the gateway was completed by this
 * event's trigger, the event completes at once with the trigger's variables instead of waiting again.
 */
export function arriveFromGateway(p: Processing, node: FlowNode, element: ElementInstance): boolean {
  if (element.scopeKey === undefined) return false;
  const variables = p.takeGatewayTrigger(element.scopeKey, node.id);
  if (variables === undefined) return false;
  setLocalVariables(p, element.key, variables);
  markActivated(p, element);
  passOnTriggerVariables(p, node, p.element(element.key) ?? element);
  return true;
}
