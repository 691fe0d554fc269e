import type { Page, PageRequest } from './store';

/**
 * The identity port of the server: users, groups, role grants, API tokens, sessions and the
 * audit trail. Kept apart from `Store` (the runtime's port) because only the server uses it.
 * Secrets never reach it in the clear: password hashes, and SHA-256 digests of tokens and session ids.
 * Times are milliseconds since the epoch, passed in.
 */
export interface IdentityStore {
  /** False (nothing written) when a user of that name exists. */
  createUser(user: NewUser): Promise<boolean>;
  getUser(tenantId: string, userName: string): Promise<UserRecord | undefined>;
  listUsers(tenantId: string, page: PageRequest): Promise<Page<UserRecord>>;
  countUsers(tenantId: string): Promise<number>;
  setPassword(tenantId: string, userName: string, passwordHash: string): Promise<boolean>;
  /** Counts a failed login; `lockedUntil` locks the account until then. Returns the failures so far. */
  recordLoginFailure(tenantId: string, userName: string, lockedUntil: number | undefined): Promise<number>;
  recordLoginSuccess(tenantId: string, userName: string, now: number): Promise<void>;

  /** False when a group with that id exists. */
  createGroup(group: { tenantId: string; groupId: string; name: string; now: number }): Promise<boolean>;
  listGroups(tenantId: string): Promise<GroupRecord[]>;
  getGroup(tenantId: string, groupId: string): Promise<GroupRecord | undefined>;
  addMember(tenantId: string, groupId: string, userName: string): Promise<void>;
  removeMember(tenantId: string, groupId: string, userName: string): Promise<void>;
  groupsOf(tenantId: string, userName: string): Promise<string[]>;

  /** Replaces the grants of a user or group. */
  setGrants(tenantId: string, subject: GrantSubject, grants: readonly RoleGrant[]): Promise<void>;
  grantsOf(tenantId: string, subject: GrantSubject): Promise<RoleGrant[]>;

  createToken(token: ApiTokenRecord): Promise<void>;
  /** By its id alone: a bearer token says its id, not its tenant. */
  findToken(tokenId: string): Promise<ApiTokenRecord | undefined>;
  listTokens(tenantId: string): Promise<ApiTokenRecord[]>;
  revokeToken(tenantId: string, tokenId: string, now: number): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  findSession(sessionHash: string): Promise<SessionRecord | undefined>;
  deleteSession(sessionHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<number>;

  appendAudit(event: AuditEventRecord): Promise<void>;
  queryAudit(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEventRecord>>;
}

export interface NewUser {
  readonly tenantId: string;
  readonly userName: string;
  readonly displayName: string | undefined;
  readonly passwordHash: string;
  readonly now: number;
}

export interface UserRecord {
  readonly tenantId: string;
  readonly userName: string;
  readonly displayName: string | undefined;
  readonly passwordHash: string;
  readonly failedLogins: number;
  readonly lockedUntil: number | undefined;
  readonly createdAt: number;
  readonly lastLoginAt: number | undefined;
}

export interface GroupRecord {
  readonly groupId: string;
  readonly name: string;
  readonly members: readonly string[];
  readonly createdAt: number;
}

export interface GrantSubject {
  readonly kind: 'user' | 'group';
  readonly id: string;
}

/** A role, for every process definition (`processId` '*') or narrowed to one. */
export interface RoleGrant {
  readonly role: string;
  readonly processId: string;
}

export interface ApiTokenRecord {
  readonly tenantId: string;
  readonly tokenId: string;
  /** SHA-256 of the secret part, hex. */
  readonly secretHash: string;
  readonly name: string;
  /** Who asked for it (the audit actor of its calls). */
  readonly owner: string;
  readonly grants: readonly RoleGrant[];
  readonly createdAt: number;
  readonly expiresAt: number | undefined;
  readonly revokedAt: number | undefined;
}

export interface SessionRecord {
  readonly tenantId: string;
  /** SHA-256 of the session id the cookie carries, hex. */
  readonly sessionHash: string;
  readonly userName: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface AuditEventRecord {
  readonly tenantId: string;
  /** Unique and increasing within a millisecond's random part; sorted with `at`. */
  readonly auditKey: string;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly target: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditFilter {
  readonly tenantId: string;
  readonly action?: string;
  readonly actor?: string;
  readonly after?: number;
  readonly before?: number;
}
