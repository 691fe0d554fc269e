import { UserError } from '@operon/runtime';
import type { IdentityStore, SessionRecord } from '@operon/store';
import type { AuditLog } from './audit-log';
import { decoyHash, verifyPassword } from './password-hash';
import { digest, randomSecret } from './secret-token';

export interface LoginPolicy {
  readonly lockoutFailures: number;
  readonly lockoutMs: number;
  readonly sessionMs: number;
}

export interface StartedSession {
  /** Goes into the HttpOnly cookie; only its digest is stored. */
  readonly sessionId: string;
  readonly session: SessionRecord;
}

/**
 * Password login: a wrong name or password is one answer (LOGIN_FAILED); `lockoutFailures` failures
 * in a row lock the account for `lockoutMs`. Every attempt is an audit event.
 */
export async function logIn(
  identity: IdentityStore,
  audit: AuditLog,
  policy: LoginPolicy,
  request: { tenantId: string; userName: string; password: string; address: string; now: number },
): Promise<StartedSession> {
  const { tenantId, userName, now } = request;
  const user = await identity.getUser(tenantId, userName);
  if (!user) {
    await verifyPassword(await decoyHash(), request.password);
    await audit.record(userName, 'login.failed', userName, { address: request.address, reason: 'unknown user' });
    throw new UserError('LOGIN_FAILED');
  }
  if (user.lockedUntil !== undefined && user.lockedUntil > now) {
    await audit.record(userName, 'login.refused', userName, { address: request.address, reason: 'locked' });
    throw new UserError('ACCOUNT_LOCKED', undefined, { lockedUntil: new Date(user.lockedUntil).toISOString() });
  }
  if (!(await verifyPassword(user.passwordHash, request.password))) {
    const failures = user.failedLogins + 1;
    const locks = failures >= policy.lockoutFailures;
    await identity.recordLoginFailure(tenantId, userName, locks ? now + policy.lockoutMs : undefined);
    await audit.record(userName, locks ? 'login.locked' : 'login.failed', userName, {
      address: request.address,
      failures,
    });
    throw new UserError('LOGIN_FAILED');
  }
  await identity.recordLoginSuccess(tenantId, userName, now);
  const sessionId = randomSecret();
  const session: SessionRecord = {
    tenantId,
    sessionHash: digest(sessionId),
    userName,
    csrfToken: randomSecret(24),
    createdAt: now,
    expiresAt: now + policy.sessionMs,
  };
  await identity.createSession(session);
  await audit.record(userName, 'login.succeeded', userName, { address: request.address });
  return { sessionId, session };
}
