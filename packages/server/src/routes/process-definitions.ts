import { UserError } from '@operon/runtime';
import type { DefinitionRecord } from '@operon/store';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { processScope, requireProcess } from '../identity/principal';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery } from '../schemas/common';
import type { ServerContext } from '../server-context';

const DefinitionParams = Type.Object({ definitionKey: Type.String({ description: 'e.g. order-fulfilment:1' }) });

/** Deployed process definitions: every version, the XML, statistics per element. */
export function processDefinitionRoutes(app: OperonApp, context: ServerContext): void {
  const { runtime, tenantId } = context;
  const access = { access: Permission.definitionsRead } as const;

  const definitionOf = async (definitionKey: string, principal: ReturnType<typeof principalOf>) => {
    const record = await runtime.store.getDefinition(tenantId, definitionKey);
    if (!record) throw new UserError('DEFINITION_NOT_FOUND', undefined, { definitionKey });
    requireProcess(principal, Permission.definitionsRead, record.processId);
    return record;
  };

  app.get(
    '/api/v1/process-definitions',
    {
      config: access,
      schema: {
        tags: ['process definitions'],
        summary: 'List process definitions (every version)',
        querystring: Type.Object({ processId: Type.Optional(Type.String()), ...PageQuery }),
      },
    },
    async (request) => {
      const { processId, limit, cursor } = request.query;
      const scope = processScope(principalOf(request), Permission.definitionsRead);
      const page = await runtime.store.listDefinitions(tenantId, processId === undefined ? {} : { processId }, {
        limit: limit ?? 50,
        ...(cursor === undefined ? {} : { cursor }),
      });
      const items = page.items.filter((item) => scope === undefined || scope.has(item.processId)).map(definitionBody);
      return pageBody({ items, nextCursor: page.nextCursor });
    },
  );

  app.get(
    '/api/v1/process-definitions/:definitionKey',
    {
      config: access,
      schema: { tags: ['process definitions'], summary: 'Get a definition', params: DefinitionParams },
    },
    async (request) => definitionBody(await definitionOf(request.params.definitionKey, principalOf(request))),
  );

  app.get(
    '/api/v1/process-definitions/:definitionKey/xml',
    {
      config: access,
      schema: { tags: ['process definitions'], summary: 'Get the BPMN XML of a definition', params: DefinitionParams },
    },
    async (request, reply) => {
      const record = await definitionOf(request.params.definitionKey, principalOf(request));
      const resource = await runtime.store.getResource(tenantId, record.deploymentKey, record.resourceName);
      if (!resource) throw new UserError('DEPLOYMENT_NOT_FOUND', undefined, { name: record.resourceName });
      return reply.type('application/xml').send(resource.content);
    },
  );

  app.get(
    '/api/v1/process-definitions/:definitionKey/statistics',
    {
      config: access,
      schema: {
        tags: ['process definitions'],
        summary:
          'Per element: active, completed, terminated and open-incident counts, and the average time from activation to completion (for heatmaps)',
        params: DefinitionParams,
      },
    },
    async (request) => {
      const record = await definitionOf(request.params.definitionKey, principalOf(request));
      return { items: await runtime.store.elementStatistics(tenantId, record.definitionKey) };
    },
  );
}

function definitionBody(record: DefinitionRecord) {
  const { tenantId: _tenantId, createdAt, ...rest } = record;
  return { ...rest, createdAt: isoTime(createdAt) };
}
