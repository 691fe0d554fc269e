import type { EngineEventOfType } from '@operon/engine';
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import { fromJson, fromNullable, toJson } from './column-values';
import type { OperonDatabase, UserTasksTable } from './operon-database';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';
import type { ProjectionStep } from './projection-step';
import type { Page, PageRequest, UserTaskFilter, UserTaskRecord } from './store';

/**
 * The task inbox: a row per user task, kept after it ends (state completed or cancelled) for
 * history. Candidate groups and users also go into `user_task_candidates`, one row each, so that
 * "tasks any of my groups may claim" is the same indexed query on both dialects.
 */

/** Sorts tasks without a due date after those with one, on both dialects (whose NULL orders differ). */
const NO_DUE_DATE = 8_640_000_000_000_000;

export async function userTaskCreated(
  step: ProjectionStep,
  { userTask: task }: EngineEventOfType<'user-task-created'>,
): Promise<void> {
  const taskKey = step.key(task.key);
  const dueAt = task.dueDate === undefined ? Number.NaN : Date.parse(task.dueDate);
  await step.trx
    .insertInto('user_tasks')
    .values({
      tenant_id: step.tenantId,
      task_key: taskKey,
      instance_key: step.instanceKey,
      local_key: task.key,
      process_id: step.write.processId,
      definition_key: step.write.definitionKey,
      element_id: task.elementId,
      element_instance_key: task.elementInstanceKey,
      name: task.name ?? null,
      assignee: task.assignee ?? null,
      candidate_groups: toJson(task.candidateGroups),
      candidate_users: toJson(task.candidateUsers),
      due_date: task.dueDate ?? null,
      due_at: Number.isNaN(dueAt) ? null : dueAt,
      follow_up_date: task.followUpDate ?? null,
      priority: task.priority,
      form_id: task.formId ?? null,
      form_key: task.formKey ?? null,
      headers: toJson(task.headers),
      state: 'open',
      variables: toJson(step.taskOpening(task.key)?.variables ?? {}),
      created_at: step.now,
      completed_at: null,
    })
    .execute();
  const candidates = [
    ...[...new Set(task.candidateGroups)].map((name) => ({ kind: 'group' as const, name })),
    ...[...new Set(task.candidateUsers)].map((name) => ({ kind: 'user' as const, name })),
  ].map((candidate) => ({ tenant_id: step.tenantId, task_key: taskKey, ...candidate }));
  if (candidates.length > 0) await step.trx.insertInto('user_task_candidates').values(candidates).execute();
}

export async function userTaskEnded(
  step: ProjectionStep,
  userTaskKey: number,
  state: 'completed' | 'cancelled',
): Promise<void> {
  await step.trx
    .updateTable('user_tasks')
    .set({ state, completed_at: step.now })
    .where('tenant_id', '=', step.tenantId)
    .where('task_key', '=', step.key(userTaskKey))
    .execute();
}

export async function queryUserTasks(
  db: Kysely<OperonDatabase>,
  filter: UserTaskFilter,
  page: PageRequest,
): Promise<Page<UserTaskRecord>> {
  const limit = pageLimit(page);
  const sort = filter.sort ?? 'createdAt';
  const order = filter.order ?? 'asc';
  const query = `user-tasks-${sort}-${order}`;
  const cursor = decodeCursor(query, ['number', 'string'], page.cursor);
  const sortColumn: RawBuilder<number> = {
    dueDate: sql<number>`coalesce(t.due_at, ${NO_DUE_DATE})`,
    priority: sql.ref<number>('t.priority'),
    createdAt: sql.ref<number>('t.created_at'),
  }[sort];
  const { candidateGroups, candidateUser } = filter;
  const rows = await db
    .selectFrom('user_tasks as t')
    .selectAll()
    .select(sortColumn.as('sort_value'))
    .where('t.tenant_id', '=', filter.tenantId)
    .$if(filter.state !== undefined, (q) => q.where('t.state', '=', filter.state ?? ''))
    .$if(filter.assignee !== undefined, (q) => q.where('t.assignee', '=', filter.assignee ?? ''))
    .$if(filter.unassigned === true, (q) => q.where('t.assignee', 'is', null))
    .$if(filter.instanceKey !== undefined, (q) => q.where('t.instance_key', '=', filter.instanceKey ?? ''))
    .$if(filter.processId !== undefined, (q) => q.where('t.process_id', '=', filter.processId ?? ''))
    .$if(candidateGroups !== undefined, (q) =>
      candidateGroups?.length
        ? q.where((eb) => hasCandidate(eb, 'group', candidateGroups))
        : q.where(sql<boolean>`1 = 0`),
    )
    .$if(candidateUser !== undefined, (q) => q.where((eb) => hasCandidate(eb, 'user', [candidateUser ?? ''])))
    .$if(cursor !== undefined, (q) => q.where(after(sortColumn, sql.ref('t.task_key'), cursor ?? [], order)))
    .orderBy(sortColumn, order)
    .orderBy('t.task_key', order)
    .limit(limit + 1)
    .execute();
  return toPage(query, rows, limit, userTaskOf, (row) => [row.sort_value, row.task_key]);
}

/** The task (aliased `t`) has one of these candidate groups or users. */
function hasCandidate(
  eb: ExpressionBuilder<OperonDatabase & { t: UserTasksTable }, 't'>,
  kind: 'group' | 'user',
  names: readonly string[],
): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('user_task_candidates as c')
      .select('c.name')
      .whereRef('c.tenant_id', '=', 't.tenant_id')
      .whereRef('c.task_key', '=', 't.task_key')
      .where('c.kind', '=', kind)
      .where('c.name', 'in', names),
  );
}

export async function getUserTask(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  taskKey: string,
): Promise<UserTaskRecord | undefined> {
  const row = await db
    .selectFrom('user_tasks')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('task_key', '=', taskKey)
    .executeTakeFirst();
  return row && userTaskOf(row);
}

/** Changes the assignee of an open task; with `expectedAssignee`, only if it is still that (null: unassigned). */
export async function assignUserTask(
  db: Kysely<OperonDatabase>,
  tenantId: string,
  taskKey: string,
  assignee: string | undefined,
  expectedAssignee?: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('user_tasks')
    .set({ assignee: assignee ?? null })
    .where('tenant_id', '=', tenantId)
    .where('task_key', '=', taskKey)
    .where('state', '=', 'open')
    .$if(expectedAssignee === null, (q) => q.where('assignee', 'is', null))
    .$if(typeof expectedAssignee === 'string', (q) => q.where('assignee', '=', expectedAssignee ?? ''))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function userTaskOf(row: Selectable<UserTasksTable>): UserTaskRecord {
  return {
    tenantId: row.tenant_id,
    taskKey: row.task_key,
    instanceKey: row.instance_key,
    localKey: row.local_key,
    processId: row.process_id,
    definitionKey: row.definition_key,
    elementId: row.element_id,
    name: fromNullable(row.name),
    assignee: fromNullable(row.assignee),
    candidateGroups: fromJson(row.candidate_groups) as string[],
    candidateUsers: fromJson(row.candidate_users) as string[],
    dueDate: fromNullable(row.due_date),
    followUpDate: fromNullable(row.follow_up_date),
    priority: row.priority,
    formId: fromNullable(row.form_id),
    formKey: fromNullable(row.form_key),
    headers: fromJson(row.headers) as UserTaskRecord['headers'],
    state: row.state as UserTaskRecord['state'],
    variables: fromJson(row.variables) as UserTaskRecord['variables'],
    createdAt: row.created_at,
    completedAt: fromNullable(row.completed_at),
  };
}
