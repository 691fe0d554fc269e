import type { EngineEventOfType } from '@operon/engine';
import type { Kysely, Transaction } from 'kysely';
import { fromJson, toJson } from './column-values';
import type { OperonDatabase } from './operon-database';
import type { ProjectionStep } from './projection-step';
import type { CommitBatch, MessageRecord, SubscriptionRecord } from './store';

/**
 * Messages: the subscriptions of waiting elements (written by the commit from events), and
 * published messages buffered until their time to live ends or a subscription takes them.
 */

type Db = Kysely<OperonDatabase>;

export async function subscriptionOpened(
  step: ProjectionStep,
  { subscription }: EngineEventOfType<'subscription-opened'>,
): Promise<void> {
  await step.trx
    .insertInto('message_subscriptions')
    .values({
      tenant_id: step.tenantId,
      subscription_key: step.key(subscription.key),
      instance_key: step.instanceKey,
      local_key: subscription.key,
      element_id: subscription.elementId,
      element_instance_key: subscription.elementInstanceKey,
      message_name: subscription.messageName,
      correlation_key: subscription.correlationKey,
      opened_at: step.now,
    })
    .execute();
}

/** Correlated or closed: the subscription is gone. */
export async function subscriptionEnded(
  step: ProjectionStep,
  event: { readonly subscriptionKey: number },
): Promise<void> {
  await step.trx
    .deleteFrom('message_subscriptions')
    .where('tenant_id', '=', step.tenantId)
    .where('subscription_key', '=', step.key(event.subscriptionKey))
    .execute();
}

/** In the order they opened, by instance. */
export async function findSubscriptions(
  db: Db,
  tenantId: string,
  name: string,
  correlationKey: string,
): Promise<SubscriptionRecord[]> {
  const rows = await db
    .selectFrom('message_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('message_name', '=', name)
    .where('correlation_key', '=', correlationKey)
    .orderBy('instance_key')
    .orderBy('local_key')
    .execute();
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    subscriptionKey: row.subscription_key,
    instanceKey: row.instance_key,
    localKey: row.local_key,
    elementId: row.element_id,
    messageName: row.message_name,
    correlationKey: row.correlation_key,
  }));
}

/** Buffers a message; saving the same message key again changes nothing (publishing is idempotent). */
export async function saveMessage(db: Db, message: MessageRecord): Promise<void> {
  await db
    .insertInto('messages')
    .values({
      tenant_id: message.tenantId,
      message_key: message.messageKey,
      name: message.name,
      correlation_key: message.correlationKey,
      variables: toJson(message.variables),
      published_at: message.publishedAt,
      expires_at: message.expiresAt,
    })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'message_key']).doNothing())
    .execute();
}

/** The oldest live buffered message of that name and correlation key. */
export async function findMessage(
  db: Db,
  tenantId: string,
  name: string,
  correlationKey: string,
  now: number,
): Promise<MessageRecord | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .where('correlation_key', '=', correlationKey)
    .where('expires_at', '>', now)
    .orderBy('published_at')
    .orderBy('message_key')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    tenantId: row.tenant_id,
    messageKey: row.message_key,
    name: row.name,
    correlationKey: row.correlation_key,
    variables: fromJson(row.variables) as MessageRecord['variables'],
    publishedAt: row.published_at,
    expiresAt: row.expires_at,
  };
}

export async function consumeMessages(
  trx: Transaction<OperonDatabase>,
  consumed: NonNullable<CommitBatch['consumedMessages']>,
): Promise<void> {
  for (const { tenantId, messageKey } of consumed) {
    await trx.deleteFrom('messages').where('tenant_id', '=', tenantId).where('message_key', '=', messageKey).execute();
  }
}

export async function purgeExpiredMessages(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('messages').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
