/**
 * The server side of the `http` scenario, run as a child process so that the load generator and the
 * server do not share a thread: `node --import tsx bench/http-target.ts operon DATA_DIR` starts the
 * Operon service on SQLite in DATA_DIR, issues an admin API token and deploys the model;
 * `… bare` starts a bare Fastify route. Either prints one JSON line: what to send where.
 */
import { OperonClient } from '@operon/client';
import { loadConfig, startServer } from '@operon/server';
import Fastify from 'fastify';
import { modelResource, PROCESS_ID } from './runtime-harness';

const PASSWORD = 'bench-admin-password';

export interface TargetDescription {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly processId?: string;
}

async function operon(dataDirectory: string): Promise<{ description: TargetDescription; stop: () => Promise<void> }> {
  const server = await startServer(
    loadConfig({
      OPERON_PORT: '0',
      OPERON_DATA_DIR: dataDirectory,
      OPERON_ADMIN_PASSWORD: PASSWORD,
      OPERON_DEPLOY_EXAMPLES: 'false',
      OPERON_LOG_LEVEL: 'silent',
    }),
    () => undefined,
  );
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((text) => text.split(';')[0])
    .join('; ');
  const issued = await fetch(`${server.url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', grants: [{ role: 'operator' }, { role: 'modeler' }] }),
  });
  const { token } = (await issued.json()) as { token: string };
  await new OperonClient({ baseUrl: server.url, token }).deploy([modelResource()]);
  return {
    description: {
      url: `${server.url}/api/v1/process-instances`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      processId: PROCESS_ID,
    },
    stop: () => server.stop(),
  };
}

/** The ceiling: what Fastify itself answers on this machine for a JSON POST of the same size. */
async function bare(): Promise<{ description: TargetDescription; stop: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  let counter = 0;
  app.post('/api/v1/process-instances', async (request, reply) => {
    const { processId } = request.body as { processId: string };
    counter++;
    return reply.status(201).send({
      instanceKey: `bare-${counter}`,
      definitionKey: `${processId}:1`,
      processId,
      version: 1,
      status: 'active',
    });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    description: {
      url: `http://127.0.0.1:${port}/api/v1/process-instances`,
      headers: { 'content-type': 'application/json' },
      processId: PROCESS_ID,
    },
    stop: () => app.close(),
  };
}

const [kind, dataDirectory] = process.argv.slice(2);
const target = kind === 'operon' && dataDirectory !== undefined ? await operon(dataDirectory) : await bare();
process.stdout.write(`${JSON.stringify(target.description)}\n`);
process.once('SIGTERM', () => {
  void target.stop().then(() => process.exit(0));
});
