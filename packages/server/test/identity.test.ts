import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, multipart, oneJobProcess, startTestServer, type TestServer } from './test-server';

/** Sessions with CSRF protection, API tokens, lockout, narrowing to a process, and the audit trail. */
describe('identity and roles', () => {
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ OPERON_LOCKOUT_FAILURES: '3', OPERON_LOGIN_RATE_LIMIT: '50' });
    admin = await server.bearer(['admin']);
    for (const processId of ['alpha', 'beta']) {
      const upload = multipart([{ name: `${processId}.bpmn`, content: oneJobProcess(processId, `${processId}-work`) }]);
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { ...admin, ...upload.headers },
        payload: upload.payload,
      });
    }
  });
  afterAll(() => server.close());

  const login = (username: string, password: string) =>
    server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('signs in with an HttpOnly SameSite cookie, and asks for the CSRF token on changes', async () => {
    const response = await login('admin', ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((cookie) => cookie.name === 'operon_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const { csrfToken } = response.json<{ csrfToken: string }>();
    const cookie = `operon_session=${session!.value}`;

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ username: 'admin', via: 'user', grants: [{ role: 'admin', processId: '*' }] });

    const start = { processId: 'alpha' };
    const withoutCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/v1/process-instances',
      headers: { cookie },
      payload: start,
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const withCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/v1/process-instances',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: start,
    });
    expect(withCsrf.statusCode).toBe(201);

    const out = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('stores argon2id hashes, never passwords', async () => {
    const user = await server.identity.getUser(server.runtime.tenantId, 'admin');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('locks an account after repeated failures, and audits every attempt', async () => {
    await server.addUser('lou', ['task-user']);
    for (let attempt = 0; attempt < 3; attempt++) expect((await login('lou', 'wrong')).statusCode).toBe(401);
    const locked = await login('lou', 'lou-password');
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await login('nobody', 'whatever')).json()).toMatchObject({ code: 'LOGIN_FAILED' });

    const auditor = await server.bearer(['auditor']);
    const audit = await server.app.inject({ method: 'GET', url: '/api/v1/audit-events?actor=lou', headers: auditor });
    expect(audit.json<{ items: { action: string }[] }>().items.map((event) => event.action)).toEqual([
      'login.failed',
      'login.failed',
      'login.locked',
      'login.refused',
    ]);

    // an administrator's new password unlocks it
    const reset = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/users/lou/password',
      headers: admin,
      payload: { password: 'a-new-password' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await login('lou', 'a-new-password')).statusCode).toBe(200);
  });

  it('issues API tokens shown once, records it, and refuses them once revoked', async () => {
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin,
      payload: { name: 'payment worker', grants: [{ role: 'worker' }], expiresInDays: 30 },
    });
    expect(issued.statusCode).toBe(201);
    const { token, tokenId } = issued.json<{ token: string; tokenId: string }>();
    expect(token).toMatch(/^opr\./);
    const headers = { authorization: `Bearer ${token}` };
    const activate = () =>
      server.app.inject({ method: 'POST', url: '/api/v1/jobs/activate', headers, payload: { type: 'alpha-work' } });
    expect((await activate()).statusCode).toBe(200);

    const listed = await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin });
    expect(listed.body).not.toContain(token.split('.')[2]);

    expect(
      (await server.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${tokenId}`, headers: admin })).statusCode,
    ).toBe(204);
    expect((await activate()).statusCode).toBe(401);

    const audit = await server.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?action=token.issued',
      headers: admin,
    });
    expect(audit.json()).toMatchObject({ items: [{ action: 'token.issued', target: tokenId, actor: 'admin' }] });
  });

  it('records role changes', async () => {
    await server.addUser('rita', ['analyst']);
    const changed = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/users/rita/roles',
      headers: admin,
      payload: { grants: [{ role: 'operator', processId: 'alpha' }] },
    });
    expect(changed.json()).toMatchObject({ grants: [{ role: 'operator', processId: 'alpha' }] });
    const audit = await server.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?action=user.roles-changed',
      headers: admin,
    });
    expect(audit.json()).toMatchObject({
      items: [
        {
          target: 'rita',
          details: { before: [{ role: 'analyst' }], after: [{ role: 'operator', processId: 'alpha' }] },
        },
      ],
    });
  });

  it('narrows a role to one process definition', async () => {
    const alphaOperator = await server.bearer([{ role: 'operator', processId: 'alpha' }]);
    const start = (processId: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/process-instances',
        headers: alphaOperator,
        payload: { processId },
      });
    expect((await start('alpha')).statusCode).toBe(201);
    const beta = await start('beta');
    expect(beta.statusCode).toBe(403);
    expect(beta.json()).toMatchObject({ code: 'FORBIDDEN', processId: 'beta' });

    await server.app.inject({
      method: 'POST',
      url: '/api/v1/process-instances',
      headers: admin,
      payload: { processId: 'beta' },
    });
    const listed = await server.app.inject({ method: 'GET', url: '/api/v1/process-instances', headers: alphaOperator });
    const processIds = new Set(listed.json<{ items: { processId: string }[] }>().items.map((item) => item.processId));
    expect([...processIds]).toEqual(['alpha']);
  });

  it('gives group members the roles of the group', async () => {
    await server.addUser('gus', []);
    const group = await server.app.inject({
      method: 'POST',
      url: '/api/v1/groups',
      headers: admin,
      payload: { groupId: 'ops', grants: [{ role: 'operator' }] },
    });
    expect(group.statusCode).toBe(201);
    await server.app.inject({ method: 'PUT', url: '/api/v1/groups/ops/members/gus', headers: admin });
    const session = await login('gus', 'gus-password');
    const cookie = `operon_session=${session.cookies.find((c) => c.name === 'operon_session')!.value}`;
    const instances = await server.app.inject({ method: 'GET', url: '/api/v1/process-instances', headers: { cookie } });
    expect(instances.statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 when one address tries too often', async () => {
    const server = await startTestServer({ OPERON_LOGIN_RATE_LIMIT: '2' });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) expect(response.json()).toMatchObject({ code: 'RATE_LIMITED' });
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await server.close();
    }
  });
});
