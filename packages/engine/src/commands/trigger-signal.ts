import { receiveSignal } from '../behaviours/signal-catch';
import { lifecycle } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/**
 * A signal broadcast by the runtime (from outside, or thrown by another instance) reached a signal
 * subscription of this instance (behaviours/signal-catch.ts).
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
  receiveSignal(p, lifecycle(p), subscription, variables);
  return undefined;
};
