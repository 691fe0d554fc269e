import type { MessageSubscription, Variables } from '@operon/engine';
import type { Store } from '@operon/store';
import type { CommandLoop } from './command-loop';
import { UserError } from './operon-error';

export interface PublishMessage {
  readonly name: string;
  readonly correlationKey: string;
  readonly variables?: Variables;
  /** How long the message waits for a subscription when none matches now. Default 0 (not buffered). */
  readonly timeToLiveMs?: number;
  readonly messageKey: string;
}

export interface PublishResult {
  readonly messageKey: string;
  /** Instances the message was correlated to now. */
  readonly correlatedInstances: readonly string[];
  readonly buffered: boolean;
}

/**
 * Message correlation as Camunda 8 does it: a published message goes to every instance with an open
 * subscription of the same name and correlation key (one per instance); with none, it is buffered
 * for its time to live and given to the first subscription that opens.
 */
export class MessageCorrelation {
  constructor(
    private readonly store: Store,
    private readonly loop: CommandLoop,
  ) {}

  async publish(tenantId: string, message: PublishMessage, now: number): Promise<PublishResult> {
    if (message.name.trim() === '') throw new UserError('VALIDATION_FAILED', 'A message needs a name.');
    const subscriptions = await this.store.findSubscriptions(tenantId, message.name, message.correlationKey);
    const firstPerInstance = new Map<string, number>();
    for (const subscription of subscriptions) {
      if (!firstPerInstance.has(subscription.instanceKey))
        firstPerInstance.set(subscription.instanceKey, subscription.localKey);
    }
    const correlated: string[] = [];
    await Promise.all(
      [...firstPerInstance].map(async ([instanceKey, subscriptionKey]) => {
        try {
          await this.loop.submit({
            tenantId,
            instanceKey,
            command: { type: 'correlate-message', subscriptionKey, variables: message.variables ?? {} },
          });
          correlated.push(instanceKey);
        } catch (error) {
          if (!(error instanceof UserError)) throw error; // the subscription closed meanwhile
        }
      }),
    );
    const ttl = message.timeToLiveMs ?? 0;
    const buffered = correlated.length === 0 && ttl > 0;
    if (buffered) {
      await this.store.saveMessage({
        tenantId,
        messageKey: message.messageKey,
        name: message.name,
        correlationKey: message.correlationKey,
        variables: message.variables ?? {},
        publishedAt: now,
        expiresAt: now + ttl,
      });
    }
    return { messageKey: message.messageKey, correlatedInstances: correlated.sort(), buffered };
  }

  /** A subscription opened: a buffered message waiting for it is correlated now. */
  async subscriptionOpened(
    tenantId: string,
    instanceKey: string,
    subscription: MessageSubscription,
    now: number,
  ): Promise<void> {
    const message = await this.store.findMessage(tenantId, subscription.messageName, subscription.correlationKey, now);
    if (!message) return;
    await this.loop
      .submit({
        tenantId,
        instanceKey,
        command: { type: 'correlate-message', subscriptionKey: subscription.key, variables: message.variables },
        consumesMessageKey: message.messageKey,
      })
      .catch((error: unknown) => {
        if (!(error instanceof UserError)) throw error;
      });
  }
}
