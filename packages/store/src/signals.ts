import type { EngineEventOfType } from '@operon/engine';
import type { Kysely } from 'kysely';
import type { OperonDatabase } from './operon-database';
import type { ProjectionStep } from './projection-step';

/**
 * Signal subscriptions (migrations/0003-bpmn-coverage.ts): a row per waiting signal event, written
 * by the commit from events, read by name when a signal is broadcast.
 */

/** The table as Kysely sees it; declared here, beside its only reader and writer. */
export interface SignalSubscriptionsTable {
  tenant_id: string;
  subscription_key: string;
  instance_key: string;
  local_key: number;
  element_id: string;
  element_instance_key: number;
  signal_name: string;
  opened_at: number;
}

type SignalTables = { signal_subscriptions: SignalSubscriptionsTable };

export interface SignalSubscriptionRecord {
  readonly tenantId: string;
  readonly instanceKey: string;
  readonly localKey: number;
  readonly elementId: string;
  readonly signalName: string;
}

export async function signalSubscriptionOpened(
  step: ProjectionStep,
  { subscription }: EngineEventOfType<'signal-subscription-opened'>,
): Promise<void> {
  await step.trx
    .withTables<SignalTables>()
    .insertInto('signal_subscriptions')
    .values({
      tenant_id: step.tenantId,
      subscription_key: step.key(subscription.key),
      instance_key: step.instanceKey,
      local_key: subscription.key,
      element_id: subscription.elementId,
      element_instance_key: subscription.elementInstanceKey,
      signal_name: subscription.signalName,
      opened_at: step.now,
    })
    .execute();
}

/** Triggered or closed: the subscription is gone. */
export async function signalSubscriptionEnded(
  step: ProjectionStep,
  event: { readonly subscriptionKey: number },
): Promise<void> {
  await step.trx
    .withTables<SignalTables>()
    .deleteFrom('signal_subscriptions')
    .where('tenant_id', '=', step.tenantId)
    .where('subscription_key', '=', step.key(event.subscriptionKey))
    .execute();
}

/** Every open subscription to a signal name, by instance and then in the order they opened. */
export async function findSignalSubscriptions(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  signalName: string,
): Promise<SignalSubscriptionRecord[]> {
  const rows = await db
    .withTables<SignalTables>()
    .selectFrom('signal_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('signal_name', '=', signalName)
    .orderBy('instance_key')
    .orderBy('local_key')
    .execute();
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    instanceKey: row.instance_key,
    localKey: row.local_key,
    elementId: row.element_id,
    signalName: row.signal_name,
  }));
}
