import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

type TableBuilder = CreateTableBuilder<string, string>;

/**
 * The first schema. Column types are the ones both dialects share (TEXT, INTEGER, BIGINT); JSON
 * is TEXT. Every primary key starts with `tenant_id`, so a tenant's rows can live on their own
 * node of a distributed PostgreSQL. Never edit a released migration: add the next one.
 */
export const initialSchema: Migration = {
  async up(db: Kysely<unknown>) {
    const table = (name: string): TableBuilder =>
      db.schema.createTable(name).addColumn('tenant_id', 'text', (c) => c.notNull());
    const index = (name: string, on: string, columns: string[]) =>
      db.schema.createIndex(name).on(on).columns(columns).execute();

    await table('deployments')
      .addColumn('deployment_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('deployments_pk', ['tenant_id', 'deployment_key'])
      .execute();
    await index('deployments_by_creation', 'deployments', ['tenant_id', 'created_at', 'deployment_key']);

    await table('resources')
      .addColumn('deployment_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('resources_pk', ['tenant_id', 'deployment_key', 'name'])
      .execute();

    await table('process_definitions')
      .addColumn('definition_key', 'text', (c) => c.notNull())
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('version_tag', 'text')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('deployment_key', 'text', (c) => c.notNull())
      .addColumn('resource_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('process_definitions_pk', ['tenant_id', 'definition_key'])
      .addUniqueConstraint('process_definitions_version', ['tenant_id', 'process_id', 'version'])
      .execute();

    await table('process_instances')
      .addColumn('instance_key', 'text', (c) => c.notNull())
      .addColumn('definition_key', 'text', (c) => c.notNull())
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('business_key', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addColumn('open_incidents', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('process_instances_pk', ['tenant_id', 'instance_key'])
      .execute();
    await index('process_instances_by_start', 'process_instances', ['tenant_id', 'started_at', 'instance_key']);
    await index('process_instances_by_process', 'process_instances', ['tenant_id', 'process_id', 'started_at']);
    await index('process_instances_by_definition', 'process_instances', ['tenant_id', 'definition_key', 'status']);
    await index('process_instances_by_status', 'process_instances', ['tenant_id', 'status', 'started_at']);
    await index('process_instances_by_business_key', 'process_instances', ['tenant_id', 'business_key']);

    await table('history_events')
      .addColumn('instance_key', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('element_id', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('history_events_pk', ['tenant_id', 'instance_key', 'position'])
      .execute();

    await instanceOwned(table('jobs'), 'job_key')
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('definition_key', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('retries', 'integer', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('variables', 'text', (c) => c.notNull())
      .addColumn('error_message', 'text')
      .addColumn('available_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('jobs_pk', ['tenant_id', 'job_key'])
      .execute();
    await index('jobs_claimable', 'jobs', ['type', 'available_at']);
    await index('jobs_by_instance', 'jobs', ['tenant_id', 'instance_key']);
    await index('jobs_by_lease_owner', 'jobs', ['lease_owner']);

    await instanceOwned(table('user_tasks'), 'task_key')
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('definition_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('assignee', 'text')
      .addColumn('candidate_groups', 'text', (c) => c.notNull())
      .addColumn('candidate_users', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text')
      .addColumn('due_at', 'bigint')
      .addColumn('follow_up_date', 'text')
      .addColumn('priority', 'integer', (c) => c.notNull())
      .addColumn('form_id', 'text')
      .addColumn('form_key', 'text')
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('variables', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .addPrimaryKeyConstraint('user_tasks_pk', ['tenant_id', 'task_key'])
      .execute();
    await index('user_tasks_by_state', 'user_tasks', ['tenant_id', 'state', 'created_at']);
    await index('user_tasks_by_assignee', 'user_tasks', ['tenant_id', 'assignee', 'state']);
    await index('user_tasks_by_instance', 'user_tasks', ['tenant_id', 'instance_key']);

    await table('user_task_candidates')
      .addColumn('task_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_task_candidates_pk', ['tenant_id', 'task_key', 'kind', 'name'])
      .execute();
    await index('user_task_candidates_by_name', 'user_task_candidates', ['tenant_id', 'kind', 'name', 'task_key']);

    await instanceOwned(table('incidents'), 'incident_key')
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('definition_key', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('job_key', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addPrimaryKeyConstraint('incidents_pk', ['tenant_id', 'incident_key'])
      .execute();
    await index('incidents_by_state', 'incidents', ['tenant_id', 'state', 'created_at']);
    await index('incidents_by_instance', 'incidents', ['tenant_id', 'instance_key']);
    await index('incidents_by_definition', 'incidents', ['tenant_id', 'definition_key', 'state']);

    await table('variables')
      .addColumn('instance_key', 'text', (c) => c.notNull())
      .addColumn('scope_key', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('variables_pk', ['tenant_id', 'instance_key', 'scope_key', 'name'])
      .execute();
    // Not on `value`: values can be large (a PostgreSQL B-tree entry is limited to about 2.7 kB).
    await index('variables_by_name', 'variables', ['tenant_id', 'name', 'instance_key']);

    await instanceOwned(table('timers'), 'timer_key')
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('repetitions_left', 'integer')
      .addColumn('interval_ms', 'bigint')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addPrimaryKeyConstraint('timers_pk', ['tenant_id', 'timer_key'])
      .execute();
    await index('timers_by_due', 'timers', ['due_at']);
    await index('timers_by_instance', 'timers', ['tenant_id', 'instance_key']);
    await index('timers_by_lease_owner', 'timers', ['lease_owner']);

    await instanceOwned(table('message_subscriptions'), 'subscription_key')
      .addColumn('message_name', 'text', (c) => c.notNull())
      .addColumn('correlation_key', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_subscriptions_pk', ['tenant_id', 'subscription_key'])
      .execute();
    await index('message_subscriptions_by_message', 'message_subscriptions', [
      'tenant_id',
      'message_name',
      'correlation_key',
    ]);
    await index('message_subscriptions_by_instance', 'message_subscriptions', ['tenant_id', 'instance_key']);

    await table('messages')
      .addColumn('message_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('correlation_key', 'text', (c) => c.notNull())
      .addColumn('variables', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('messages_pk', ['tenant_id', 'message_key'])
      .execute();
    await index('messages_by_correlation', 'messages', ['tenant_id', 'name', 'correlation_key', 'published_at']);
    await index('messages_by_expiry', 'messages', ['expires_at']);
  },
};

/** The columns of a row that belongs to one instance: its key, the instance, the local key, the element. */
function instanceOwned(builder: TableBuilder, keyColumn: string): TableBuilder {
  return builder
    .addColumn(keyColumn, 'text', (c) => c.notNull())
    .addColumn('instance_key', 'text', (c) => c.notNull())
    .addColumn('local_key', 'integer', (c) => c.notNull())
    .addColumn('element_id', 'text', (c) => c.notNull())
    .addColumn('element_instance_key', 'integer', (c) => c.notNull());
}
