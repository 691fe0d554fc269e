import type { IdentityStore } from '@operon/store';
import type { AuditLog } from './audit-log';
import { hashPassword } from './password-hash';
import { ALL_PROCESSES } from './principal';
import { Role } from './roles';
import { randomSecret } from './secret-token';

export const ADMIN_USER = 'admin';

/**
 * On the first start (no users yet) creates `admin` with the given password, or a random one that
 * is returned so that it can be printed once. Later starts leave users alone and return undefined.
 */
export async function bootstrapAdmin(
  identity: IdentityStore,
  audit: AuditLog,
  tenantId: string,
  password: string | undefined,
  now: number,
): Promise<{ password: string; generated: boolean } | undefined> {
  if ((await identity.countUsers(tenantId)) > 0) return undefined;
  const chosen = password ?? randomSecret(15);
  const created = await identity.createUser({
    tenantId,
    userName: ADMIN_USER,
    displayName: 'Administrator',
    passwordHash: await hashPassword(chosen),
    now,
  });
  if (!created) return undefined;
  await identity.setGrants(tenantId, { kind: 'user', id: ADMIN_USER }, [
    { role: Role.admin, processId: ALL_PROCESSES },
  ]);
  await audit.record('operon', 'user.created', ADMIN_USER, { grants: [Role.admin], firstStart: true });
  return { password: chosen, generated: password === undefined };
}
