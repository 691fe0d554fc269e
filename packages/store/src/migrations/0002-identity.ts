import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

type TableBuilder = CreateTableBuilder<string, string>;

/**
 * Identities for the server: users, groups and their members, role grants (optionally narrowed to
 * one process definition), API tokens, sessions, and the audit trail. Secrets are stored hashed.
 */
export const identitySchema: Migration = {
  async up(db: Kysely<unknown>) {
    const table = (name: string): TableBuilder =>
      db.schema.createTable(name).addColumn('tenant_id', 'text', (c) => c.notNull());

    await table('users')
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_login_at', 'bigint')
      .addPrimaryKeyConstraint('users_pk', ['tenant_id', 'user_name'])
      .execute();

    await table('user_groups')
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_groups_pk', ['tenant_id', 'group_id'])
      .execute();

    await table('group_members')
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('group_members_pk', ['tenant_id', 'group_id', 'user_name'])
      .execute();
    await db.schema
      .createIndex('group_members_by_user')
      .on('group_members')
      .columns(['tenant_id', 'user_name'])
      .execute();

    await table('role_grants')
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('role_grants_pk', ['tenant_id', 'subject_kind', 'subject_id', 'role', 'process_id'])
      .execute();

    await table('api_tokens')
      .addColumn('token_id', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('grants', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .addPrimaryKeyConstraint('api_tokens_pk', ['tenant_id', 'token_id'])
      .execute();
    await db.schema.createIndex('api_tokens_by_id').on('api_tokens').column('token_id').unique().execute();

    await table('sessions')
      .addColumn('session_hash', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sessions_pk', ['tenant_id', 'session_hash'])
      .execute();
    await db.schema.createIndex('sessions_by_hash').on('sessions').column('session_hash').unique().execute();

    await table('audit_events')
      .addColumn('audit_key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_events_pk', ['tenant_id', 'audit_key'])
      .execute();
    await db.schema
      .createIndex('audit_events_by_time')
      .on('audit_events')
      .columns(['tenant_id', 'at', 'audit_key'])
      .execute();
  },
};
