import { sql, type Kysely, type Selectable } from 'kysely';
import { fromJson, toJson } from './column-values';
import type { ApiTokensTable, AuditEventsTable, IdentityDatabase, SessionsTable } from './operon-database';
import type { ApiTokenRecord, AuditEventRecord, IdentityStore, RoleGrant, SessionRecord } from './identity-store';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';

type Db = Kysely<IdentityDatabase>;

/** API tokens, sessions and the audit trail of the IdentityStore. */
export function identityCredentials(
  db: Db,
): Pick<
  IdentityStore,
  | 'createToken'
  | 'findToken'
  | 'listTokens'
  | 'revokeToken'
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
  | 'deleteExpiredSessions'
  | 'appendAudit'
  | 'queryAudit'
> {
  return {
    async createToken(token) {
      await db
        .insertInto('api_tokens')
        .values({
          tenant_id: token.tenantId,
          token_id: token.tokenId,
          secret_hash: token.secretHash,
          name: token.name,
          owner: token.owner,
          grants: toJson(token.grants),
          created_at: token.createdAt,
          expires_at: token.expiresAt ?? null,
          revoked_at: token.revokedAt ?? null,
        })
        .execute();
    },

    async findToken(tokenId) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
      return row && tokenRecord(row);
    },

    async listTokens(tenantId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at')
        .orderBy('token_id')
        .execute();
      return rows.map(tokenRecord);
    },

    async revokeToken(tenantId, tokenId, now) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('tenant_id', '=', tenantId)
        .where('token_id', '=', tokenId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          tenant_id: session.tenantId,
          session_hash: session.sessionHash,
          user_name: session.userName,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async findSession(sessionHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('session_hash', '=', sessionHash)
        .executeTakeFirst();
      return row && sessionRecord(row);
    },

    async deleteSession(sessionHash) {
      await db.deleteFrom('sessions').where('session_hash', '=', sessionHash).execute();
    },

    async deleteExpiredSessions(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async appendAudit(event) {
      await db
        .insertInto('audit_events')
        .values({
          tenant_id: event.tenantId,
          audit_key: event.auditKey,
          at: event.at,
          actor: event.actor,
          action: event.action,
          target: event.target ?? null,
          details: toJson(event.details),
        })
        .execute();
    },

    async queryAudit(filter, page) {
      const limit = pageLimit(page);
      const cursor = decodeCursor('audit', ['number', 'string'], page.cursor);
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('tenant_id', '=', filter.tenantId)
        .$if(filter.action !== undefined, (query) => query.where('action', '=', filter.action ?? ''))
        .$if(filter.actor !== undefined, (query) => query.where('actor', '=', filter.actor ?? ''))
        .$if(filter.after !== undefined, (query) => query.where('at', '>=', filter.after ?? 0))
        .$if(filter.before !== undefined, (query) => query.where('at', '<=', filter.before ?? 0))
        .$if(cursor !== undefined, (query) =>
          query.where(after(sql.ref('at'), sql.ref('audit_key'), cursor ?? [], 'asc')),
        )
        .orderBy('at')
        .orderBy('audit_key')
        .limit(limit + 1)
        .execute();
      return toPage('audit', rows, limit, auditRecord, (row) => [row.at, row.audit_key]);
    },
  };
}

function tokenRecord(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    tenantId: row.tenant_id,
    tokenId: row.token_id,
    secretHash: row.secret_hash,
    name: row.name,
    owner: row.owner,
    grants: fromJson(row.grants) as RoleGrant[],
    createdAt: row.created_at,
    expiresAt: row.expires_at === null ? undefined : row.expires_at,
    revokedAt: row.revoked_at === null ? undefined : row.revoked_at,
  };
}

function sessionRecord(row: Selectable<SessionsTable>): SessionRecord {
  return {
    tenantId: row.tenant_id,
    sessionHash: row.session_hash,
    userName: row.user_name,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function auditRecord(row: Selectable<AuditEventsTable>): AuditEventRecord {
  return {
    tenantId: row.tenant_id,
    auditKey: row.audit_key,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target ?? undefined,
    details: fromJson(row.details) as Record<string, unknown>,
  };
}
