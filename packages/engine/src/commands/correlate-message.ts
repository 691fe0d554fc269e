import { completeElement } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/**
 * A published message matched a subscription (same name and correlation key): its variables
 * merge into the instance like a job's, and the waiting element moves on.
 */
export const correlateMessage: CommandHandler<'correlate-message'> = (p, command) => {
  const subscription = p.draft.subscriptions[command.subscriptionKey];
  if (!subscription) {
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
  completeElement(p, subscription.elementInstanceKey, variables);
  return undefined;
};
