import { UserError } from '@operon/runtime';
import type { GroupRecord } from '@operon/store';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime } from '../schemas/common';
import { grantsOf, RoleGrants, UserName } from '../schemas/identity';
import type { ServerContext } from '../server-context';

const GroupParams = Type.Object({ groupId: Type.String({ minLength: 1 }) });
const MemberParams = Type.Object({ groupId: Type.String({ minLength: 1 }), username: Type.String({ minLength: 1 }) });

/** Groups: candidate groups of user tasks, and a way to give roles to many users at once. */
export function groupRoutes(app: OperonApp, context: ServerContext): void {
  const { identity, tenantId } = context;
  const tags = ['groups'];
  const access = { access: Permission.identityManage } as const;

  const groupOf = async (groupId: string) => {
    const group = await identity.getGroup(tenantId, groupId);
    if (!group) throw new UserError('GROUP_NOT_FOUND', undefined, { groupId });
    return group;
  };
  const groupBody = async (group: GroupRecord) => ({
    ...group,
    grants: await identity.grantsOf(tenantId, { kind: 'group', id: group.groupId }),
    createdAt: isoTime(group.createdAt),
  });

  app.get('/api/v1/groups', { config: access, schema: { tags, summary: 'List groups' } }, async () => ({
    items: await Promise.all((await identity.listGroups(tenantId)).map(groupBody)),
  }));

  app.post(
    '/api/v1/groups',
    {
      config: access,
      schema: {
        tags,
        summary: 'Create a group',
        body: Type.Object(
          {
            groupId: UserName,
            name: Type.Optional(Type.String({ maxLength: 200 })),
            grants: Type.Optional(RoleGrants),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { groupId, name, grants = [] } = request.body;
      const created = await identity.createGroup({ tenantId, groupId, name: name ?? groupId, now: context.now() });
      if (!created) throw new UserError('GROUP_EXISTS', undefined, { groupId });
      await identity.setGrants(tenantId, { kind: 'group', id: groupId }, grantsOf(grants));
      await context.audit.record(principalOf(request).name, 'group.created', groupId, { grants: grantsOf(grants) });
      return reply.status(201).send(await groupBody(await groupOf(groupId)));
    },
  );

  app.put(
    '/api/v1/groups/:groupId/roles',
    {
      config: access,
      schema: {
        tags,
        summary: "Replace a group's role grants (its members have them)",
        params: GroupParams,
        body: Type.Object({ grants: RoleGrants }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const group = await groupOf(request.params.groupId);
      const grants = grantsOf(request.body.grants);
      await identity.setGrants(tenantId, { kind: 'group', id: group.groupId }, grants);
      await context.audit.record(principalOf(request).name, 'group.roles-changed', group.groupId, { after: grants });
      return groupBody(group);
    },
  );

  app.put(
    '/api/v1/groups/:groupId/members/:username',
    { config: access, schema: { tags, summary: 'Add a user to a group', params: MemberParams } },
    async (request) => {
      const { groupId, username } = request.params;
      await groupOf(groupId);
      if (!(await identity.getUser(tenantId, username))) throw new UserError('USER_NOT_FOUND', undefined, { username });
      await identity.addMember(tenantId, groupId, username);
      await context.audit.record(principalOf(request).name, 'group.member-added', groupId, { username });
      return groupBody(await groupOf(groupId));
    },
  );

  app.delete(
    '/api/v1/groups/:groupId/members/:username',
    { config: access, schema: { tags, summary: 'Remove a user from a group', params: MemberParams } },
    async (request) => {
      const { groupId, username } = request.params;
      await groupOf(groupId);
      await identity.removeMember(tenantId, groupId, username);
      await context.audit.record(principalOf(request).name, 'group.member-removed', groupId, { username });
      return groupBody(await groupOf(groupId));
    },
  );
}
