import { Type } from '@sinclair/typebox';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery } from '../schemas/common';
import type { ServerContext } from '../server-context';

/** The audit trail: logins, role changes, tokens issued, deployments, cancellations (auditors). */
export function auditEventRoutes(app: OperonApp, context: ServerContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      config: { access: Permission.auditRead },
      schema: {
        tags: ['audit'],
        summary: 'Audit events, oldest first',
        querystring: Type.Object({
          action: Type.Optional(Type.String({ description: 'e.g. login.failed, user.roles-changed, token.issued' })),
          actor: Type.Optional(Type.String()),
          after: Type.Optional(Type.String({ format: 'date-time' })),
          before: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
      },
    },
    async (request) => {
      const { action, actor, after, before, limit, cursor } = request.query;
      const page = await context.identity.queryAudit(
        {
          tenantId: context.tenantId,
          ...(action === undefined ? {} : { action }),
          ...(actor === undefined ? {} : { actor }),
          ...(after === undefined ? {} : { after: Date.parse(after) }),
          ...(before === undefined ? {} : { before: Date.parse(before) }),
        },
        { limit: limit ?? 100, ...(cursor === undefined ? {} : { cursor }) },
      );
      return pageBody({
        items: page.items.map(({ tenantId: _tenantId, at, ...rest }) => ({ ...rest, at: isoTime(at) })),
        nextCursor: page.nextCursor,
      });
    },
  );
}
