import { Type } from '@sinclair/typebox';
import { CSRF_COOKIE, principalOf, SESSION_COOKIE } from '../identity/authentication';
import { logIn } from '../identity/login';
import type { OperonApp } from '../operon-app';
import type { ServerContext } from '../server-context';

/** Signing in and out of the web UI: an HttpOnly SameSite session cookie and a CSRF token. */
export function authRoutes(app: OperonApp, context: ServerContext): void {
  const { config } = context;
  const tags = ['authentication'];
  const cookie = { path: '/', sameSite: 'strict', secure: config.secureCookies } as const;

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: config.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Sign in: sets the session cookie; returns the CSRF token to send as X-CSRF-Token',
        security: [],
        body: Type.Object(
          { username: Type.String({ minLength: 1 }), password: Type.String({ minLength: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { session, sessionId } = await logIn(
        context.identity,
        context.audit,
        {
          lockoutFailures: config.lockoutFailures,
          lockoutMs: config.lockoutMinutes * 60_000,
          sessionMs: config.sessionHours * 3_600_000,
        },
        {
          tenantId: context.tenantId,
          userName: request.body.username,
          password: request.body.password,
          address: request.ip,
          now: context.now(),
        },
      );
      const expires = new Date(session.expiresAt);
      reply.setCookie(SESSION_COOKIE, sessionId, { ...cookie, httpOnly: true, expires });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookie, httpOnly: false, expires });
      return { username: session.userName, csrfToken: session.csrfToken, expiresAt: expires.toISOString() };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Sign out (ends the session)' } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.sessionHash !== undefined) await context.identity.deleteSession(principal.sessionHash);
      await context.audit.record(principal.name, 'logout', principal.name);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Who I am: name, groups, role grants' } },
    (request) => {
      const { name, kind, groups, grants, tokenId } = principalOf(request);
      return { username: name, via: kind, groups, grants, ...(tokenId === undefined ? {} : { tokenId }) };
    },
  );
}
