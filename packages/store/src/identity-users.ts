import { sql, type Kysely, type Selectable } from 'kysely';
import { fromNullable } from './column-values';
import type { IdentityDatabase, UsersTable } from './operon-database';
import type { GroupRecord, GrantSubject, IdentityStore, RoleGrant, UserRecord } from './identity-store';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';

type Db = Kysely<IdentityDatabase>;

/** Users, groups and role grants of the IdentityStore. */
export function identityUsers(
  db: Db,
): Pick<
  IdentityStore,
  | 'createUser'
  | 'getUser'
  | 'listUsers'
  | 'countUsers'
  | 'setPassword'
  | 'recordLoginFailure'
  | 'recordLoginSuccess'
  | 'createGroup'
  | 'listGroups'
  | 'getGroup'
  | 'addMember'
  | 'removeMember'
  | 'groupsOf'
  | 'setGrants'
  | 'grantsOf'
> {
  return {
    async createUser(user) {
      const result = await db
        .insertInto('users')
        .values({
          tenant_id: user.tenantId,
          user_name: user.userName,
          display_name: user.displayName ?? null,
          password_hash: user.passwordHash,
          failed_logins: 0,
          locked_until: null,
          created_at: user.now,
          last_login_at: null,
        })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'user_name']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async getUser(tenantId, userName) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('user_name', '=', userName)
        .executeTakeFirst();
      return row && userRecord(row);
    },

    async listUsers(tenantId, page) {
      const limit = pageLimit(page);
      const cursor = decodeCursor('users', ['string', 'string'], page.cursor);
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .$if(cursor !== undefined, (query) =>
          query.where(after(sql.ref('user_name'), sql.ref('user_name'), cursor ?? [], 'asc')),
        )
        .orderBy('user_name')
        .limit(limit + 1)
        .execute();
      return toPage('users', rows, limit, userRecord, (row) => [row.user_name, row.user_name]);
    },

    async countUsers(tenantId) {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async setPassword(tenantId, userName, passwordHash) {
      const result = await db
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
        .where('tenant_id', '=', tenantId)
        .where('user_name', '=', userName)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async recordLoginFailure(tenantId, userName, lockedUntil) {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set((eb) => ({
            failed_logins: eb('failed_logins', '+', 1),
            ...(lockedUntil === undefined ? {} : { locked_until: lockedUntil }),
          }))
          .where('tenant_id', '=', tenantId)
          .where('user_name', '=', userName)
          .execute();
        const row = await trx
          .selectFrom('users')
          .select('failed_logins')
          .where('tenant_id', '=', tenantId)
          .where('user_name', '=', userName)
          .executeTakeFirst();
        return row?.failed_logins ?? 0;
      });
    },

    async recordLoginSuccess(tenantId, userName, now) {
      await db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, last_login_at: now })
        .where('tenant_id', '=', tenantId)
        .where('user_name', '=', userName)
        .execute();
    },

    async createGroup(group) {
      const result = await db
        .insertInto('user_groups')
        .values({ tenant_id: group.tenantId, group_id: group.groupId, name: group.name, created_at: group.now })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'group_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async listGroups(tenantId) {
      const groups = await db
        .selectFrom('user_groups')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('group_id')
        .execute();
      const members = await db.selectFrom('group_members').selectAll().where('tenant_id', '=', tenantId).execute();
      return groups.map((group) =>
        groupRecord(
          group,
          members.filter((member) => member.group_id === group.group_id),
        ),
      );
    },

    async getGroup(tenantId, groupId) {
      const group = await db
        .selectFrom('user_groups')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('group_id', '=', groupId)
        .executeTakeFirst();
      if (!group) return undefined;
      const members = await db
        .selectFrom('group_members')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('group_id', '=', groupId)
        .execute();
      return groupRecord(group, members);
    },

    async addMember(tenantId, groupId, userName) {
      await db
        .insertInto('group_members')
        .values({ tenant_id: tenantId, group_id: groupId, user_name: userName })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'group_id', 'user_name']).doNothing())
        .execute();
    },

    async removeMember(tenantId, groupId, userName) {
      await db
        .deleteFrom('group_members')
        .where('tenant_id', '=', tenantId)
        .where('group_id', '=', groupId)
        .where('user_name', '=', userName)
        .execute();
    },

    async groupsOf(tenantId, userName) {
      const rows = await db
        .selectFrom('group_members')
        .select('group_id')
        .where('tenant_id', '=', tenantId)
        .where('user_name', '=', userName)
        .orderBy('group_id')
        .execute();
      return rows.map((row) => row.group_id);
    },

    async setGrants(tenantId, subject, grants) {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('role_grants')
          .where('tenant_id', '=', tenantId)
          .where('subject_kind', '=', subject.kind)
          .where('subject_id', '=', subject.id)
          .execute();
        const unique = [...new Map(grants.map((grant) => [`${grant.role}\u0000${grant.processId}`, grant])).values()];
        if (unique.length === 0) return;
        await trx
          .insertInto('role_grants')
          .values(unique.map((grant) => grantRow(tenantId, subject, grant)))
          .execute();
      });
    },

    async grantsOf(tenantId, subject) {
      const rows = await db
        .selectFrom('role_grants')
        .select(['role', 'process_id'])
        .where('tenant_id', '=', tenantId)
        .where('subject_kind', '=', subject.kind)
        .where('subject_id', '=', subject.id)
        .orderBy('role')
        .orderBy('process_id')
        .execute();
      return rows.map((row) => ({ role: row.role, processId: row.process_id }));
    },
  };
}

function grantRow(tenantId: string, subject: GrantSubject, grant: RoleGrant) {
  return {
    tenant_id: tenantId,
    subject_kind: subject.kind,
    subject_id: subject.id,
    role: grant.role,
    process_id: grant.processId,
  };
}

function userRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    tenantId: row.tenant_id,
    userName: row.user_name,
    displayName: fromNullable(row.display_name),
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until === null ? undefined : row.locked_until,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at === null ? undefined : row.last_login_at,
  };
}

function groupRecord(
  group: { group_id: string; name: string; created_at: number },
  members: readonly { user_name: string }[],
): GroupRecord {
  return {
    groupId: group.group_id,
    name: group.name,
    members: members.map((member) => member.user_name).sort(),
    createdAt: group.created_at,
  };
}
