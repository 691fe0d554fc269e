import { sql, type Kysely, type Migration } from 'kysely';

/**
 * History as one row per committed step instead of one per event. A step of a three-task process
 * emits about seven events; writing them as one row (a JSON array) is a third of the cost of a step
 * on SQLite, measured by bench/profile (see the store README). The per-element counts the heatmap
 * needs, which were counted from the event rows, are kept as counters updated by each commit
 * (`element_statistics`), so reading them no longer scans the history.
 *
 * Counters are split into shards (each store instance writes its own), so that two nodes on one
 * PostgreSQL do not queue on the same counter rows; readers add the shards up.
 *
 * The rows of 0001's `history_events` move over, one step per event, and are counted.
 */
export const historyStepsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('history_steps')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('instance_key', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('history_steps_pk', ['tenant_id', 'instance_key', 'position'])
      .execute();
    await db.schema
      .createTable('element_statistics')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('definition_key', 'text', (c) => c.notNull())
      .addColumn('element_id', 'text', (c) => c.notNull())
      .addColumn('shard', 'integer', (c) => c.notNull())
      .addColumn('activated', 'bigint', (c) => c.notNull())
      .addColumn('completed', 'bigint', (c) => c.notNull())
      .addColumn('terminated', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('element_statistics_pk', ['tenant_id', 'definition_key', 'element_id', 'shard'])
      .execute();

    await sql`insert into history_steps (tenant_id, instance_key, position, event_count, payload, at)
      select tenant_id, instance_key, position, 1, '[' || payload || ']', at from history_events`.execute(db);
    await sql`insert into element_statistics
        (tenant_id, definition_key, element_id, shard, activated, completed, terminated)
      select h.tenant_id, i.definition_key, h.element_id, 0,
        sum(case when h.type = 'element-activating' then 1 else 0 end),
        sum(case when h.type = 'element-completed' then 1 else 0 end),
        sum(case when h.type = 'element-terminated' then 1 else 0 end)
      from history_events h
      join process_instances i on i.tenant_id = h.tenant_id and i.instance_key = h.instance_key
      where h.element_id is not null
        and h.type in ('element-activating', 'element-completed', 'element-terminated')
      group by h.tenant_id, i.definition_key, h.element_id`.execute(db);
    await db.schema.dropTable('history_events').execute();
  },
};
