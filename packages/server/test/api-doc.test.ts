import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

/** Every curl example in docs/api.md calls a route of the OpenAPI document, with the right method. */
describe('docs/api.md', () => {
  let server: TestServer;
  let routes: { method: string; pattern: RegExp }[];

  beforeAll(async () => {
    server = await startTestServer();
    const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, object>;
    }>();
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase(),
        pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
      })),
    );
  });
  afterAll(() => server.close());

  const commands = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith('curl '));

  it('has examples', () => {
    expect(commands.length).toBeGreaterThan(30);
  });

  it('calls only documented routes', () => {
    for (const command of commands) {
      const url = /http:\/\/127\.0\.0\.1:8080(\/[^\s'?]*)/.exec(command)?.[1];
      const method = /-X (\w+)/.exec(command)?.[1] ?? (/ -(d|F) /.test(command) ? 'POST' : 'GET');
      const known = routes.some((route) => route.method === method && url !== undefined && route.pattern.test(url));
      expect({ command, known }).toEqual({ command, known: true });
    }
  });
});
