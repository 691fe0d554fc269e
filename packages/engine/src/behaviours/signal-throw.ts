import type { SignalEventDefinition } from '@operon/model';
import type { Lifecycle } from '../element-behaviour';
import type { ElementInstance, Variables } from '../instance-state';
import type { Processing } from '../processing';
import { evaluateSignalName } from './event-waits';
import { receiveSignal } from './signal-catch';

/**
 * Throws a signal (BPMN 2.0.2 §10.5.5: a broadcast with no single recipient). As in Camunda 8, the signal
 * carries the throw event's input mappings (its local variables), nothing else. Returns false when the name
 * failed (an incident was raised).
 *
 * This instance's own subscriptions receive it in this command, at the next step of the agenda: Zeebe writes
 * the broadcast as a follow-up command, processed before the throw event completes and the next element
 * activates, so only the subscriptions open then receive it (a catch event after the throw event misses it).
 * The `broadcast-signal` effect asks the runtime for every other instance and the signal start events,
 * after the commit; `excludeInstanceKey` says this instance was already served.
 */
export function broadcastSignal(
  p: Processing,
  definition: SignalEventDefinition,
  element: ElementInstance,
  lifecycle: Lifecycle,
): boolean {
  const signalName = evaluateSignalName(p, definition, element);
  if (signalName === undefined) return false;
  const variables = p.draft.variables[element.key] ?? {};
  p.effect({ type: 'broadcast-signal', signalName, variables, excludeInstanceKey: p.draft.instanceKey });
  p.schedule(() => deliverToOwnSubscriptions(p, lifecycle, signalName, variables));
  return true;
}

/** Each subscription to the name open now receives the signal once, unless an earlier one's catch closed it. */
function deliverToOwnSubscriptions(
  p: Processing,
  lifecycle: Lifecycle,
  signalName: string,
  variables: Variables,
): void {
  const open = Object.values(p.draft.signalSubscriptions).filter((candidate) => candidate.signalName === signalName);
  for (const subscription of open) {
    if (p.draft.signalSubscriptions[subscription.key]) receiveSignal(p, lifecycle, subscription, variables);
  }
}
