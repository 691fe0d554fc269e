import { catchOf, triggerCatch } from '../behaviours/catch-events';
import { reopenSubscription } from '../behaviours/event-waits';
import { completeElement, lifecycle } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/**
 * A published message matched a subscription (same name and correlation key). A waiting catch event
 * or receive task merges its variables like a job's and moves on; a message boundary event or event
 * sub-process start event is triggered with them, and a non-interrupting one keeps listening.
 */
export const correlateMessage: CommandHandler<'correlate-message'> = (p, command) => {
  const subscription = p.draft.subscriptions[command.subscriptionKey];
  const holder = subscription && p.element(subscription.elementInstanceKey);
  if (!subscription || !holder) {
    return {
      code: 'SUBSCRIPTION_NOT_FOUND',
      message: `Message subscription ${command.subscriptionKey} does not exist in this instance, or was already correlated.`,
    };
  }
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  p.emit({
    type: 'message-correlated',
    subscriptionKey: subscription.key,
    messageName: subscription.messageName,
    correlationKey: subscription.correlationKey,
    variables,
  });
  const caught = catchOf(p, holder, subscription.elementId);
  if (!caught) {
    completeElement(p, subscription.elementInstanceKey, variables);
    return undefined;
  }
  if (!caught.interrupting) reopenSubscription(p, subscription);
  triggerCatch(p, lifecycle(p), caught, variables);
  return undefined;
};
