import { UserError } from '@operon/runtime';
import type { ApiTokenRecord } from '@operon/store';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { Permission } from '../identity/roles';
import { digest, newApiToken } from '../identity/secret-token';
import type { OperonApp } from '../operon-app';
import { isoTime } from '../schemas/common';
import { grantsOf, RoleGrants } from '../schemas/identity';
import type { ServerContext } from '../server-context';

/** API tokens for machines and workers: shown once, stored as a digest, with role grants and an expiry. */
export function tokenRoutes(app: OperonApp, context: ServerContext): void {
  const { identity, tenantId } = context;
  const tags = ['api tokens'];
  const access = { access: Permission.identityManage } as const;

  app.get(
    '/api/v1/tokens',
    { config: access, schema: { tags, summary: 'List API tokens (never their secrets)' } },
    async () => ({
      items: (await identity.listTokens(tenantId)).map(tokenBody),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: access,
      schema: {
        tags,
        summary: 'Issue an API token; the response is the only time its secret is shown',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            grants: RoleGrants,
            owner: Type.Optional(Type.String({ minLength: 1, description: 'The user it acts for; default you.' })),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Default: never.' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = principalOf(request).name;
      const { name, grants, owner = actor, expiresInDays } = request.body;
      if (!(await identity.getUser(tenantId, owner)))
        throw new UserError('USER_NOT_FOUND', undefined, { username: owner });
      const { tokenId, secret, token } = newApiToken();
      const now = context.now();
      const record: ApiTokenRecord = {
        tenantId,
        tokenId,
        secretHash: digest(secret),
        name,
        owner,
        grants: grantsOf(grants),
        createdAt: now,
        expiresAt: expiresInDays === undefined ? undefined : now + expiresInDays * 86_400_000,
        revokedAt: undefined,
      };
      await identity.createToken(record);
      await context.audit.record(actor, 'token.issued', tokenId, { name, owner, grants: record.grants });
      return reply.status(201).send({ ...tokenBody(record), token });
    },
  );

  app.delete(
    '/api/v1/tokens/:tokenId',
    {
      config: access,
      schema: { tags, summary: 'Revoke an API token', params: Type.Object({ tokenId: Type.String({ minLength: 1 }) }) },
    },
    async (request, reply) => {
      const { tokenId } = request.params;
      if (!(await identity.revokeToken(tenantId, tokenId, context.now()))) {
        throw new UserError('TOKEN_NOT_FOUND', undefined, { tokenId });
      }
      await context.audit.record(principalOf(request).name, 'token.revoked', tokenId);
      return reply.status(204).send();
    },
  );
}

function tokenBody(token: ApiTokenRecord) {
  return {
    tokenId: token.tokenId,
    name: token.name,
    owner: token.owner,
    grants: token.grants,
    createdAt: isoTime(token.createdAt),
    expiresAt: isoTime(token.expiresAt),
    revokedAt: isoTime(token.revokedAt),
  };
}
