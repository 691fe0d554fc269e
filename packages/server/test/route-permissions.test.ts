import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RolePermissions, type Permission, type Role } from '../src/identity/roles';
import { startTestServer, type TestServer } from './test-server';

/** Routes anyone may call. Every other route must answer 401 without credentials. */
const PUBLIC_ROUTES = ['GET /health/live', 'GET /health/ready', 'POST /api/v1/auth/login'];
/** Routes any signed-in caller may use: no role lacks them, so there is no 403 to check. */
const SIGNED_IN_ROUTES = ['POST /api/v1/auth/logout', 'GET /api/v1/auth/me'];
/** Not in the OpenAPI document (they serve it), but public too. */
const UNDOCUMENTED_PUBLIC = ['GET /openapi.json', 'GET /docs/'];

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

describe('every route in the OpenAPI document checks who calls it', () => {
  let server: TestServer;
  let routes: { method: string; path: string; key: string; url: string }[];

  beforeAll(async () => {
    server = await startTestServer();
    const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        url: path.replace(/\{\w+\}/g, 'x.1'),
      })),
    );
  });
  afterAll(() => server.close());

  it('documents every API route, and only those', () => {
    const registered = [...server.app.routeAccess.keys()].filter(
      (key) => !key.startsWith('HEAD ') && !UNDOCUMENTED_PUBLIC.includes(key),
    );
    expect(routes.map((route) => route.key).sort()).toEqual(registered.sort());
    expect(routes.length).toBeGreaterThan(30);
  });

  it('lists its public routes explicitly', () => {
    const publicRoutes = routes.filter((route) => server.app.routeAccess.get(route.key) === 'public');
    expect(publicRoutes.map((route) => route.key).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 without credentials', async () => {
    for (const route of routes.filter((candidate) => !PUBLIC_ROUTES.includes(candidate.key))) {
      const response = await server.app.inject({ method: route.method as 'GET', url: route.url });
      expect({ route: route.key, status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
        route: route.key,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('answers 401 with an unknown, revoked or expired token', async () => {
    const headers = { authorization: 'Bearer opr.0000.nope' };
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('answers 403 to a role that lacks the permission', async () => {
    const protectedRoutes = routes.filter(
      (route) => !PUBLIC_ROUTES.includes(route.key) && !SIGNED_IN_ROUTES.includes(route.key),
    );
    for (const route of protectedRoutes) {
      const permission = server.app.routeAccess.get(route.key) as Permission;
      const lacking = (Object.keys(RolePermissions) as Role[]).find(
        (role) => !RolePermissions[role].includes(permission),
      );
      expect(lacking, `some role lacks ${permission}`).toBeDefined();
      const headers = await server.bearer([lacking!]);
      const response = await server.app.inject({ method: route.method as 'GET', url: route.url, headers });
      expect({
        route: route.key,
        role: lacking,
        status: response.statusCode,
        code: response.json<{ code: string }>().code,
      }).toEqual({
        route: route.key,
        role: lacking,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
  });

  it('serves its public routes to anyone', async () => {
    for (const key of [...PUBLIC_ROUTES.filter((route) => route.startsWith('GET')), ...UNDOCUMENTED_PUBLIC]) {
      const response = await server.app.inject({ method: 'GET', url: key.slice(4) });
      expect({ key, status: response.statusCode }).toEqual({ key, status: 200 });
    }
  });
});
