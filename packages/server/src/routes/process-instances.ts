import type { InstanceState } from '@operon/engine';
import { UserError } from '@operon/runtime';
import type { InstanceFilter, InstanceSummary } from '@operon/store';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { processScope, requireProcess, type Principal } from '../identity/principal';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery, Variables } from '../schemas/common';
import type { ServerContext } from '../server-context';

const InstanceParams = Type.Object({ instanceKey: Type.String({ minLength: 1 }) });

const StartBody = Type.Object(
  {
    processId: Type.String({ minLength: 1 }),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the latest version.' })),
    variables: Type.Optional(Variables),
    businessKey: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const SearchQuery = Type.Object({
  processId: Type.Optional(Type.String()),
  definitionKey: Type.Optional(Type.String()),
  status: Type.Optional(Type.Union(['active', 'completed', 'terminated', 'incident'].map((s) => Type.Literal(s)))),
  businessKey: Type.Optional(Type.String()),
  variableName: Type.Optional(Type.String({ description: 'Instances with this variable…' })),
  variableValue: Type.Optional(Type.String({ description: '…of this value, as JSON: "42", "\\"gold\\"", "true".' })),
  startedAfter: Type.Optional(Type.String({ format: 'date-time' })),
  startedBefore: Type.Optional(Type.String({ format: 'date-time' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  ...PageQuery,
});

/** Process instances: start, search, inspect, cancel, change variables. */
export function processInstanceRoutes(app: OperonApp, context: ServerContext): void {
  const { runtime } = context;
  const tags = ['process instances'];

  const instanceFor = async (principal: Principal, instanceKey: string, permission: Permission) => {
    const details = await runtime.getInstance(instanceKey);
    requireProcess(principal, permission, details.summary.processId);
    return details;
  };

  app.post(
    '/api/v1/process-instances',
    { config: { access: Permission.instancesWrite }, schema: { tags, summary: 'Start an instance', body: StartBody } },
    async (request, reply) => {
      const principal = principalOf(request);
      requireProcess(principal, Permission.instancesWrite, request.body.processId);
      const started = await runtime.startInstance(request.body);
      return reply.status(201).send(started);
    },
  );

  app.get(
    '/api/v1/process-instances',
    {
      config: { access: Permission.instancesRead },
      schema: {
        tags,
        summary: 'Search instances (newest last; order=desc for newest first)',
        querystring: SearchQuery,
      },
    },
    async (request) => {
      const query = request.query;
      const scope = processScope(principalOf(request), Permission.instancesRead);
      const filter: Omit<InstanceFilter, 'tenantId'> = {
        ...(query.processId === undefined ? {} : { processId: query.processId }),
        ...(query.definitionKey === undefined ? {} : { definitionKey: query.definitionKey }),
        ...(query.status === undefined ? {} : { status: query.status as InstanceFilter['status'] & string }),
        ...(query.businessKey === undefined ? {} : { businessKey: query.businessKey }),
        ...(query.variableName === undefined
          ? {}
          : { variable: { name: query.variableName, ...variableValue(query.variableValue) } }),
        ...(query.startedAfter === undefined ? {} : { startedAfter: time('startedAfter', query.startedAfter) }),
        ...(query.startedBefore === undefined ? {} : { startedBefore: time('startedBefore', query.startedBefore) }),
        ...(query.order === undefined ? {} : { order: query.order }),
      };
      const page = await runtime.queryInstances(filter, {
        limit: query.limit ?? 50,
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      });
      const items = page.items.filter((item) => scope === undefined || scope.has(item.processId)).map(summaryBody);
      return pageBody({ items, nextCursor: page.nextCursor });
    },
  );

  app.get(
    '/api/v1/process-instances/:instanceKey',
    {
      config: { access: Permission.instancesRead },
      schema: {
        tags,
        summary: 'Get an instance: state, active elements, variables, incidents',
        params: InstanceParams,
      },
    },
    async (request) => {
      const { summary, state } = await instanceFor(
        principalOf(request),
        request.params.instanceKey,
        Permission.instancesRead,
      );
      return { ...summaryBody(summary), ...stateBody(state) };
    },
  );

  app.get(
    '/api/v1/process-instances/:instanceKey/history',
    {
      config: { access: Permission.instancesRead },
      schema: {
        tags,
        summary: "The instance's events, oldest first",
        params: InstanceParams,
        querystring: Type.Object(PageQuery),
      },
    },
    async (request) => {
      const { instanceKey } = request.params;
      await instanceFor(principalOf(request), instanceKey, Permission.instancesRead);
      const { limit, cursor } = request.query;
      const page = await runtime.history(instanceKey, {
        limit: limit ?? 100,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return pageBody({
        items: page.items.map((item) => ({ ...item, at: isoTime(item.at) })),
        nextCursor: page.nextCursor,
      });
    },
  );

  app.post(
    '/api/v1/process-instances/:instanceKey/cancel',
    {
      config: { access: Permission.instancesWrite },
      schema: { tags, summary: 'Cancel an active instance', params: InstanceParams },
    },
    async (request) => {
      const principal = principalOf(request);
      const { instanceKey } = request.params;
      await instanceFor(principal, instanceKey, Permission.instancesWrite);
      const outcome = await runtime.cancelInstance(instanceKey);
      await context.audit.record(principal.name, 'instance.cancelled', instanceKey);
      return { instanceKey, status: outcome.state.status };
    },
  );

  app.post(
    '/api/v1/process-instances/:instanceKey/variables',
    {
      config: { access: Permission.instancesWrite },
      schema: {
        tags,
        summary: 'Set variables (in the process scope, or in an element scope)',
        params: InstanceParams,
        body: Type.Object(
          {
            variables: Variables,
            scopeKey: Type.Optional(Type.Integer({ minimum: 0 })),
            local: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { instanceKey } = request.params;
      await instanceFor(principal, instanceKey, Permission.instancesWrite);
      const { variables, scopeKey, local } = request.body;
      const outcome = await runtime.setVariables(instanceKey, variables, {
        ...(scopeKey === undefined ? {} : { scopeKey }),
        ...(local === undefined ? {} : { local }),
      });
      await context.audit.record(principal.name, 'instance.variables-set', instanceKey, {
        names: Object.keys(variables),
      });
      return {
        instanceKey,
        status: outcome.state.status,
        variables: outcome.state.variables[outcome.state.rootKey] ?? {},
      };
    },
  );
}

function variableValue(text: string | undefined): { value?: unknown } {
  if (text === undefined) return {};
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    throw new UserError('VALIDATION_FAILED', 'querystring.variableValue: must be JSON, such as 42 or "gold".', {
      field: 'querystring.variableValue',
    });
  }
}

function time(field: string, text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new UserError('VALIDATION_FAILED', `querystring.${field}: must be an ISO date-time.`, {
      field: `querystring.${field}`,
    });
  }
  return ms;
}

export function summaryBody(summary: InstanceSummary) {
  const { tenantId: _tenantId, startedAt, endedAt, ...rest } = summary;
  return { ...rest, startedAt: isoTime(startedAt), endedAt: isoTime(endedAt) };
}

function stateBody(state: InstanceState) {
  return {
    activeElements: Object.values(state.elements)
      .filter((element) => element.key !== state.rootKey)
      .map((element) => ({
        elementInstanceKey: element.key,
        elementId: element.elementId,
        phase: element.phase,
        scopeKey: element.scopeKey,
      })),
    variables: state.variables[state.rootKey] ?? {},
    scopes: state.variables,
    incidents: Object.values(state.incidents).map((incident) => ({
      ...incident,
      incidentKey: `${state.instanceKey}.${incident.key}`,
    })),
    jobs: Object.values(state.jobs).map((job) => ({ ...job, jobKey: `${state.instanceKey}.${job.key}` })),
    userTasks: Object.values(state.userTasks).map((task) => ({ ...task, taskKey: `${state.instanceKey}.${task.key}` })),
  };
}
