import { parseEntityKey, UserError } from '@operon/runtime';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { processScope, requireProcess } from '../identity/principal';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery } from '../schemas/common';
import type { ServerContext } from '../server-context';

/** Incidents: failures inside a process, waiting for someone to fix the cause and resolve them. */
export function incidentRoutes(app: OperonApp, context: ServerContext): void {
  const { runtime } = context;
  const tags = ['incidents'];

  app.get(
    '/api/v1/incidents',
    {
      config: { access: Permission.incidentsRead },
      schema: {
        tags,
        summary: 'List incidents',
        querystring: Type.Object({
          instanceKey: Type.Optional(Type.String()),
          state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
          ...PageQuery,
        }),
      },
    },
    async (request) => {
      const { instanceKey, state, limit, cursor } = request.query;
      const scope = processScope(principalOf(request), Permission.incidentsRead);
      const page = await runtime.queryIncidents(
        { ...(instanceKey === undefined ? {} : { instanceKey }), ...(state === undefined ? {} : { state }) },
        { limit: limit ?? 50, ...(cursor === undefined ? {} : { cursor }) },
      );
      const processes =
        scope &&
        (await processIdsOf(
          context,
          page.items.map((item) => item.instanceKey),
        ));
      const items = page.items
        .filter((item) => scope === undefined || scope.has(processes?.get(item.instanceKey) ?? ''))
        .map(({ tenantId: _tenantId, createdAt, resolvedAt, ...rest }) => ({
          ...rest,
          createdAt: isoTime(createdAt),
          resolvedAt: isoTime(resolvedAt),
        }));
      return pageBody({ items, nextCursor: page.nextCursor });
    },
  );

  app.post(
    '/api/v1/incidents/:incidentKey/resolve',
    {
      config: { access: Permission.incidentsWrite },
      schema: {
        tags,
        summary: 'Resolve an incident (after fixing its cause); a job incident gets `retries` again (default 1)',
        params: Type.Object({ incidentKey: Type.String({ minLength: 1 }) }),
        body: Type.Object({ retries: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { incidentKey } = request.params;
      const parsed = parseEntityKey(incidentKey);
      if (!parsed) throw new UserError('INCIDENT_NOT_FOUND', undefined, { incidentKey });
      const { summary } = await runtime.getInstance(parsed.instanceKey).catch((error: unknown) => {
        throw error instanceof UserError ? new UserError('INCIDENT_NOT_FOUND', undefined, { incidentKey }) : error;
      });
      requireProcess(principal, Permission.incidentsWrite, summary.processId);
      const outcome = await runtime.resolveIncident(incidentKey, request.body.retries);
      await context.audit.record(principal.name, 'incident.resolved', incidentKey);
      return { incidentKey, instanceKey: outcome.instanceKey, status: outcome.state.status };
    },
  );
}

async function processIdsOf(context: ServerContext, instanceKeys: readonly string[]): Promise<Map<string, string>> {
  const entries = await Promise.all(
    [...new Set(instanceKeys)].map(async (instanceKey) => {
      const { items } = await context.runtime.queryInstances({ instanceKey }, { limit: 1 });
      return [instanceKey, items[0]?.processId ?? ''] as const;
    }),
  );
  return new Map(entries);
}
