import type { Kysely, Migration } from 'kysely';

/**
 * Waits added for full BPMN coverage: signal subscriptions, found by name when a signal is broadcast
 * to every waiting instance. (Timers and message subscriptions of boundary events and event
 * sub-processes use the tables of 0001.)
 */
export const bpmnCoverageSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('signal_subscriptions')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('subscription_key', 'text', (c) => c.notNull())
      .addColumn('instance_key', 'text', (c) => c.notNull())
      .addColumn('local_key', 'integer', (c) => c.notNull())
      .addColumn('element_id', 'text', (c) => c.notNull())
      .addColumn('element_instance_key', 'integer', (c) => c.notNull())
      .addColumn('signal_name', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('signal_subscriptions_pk', ['tenant_id', 'subscription_key'])
      .execute();
    await db.schema
      .createIndex('signal_subscriptions_by_name')
      .on('signal_subscriptions')
      .columns(['tenant_id', 'signal_name', 'instance_key'])
      .execute();
    await db.schema
      .createIndex('signal_subscriptions_by_instance')
      .on('signal_subscriptions')
      .columns(['tenant_id', 'instance_key'])
      .execute();
  },
};
