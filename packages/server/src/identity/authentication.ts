import { UserError } from '@operon/runtime';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../server-context';
import { allows, type Principal } from './principal';
import type { Permission } from './roles';
import { digest, parseApiToken, sameSecret } from './secret-token';

export const SESSION_COOKIE = 'operon_session';
export const CSRF_COOKIE = 'operon_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** What a route asks of its caller: nothing, to be signed in, or one permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The onRequest check of every route: who is calling (an API token in `Authorization: Bearer`, or
 * the session cookie, whose unsafe requests must echo the CSRF token), then whether they may.
 */
export async function authenticate(
  context: ServerContext,
  request: FastifyRequest,
  _reply: FastifyReply,
): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'public') return;
  const principal = (await fromBearer(context, request)) ?? (await fromSession(context, request));
  if (!principal) throw new UserError('UNAUTHENTICATED');
  request.principal = principal;
  if (access !== 'authenticated' && !allows(principal, access)) {
    throw new UserError('FORBIDDEN', `Your roles do not allow ${access}.`, { permission: access });
  }
}

async function fromBearer(context: ServerContext, request: FastifyRequest): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const parsed = match?.[1] === undefined ? undefined : parseApiToken(match[1]);
  if (!parsed) throw new UserError('UNAUTHENTICATED', 'The Authorization header must be "Bearer opr.<id>.<secret>".');
  const cacheKey = `token:${digest(match?.[1] ?? '')}`;
  const cached = context.principals.get(cacheKey);
  if (cached) return cached;
  const token = await context.identity.findToken(parsed.tokenId);
  const now = context.now();
  if (
    !token ||
    token.tenantId !== context.tenantId ||
    token.revokedAt !== undefined ||
    (token.expiresAt !== undefined && token.expiresAt <= now) ||
    !sameSecret(token.secretHash, digest(parsed.secret))
  ) {
    throw new UserError('UNAUTHENTICATED', 'The API token is unknown, revoked or expired; ask for a new one.');
  }
  const principal: Principal = {
    kind: 'token',
    name: token.owner,
    tokenId: token.tokenId,
    groups: await context.identity.groupsOf(context.tenantId, token.owner),
    grants: token.grants,
    csrfToken: undefined,
    sessionHash: undefined,
  };
  context.principals.set(cacheKey, principal, token.expiresAt);
  return principal;
}

async function fromSession(context: ServerContext, request: FastifyRequest): Promise<Principal | undefined> {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return undefined;
  const sessionHash = digest(sessionId);
  const cacheKey = `session:${sessionHash}`;
  let principal = context.principals.get(cacheKey);
  if (!principal) {
    const session = await context.identity.findSession(sessionHash);
    if (!session || session.tenantId !== context.tenantId || session.expiresAt <= context.now()) return undefined;
    principal = await userPrincipal(context, session.userName, { csrfToken: session.csrfToken, sessionHash });
    context.principals.set(cacheKey, principal, session.expiresAt);
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken ?? '')) {
      throw new UserError('CSRF_TOKEN_INVALID');
    }
  }
  return principal;
}

/** A user's principal: their own grants and their groups' grants. */
export async function userPrincipal(
  context: ServerContext,
  userName: string,
  session: { csrfToken: string; sessionHash: string },
): Promise<Principal> {
  const { identity, tenantId } = context;
  const groups = await identity.groupsOf(tenantId, userName);
  const grants = (
    await Promise.all([
      identity.grantsOf(tenantId, { kind: 'user', id: userName }),
      ...groups.map((id) => identity.grantsOf(tenantId, { kind: 'group', id })),
    ])
  ).flat();
  return { kind: 'user', name: userName, tokenId: undefined, groups, grants, ...session };
}

/** The caller of a route that required authentication (set by `authenticate`). */
export function principalOf(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new UserError('UNAUTHENTICATED');
  return principal;
}
