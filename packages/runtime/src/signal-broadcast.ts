import type { Variables } from '@operon/engine';
import type { Store } from '@operon/store';
import type { CommandLoop } from './command-loop';
import { UserError } from './operon-error';

export interface SignalBroadcastResult {
  readonly signalName: string;
  /** Instances that had a subscription to the signal and received it. */
  readonly triggeredInstances: readonly string[];
}

/**
 * Signals as BPMN defines them (§10.5.5): a broadcast with no single recipient. Every instance of the
 * tenant waiting for the name receives it, once per open subscription (a catch event, a boundary event
 * and an event sub-process of one instance each fire). Signals are not buffered: an instance that
 * subscribes later does not see an earlier broadcast. A signal thrown by an instance skips that instance
 * (`excludeInstanceKey`): the engine delivered it to the subscriptions open when it was thrown, in the
 * same command, and a catch event that opened afterwards must not receive it.
 */
export class SignalBroadcast {
  constructor(
    private readonly store: Store,
    private readonly loop: CommandLoop,
  ) {}

  async broadcast(
    tenantId: string,
    signalName: string,
    variables: Variables,
    excludeInstanceKey?: string,
  ): Promise<SignalBroadcastResult> {
    if (signalName.trim() === '') throw new UserError('VALIDATION_FAILED', 'A signal needs a name.');
    const subscriptions = await this.store.findSignalSubscriptions(tenantId, signalName);
    const triggered = new Set<string>();
    await Promise.all(
      subscriptions.map(async (subscription) => {
        if (subscription.instanceKey === excludeInstanceKey) return;
        try {
          await this.loop.submit({
            tenantId,
            instanceKey: subscription.instanceKey,
            command: { type: 'trigger-signal', subscriptionKey: subscription.localKey, variables },
          });
          triggered.add(subscription.instanceKey);
        } catch (error) {
          if (!(error instanceof UserError)) throw error; // the subscription closed meanwhile
        }
      }),
    );
    return { signalName, triggeredInstances: [...triggered].sort() };
  }
}
