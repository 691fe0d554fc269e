import { UserError } from '@operon/runtime';
import type { UserTaskFilter, UserTaskRecord } from '@operon/store';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { allows, processScope, requireProcess, type Principal } from '../identity/principal';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery, TaskKeyParams, Variables } from '../schemas/common';
import type { ServerContext } from '../server-context';
import { findForm } from './task-form';

const ListQuery = Type.Object({
  view: Type.Optional(
    Type.Union([Type.Literal('mine'), Type.Literal('candidate'), Type.Literal('unassigned'), Type.Literal('all')], {
      description:
        'mine: assigned to me; candidate: my groups may claim; unassigned; all (task managers). Default mine.',
    }),
  ),
  state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')])),
  processId: Type.Optional(Type.String()),
  instanceKey: Type.Optional(Type.String()),
  sort: Type.Optional(Type.Union([Type.Literal('dueDate'), Type.Literal('priority'), Type.Literal('createdAt')])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  ...PageQuery,
});

/**
 * The task inbox. A task user sees the tasks assigned to them, offered to them or their groups,
 * and tasks offered to nobody; claims before completing. Task managers (operator, admin) see and assign all.
 */
export function userTaskRoutes(app: OperonApp, context: ServerContext): void {
  const { runtime, tenantId } = context;
  const tags = ['user tasks'];
  const access = { access: Permission.tasksWork } as const;

  const taskFor = async (principal: Principal, taskKey: string): Promise<UserTaskRecord> => {
    const task = await runtime.store.getUserTask(tenantId, taskKey);
    if (!task || !maySee(principal, task)) throw new UserError('USER_TASK_NOT_FOUND', undefined, { taskKey });
    requireProcess(principal, Permission.tasksWork, task.processId);
    return task;
  };
  const open = (task: UserTaskRecord) => {
    if (task.state !== 'open') throw new UserError('USER_TASK_NOT_FOUND', undefined, { taskKey: task.taskKey });
  };
  const assign = async (task: UserTaskRecord, assignee: string | undefined, expected: string | null | undefined) => {
    if (!(await runtime.store.assignUserTask(tenantId, task.taskKey, assignee, expected))) {
      const now = await runtime.store.getUserTask(tenantId, task.taskKey);
      if (now?.state !== 'open') throw new UserError('USER_TASK_NOT_FOUND', undefined, { taskKey: task.taskKey });
      throw new UserError('TASK_ALREADY_CLAIMED', undefined, { taskKey: task.taskKey, assignee: now.assignee });
    }
    return taskBody((await runtime.store.getUserTask(tenantId, task.taskKey)) ?? task);
  };

  app.get(
    '/api/v1/user-tasks',
    { config: access, schema: { tags, summary: 'List tasks (my inbox by default)', querystring: ListQuery } },
    async (request) => {
      const principal = principalOf(request);
      const { view = 'mine', limit, cursor, ...rest } = request.query;
      const manager = allows(principal, Permission.tasksManage);
      if (view === 'all' && !manager) throw new UserError('FORBIDDEN', 'view=all needs the operator role.');
      const filter: Omit<UserTaskFilter, 'tenantId'> = {
        state: rest.state ?? 'open',
        ...(rest.processId === undefined ? {} : { processId: rest.processId }),
        ...(rest.instanceKey === undefined ? {} : { instanceKey: rest.instanceKey }),
        ...(rest.sort === undefined ? {} : { sort: rest.sort }),
        ...(rest.order === undefined ? {} : { order: rest.order }),
        ...(view === 'mine' ? { assignee: principal.name } : {}),
        ...(view === 'candidate' ? { candidateGroups: principal.groups } : {}),
        ...(view === 'unassigned' ? { unassigned: true } : {}),
      };
      const page = await runtime.queryUserTasks(filter, {
        limit: limit ?? 50,
        ...(cursor === undefined ? {} : { cursor }),
      });
      const scope = processScope(principal, Permission.tasksWork);
      const items = page.items
        .filter((task) => maySee(principal, task) && (scope === undefined || scope.has(task.processId)))
        .map(taskBody);
      return pageBody({ items, nextCursor: page.nextCursor });
    },
  );

  app.get(
    '/api/v1/user-tasks/:taskKey',
    { config: access, schema: { tags, summary: 'Get a task', params: TaskKeyParams } },
    async (request) => taskBody(await taskFor(principalOf(request), request.params.taskKey)),
  );

  app.post(
    '/api/v1/user-tasks/:taskKey/claim',
    { config: access, schema: { tags, summary: 'Claim an unassigned task', params: TaskKeyParams } },
    async (request) => {
      const principal = principalOf(request);
      const task = await taskFor(principal, request.params.taskKey);
      open(task);
      if (task.assignee === principal.name) return taskBody(task);
      return assign(task, principal.name, null);
    },
  );

  app.post(
    '/api/v1/user-tasks/:taskKey/unclaim',
    { config: access, schema: { tags, summary: 'Give a claimed task back', params: TaskKeyParams } },
    async (request) => {
      const principal = principalOf(request);
      const task = await taskFor(principal, request.params.taskKey);
      open(task);
      const manager = allows(principal, Permission.tasksManage, task.processId);
      if (!manager && task.assignee !== principal.name) throw new UserError('TASK_NOT_ASSIGNED_TO_YOU');
      return assign(task, undefined, manager ? undefined : principal.name);
    },
  );

  app.post(
    '/api/v1/user-tasks/:taskKey/assign',
    {
      config: { access: Permission.tasksManage },
      schema: {
        tags,
        summary: 'Assign a task to someone (or to nobody, with null)',
        params: TaskKeyParams,
        body: Type.Object(
          { assignee: Type.Union([Type.String({ minLength: 1 }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const task = await taskFor(principal, request.params.taskKey);
      open(task);
      requireProcess(principal, Permission.tasksManage, task.processId);
      const body = await assign(task, request.body.assignee ?? undefined, undefined);
      await context.audit.record(principal.name, 'task.assigned', task.taskKey, { assignee: request.body.assignee });
      return body;
    },
  );

  app.post(
    '/api/v1/user-tasks/:taskKey/complete',
    {
      config: access,
      schema: {
        tags,
        summary: 'Complete a task you have claimed, with variables',
        params: TaskKeyParams,
        body: Type.Object({ variables: Type.Optional(Variables) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const task = await taskFor(principal, request.params.taskKey);
      open(task);
      if (task.assignee !== principal.name && !allows(principal, Permission.tasksManage, task.processId)) {
        throw new UserError('TASK_NOT_ASSIGNED_TO_YOU', undefined, { taskKey: task.taskKey, assignee: task.assignee });
      }
      const outcome = await runtime.completeUserTask(task.taskKey, request.body.variables ?? {});
      return { taskKey: task.taskKey, instanceKey: outcome.instanceKey, status: outcome.state.status };
    },
  );

  app.get(
    '/api/v1/user-tasks/:taskKey/form',
    {
      config: access,
      schema: { tags, summary: "The task's form (form-js JSON), from zeebe:formDefinition", params: TaskKeyParams },
    },
    async (request) => {
      const task = await taskFor(principalOf(request), request.params.taskKey);
      if (task.formId === undefined) throw new UserError('FORM_NOT_FOUND', undefined, { taskKey: task.taskKey });
      const form = await findForm(runtime.store, tenantId, task.formId);
      if (form === undefined) throw new UserError('FORM_NOT_FOUND', undefined, { formId: task.formId });
      return { formId: task.formId, schema: form, variables: task.variables };
    },
  );
}

/**
 * Whether a principal may see a task: managers all; others the tasks assigned to them, offered to
 * them or their groups (also when a colleague has claimed it), and unassigned tasks offered to nobody.
 */
function maySee(principal: Principal, task: UserTaskRecord): boolean {
  if (allows(principal, Permission.tasksManage, task.processId)) return true;
  if (task.assignee === principal.name) return true;
  if (task.candidateUsers.includes(principal.name)) return true;
  if (task.candidateGroups.some((group) => principal.groups.includes(group))) return true;
  const offered = task.candidateGroups.length > 0 || task.candidateUsers.length > 0;
  return !offered && task.assignee === undefined;
}

function taskBody(task: UserTaskRecord) {
  const { tenantId: _tenantId, createdAt, completedAt, ...rest } = task;
  return { ...rest, createdAt: isoTime(createdAt), completedAt: isoTime(completedAt) };
}
