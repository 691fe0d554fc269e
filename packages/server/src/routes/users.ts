import { UserError } from '@operon/runtime';
import type { UserRecord } from '@operon/store';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { hashPassword } from '../identity/password-hash';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery } from '../schemas/common';
import { grantsOf, RoleGrants, UserName } from '../schemas/identity';
import type { ServerContext } from '../server-context';

const UserParams = Type.Object({ username: Type.String({ minLength: 1 }) });
const Password = Type.String({ minLength: 8, maxLength: 1024 });

/** Users and their roles (administrators only). */
export function userRoutes(app: OperonApp, context: ServerContext): void {
  const { identity, tenantId } = context;
  const tags = ['users'];
  const access = { access: Permission.identityManage } as const;

  const userOf = async (username: string) => {
    const user = await identity.getUser(tenantId, username);
    if (!user) throw new UserError('USER_NOT_FOUND', undefined, { username });
    return user;
  };
  const userBody = async (user: UserRecord) => ({
    username: user.userName,
    displayName: user.displayName,
    groups: await identity.groupsOf(tenantId, user.userName),
    grants: await identity.grantsOf(tenantId, { kind: 'user', id: user.userName }),
    locked: user.lockedUntil !== undefined && user.lockedUntil > context.now(),
    createdAt: isoTime(user.createdAt),
    lastLoginAt: isoTime(user.lastLoginAt),
  });

  app.get(
    '/api/v1/users',
    { config: access, schema: { tags, summary: 'List users', querystring: Type.Object(PageQuery) } },
    async (request) => {
      const { limit, cursor } = request.query;
      const page = await identity.listUsers(tenantId, {
        limit: limit ?? 50,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return pageBody({ items: await Promise.all(page.items.map(userBody)), nextCursor: page.nextCursor });
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: access,
      schema: {
        tags,
        summary: 'Create a user',
        body: Type.Object(
          {
            username: UserName,
            password: Password,
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
            grants: Type.Optional(RoleGrants),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = principalOf(request).name;
      const { username, password, displayName, grants = [] } = request.body;
      const created = await identity.createUser({
        tenantId,
        userName: username,
        displayName,
        passwordHash: await hashPassword(password),
        now: context.now(),
      });
      if (!created) throw new UserError('USER_EXISTS', undefined, { username });
      await identity.setGrants(tenantId, { kind: 'user', id: username }, grantsOf(grants));
      await context.audit.record(actor, 'user.created', username, { grants: grantsOf(grants) });
      return reply.status(201).send(await userBody(await userOf(username)));
    },
  );

  app.get(
    '/api/v1/users/:username',
    { config: access, schema: { tags, summary: 'Get a user', params: UserParams } },
    async (request) => userBody(await userOf(request.params.username)),
  );

  app.put(
    '/api/v1/users/:username/roles',
    {
      config: access,
      schema: {
        tags,
        summary: "Replace a user's role grants",
        params: UserParams,
        body: Type.Object({ grants: RoleGrants }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const user = await userOf(request.params.username);
      const before = await identity.grantsOf(tenantId, { kind: 'user', id: user.userName });
      const grants = grantsOf(request.body.grants);
      await identity.setGrants(tenantId, { kind: 'user', id: user.userName }, grants);
      await context.audit.record(principalOf(request).name, 'user.roles-changed', user.userName, {
        before,
        after: grants,
      });
      return userBody(user);
    },
  );

  app.put(
    '/api/v1/users/:username/password',
    {
      config: access,
      schema: {
        tags,
        summary: "Set a user's password (also unlocks the account)",
        params: UserParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const user = await userOf(request.params.username);
      await identity.setPassword(tenantId, user.userName, await hashPassword(request.body.password));
      await context.audit.record(principalOf(request).name, 'user.password-set', user.userName);
      return reply.status(204).send();
    },
  );
}
