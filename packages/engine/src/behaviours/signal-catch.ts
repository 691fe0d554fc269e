import type { Lifecycle } from '../element-behaviour';
import type { SignalSubscription, Variables } from '../instance-state';
import type { Processing } from '../processing';
import { catchOf, triggerCatch } from './catch-events';
import { reopenSignalSubscription } from './event-waits';

/**
 * A signal reached an open signal subscription of this instance (a `trigger-signal` from the runtime, or a
 * signal the instance threw itself). A signal catch event moves on; a signal boundary event, event-based
 * gateway event or event sub-process start event is triggered, and a non-interrupting one keeps listening.
 */
export function receiveSignal(
  p: Processing,
  lifecycle: Lifecycle,
  subscription: SignalSubscription,
  variables: Variables,
): void {
  const holder = p.element(subscription.elementInstanceKey);
  if (!holder) return;
  p.emit({
    type: 'signal-received',
    subscriptionKey: subscription.key,
    signalName: subscription.signalName,
    variables,
  });
  const caught = catchOf(p, holder, subscription.elementId);
  if (!caught) {
    lifecycle.complete(subscription.elementInstanceKey, variables);
    return;
  }
  if (!caught.interrupting) reopenSignalSubscription(p, subscription);
  triggerCatch(p, lifecycle, caught, variables);
}
