import { catchOf, triggerCatch } from '../behaviours/catch-events';
import { reopenSignalSubscription } from '../behaviours/event-waits';
import { completeElement, lifecycle } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/**
 * A broadcast signal reached a signal subscription of this instance. A signal catch event moves on;
 * a signal boundary event or event sub-process start event is triggered, and a non-interrupting one
 * keeps listening.
 */
export const triggerSignal: CommandHandler<'trigger-signal'> = (p, command) => {
  const subscription = p.draft.signalSubscriptions[command.subscriptionKey];
  const holder = subscription && p.element(subscription.elementInstanceKey);
  if (!subscription || !holder) {
    return {
      code: 'SUBSCRIPTION_NOT_FOUND',
      message: `Signal subscription ${command.subscriptionKey} does not exist in this instance, or was already triggered.`,
    };
  }
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  p.emit({
    type: 'signal-received',
    subscriptionKey: subscription.key,
    signalName: subscription.signalName,
    variables,
  });
  const caught = catchOf(p, holder, subscription.elementId);
  if (!caught) {
    completeElement(p, subscription.elementInstanceKey, variables);
    return undefined;
  }
  if (!caught.interrupting) reopenSignalSubscription(p, subscription);
  triggerCatch(p, lifecycle(p), caught, variables);
  return undefined;
};
