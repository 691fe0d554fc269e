import type { RoleGrant } from '@operon/store';
import { UserError } from '@operon/runtime';
import { roleAllows, type Permission } from './roles';

/** Who is calling: a signed-in user or an API token (acting for its owner). */
export interface Principal {
  readonly kind: 'user' | 'token';
  /** The user name (for a token: its owner); the actor in the audit trail. */
  readonly name: string;
  readonly tokenId: string | undefined;
  readonly groups: readonly string[];
  readonly grants: readonly RoleGrant[];
  /** Set when authenticated by the session cookie: unsafe methods must echo it. */
  readonly csrfToken: string | undefined;
  readonly sessionHash: string | undefined;
}

export const ALL_PROCESSES = '*';

/** Whether any grant allows the permission (for `processId`, or for some process when omitted). */
export function allows(principal: Principal, permission: Permission, processId?: string): boolean {
  return principal.grants.some(
    (grant) =>
      roleAllows(grant.role, permission) &&
      (processId === undefined || grant.processId === ALL_PROCESSES || grant.processId === processId),
  );
}

/** Throws FORBIDDEN unless the principal may do `permission` on this process definition. */
export function requireProcess(principal: Principal, permission: Permission, processId: string): void {
  if (!allows(principal, permission, processId)) {
    throw new UserError('FORBIDDEN', `Your roles do not allow ${permission} on process '${processId}'.`, {
      permission,
      processId,
    });
  }
}

/** The processes a permission is narrowed to; undefined when it covers every process. */
export function processScope(principal: Principal, permission: Permission): ReadonlySet<string> | undefined {
  const granted = principal.grants.filter((grant) => roleAllows(grant.role, permission));
  if (granted.some((grant) => grant.processId === ALL_PROCESSES)) return undefined;
  return new Set(granted.map((grant) => grant.processId));
}
