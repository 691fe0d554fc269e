import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createWorker, OperonClient, type JobWorker } from '@operon/client';
import { loadConfig, startServer, type RunningServer } from '@operon/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const example = join(repoRoot, 'examples/order-fulfilment.bpmn');
const ADMIN_PASSWORD = 'cli-admin-password';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The last line of stdout, parsed (what --json promises). */
  readonly last: unknown;
}

/** The CLI as a child process: asynchronous, since the server it talks to runs in this process. */
function operon(env: Readonly<Record<string, string>>, ...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'packages/cli/src/main.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, OPERON_SERVER: '', OPERON_TOKEN: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let last: unknown;
      try {
        last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
      } catch {
        last = undefined;
      }
      resolvePromise({ code, stdout, stderr, last });
    });
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** A port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

// Each step is a CLI process (about a second under tsx); generous, since a timeout only catches a hang.
describe('operon CLI against a running service', { timeout: 120_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'operon-cli-remote-'));
  let server: RunningServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    const config = loadConfig({
      OPERON_PORT: '0',
      OPERON_DATA_DIR: join(home, 'data'),
      OPERON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      OPERON_DEPLOY_EXAMPLES: 'false',
      OPERON_LOG_LEVEL: 'silent',
    });
    server = await startServer(config, () => undefined);
    env = { XDG_CONFIG_HOME: join(home, 'config'), HOME: home, OPERON_SERVER: server.url };
  });
  afterAll(async () => {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('given a login, deploys, starts, and completes an order with an SDK worker and the task commands', async () => {
    // Given: a login, which saves an API token only its owner can read.
    const login = await operon(env, 'login', '--user', 'admin', '--password', ADMIN_PASSWORD);
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    const credentialsFile = join(home, 'config', 'operon', 'credentials.json');
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
      servers: Record<string, { token: string }>;
    };
    const token = saved.servers[server.url]?.token ?? '';
    expect(token).toMatch(/^opr\./);

    // When: the model is deployed and an instance started with the CLI…
    const deployed = await operon(env, 'deploy', example, '--json');
    expect(deployed.code).toBe(0);
    expect(deployed.last).toMatchObject({ definitions: [{ processId: 'order-fulfilment', version: 1 }] });
    const started = await operon(
      env,
      'instances',
      'start',
      'order-fulfilment',
      '--vars',
      '{"items": [{"sku": "KB-01", "price": 1500, "quantity": 1}]}',
      '--business-key',
      'A-1001',
      '--json',
    );
    expect(started.code).toBe(0);
    const { instanceKey } = started.last as { instanceKey: string };

    // …its service tasks are done by workers written with the SDK, using the saved token…
    const client = new OperonClient({ baseUrl: server.url, token });
    const workers: JobWorker[] = [
      createWorker({
        client,
        type: 'charge-payment',
        handler: (job) => ({ paymentId: `P-${String(job.variables.amount)}` }),
      }),
      createWorker({ client, type: 'reserve-stock', handler: () => undefined }),
      createWorker({ client, type: 'ship-order', handler: () => ({ shipped: true }) }),
    ];
    try {
      // …and its approval is claimed and completed with the CLI.
      const task = await eventually(async () => {
        const listed = await operon(env, 'tasks', 'list', '--group', 'sales-managers', '--json');
        return (listed.last as { items: { taskKey: string; instanceKey: string }[] }).items.find(
          (item) => item.instanceKey === instanceKey,
        );
      }, 'the approval task');
      const table = await operon(env, 'tasks', 'list', '--group', 'sales-managers');
      expect(table.stdout).toMatch(/^TASK\s+NAME\s+PROCESS/);
      expect(table.stdout).toContain(task.taskKey);

      const claimed = await operon(env, 'tasks', 'claim', task.taskKey);
      expect(claimed.stdout).toContain('is assigned to admin');
      const completed = await operon(env, 'tasks', 'complete', task.taskKey, '--vars', '{"approved": true}');
      expect(completed.code).toBe(0);

      // Then: the instance is completed, with what the workers and the approver gave it.
      const done = await eventually(async () => {
        const got = await operon(env, 'instances', 'get', instanceKey, '--json');
        return (got.last as { status: string }).status === 'completed' ? got.last : undefined;
      }, 'the instance to complete');
      expect(done).toMatchObject({
        businessKey: 'A-1001',
        variables: { paymentId: 'P-1500', shipped: true, approved: true },
      });
      const listed = await operon(env, 'instances', 'list', '--status', 'completed');
      expect(listed.stdout).toMatch(new RegExp(`${instanceKey}\\s+order-fulfilment:1\\s+completed`));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  it('given a conditional start event, operon conditions evaluate starts an instance where the condition holds', async () => {
    const token = await adminToken();
    const client = new OperonClient({ baseUrl: server.url, token });
    await client.deploy([
      {
        name: 'big-orders.bpmn',
        content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://operon.test">
  <bpmn:process id="big-orders" isExecutable="true">
    <bpmn:startEvent id="big"><bpmn:conditionalEventDefinition><bpmn:condition>=amount &gt; 100</bpmn:condition>
    </bpmn:conditionalEventDefinition></bpmn:startEvent><bpmn:userTask id="review"/>
    <bpmn:sequenceFlow id="f1" sourceRef="big" targetRef="review"/>
  </bpmn:process>
</bpmn:definitions>`,
      },
    ]);

    const none = await operon(env, 'conditions', 'evaluate', '--vars', '{"amount": 5}', '--token', token);
    const some = await operon(env, 'conditions', 'evaluate', '--vars', '{"amount": 500}', '--json', '--token', token);

    expect(none.stdout).toContain('No condition holds');
    expect(some.code).toBe(0);
    expect(some.last).toMatchObject({ startedInstances: [{ processId: 'big-orders', startEventId: 'big' }] });
  });

  it('given an unknown instance, prints the API error code and exits with 1', async () => {
    const result = await operon(env, 'instances', 'get', 'no-such-instance', '--token', await adminToken());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^operon: INSTANCE_NOT_FOUND: /);
  });

  it('given no server at the URL, says so and names the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await operon(env, 'instances', 'list', '--server', url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no answer from the Operon server at ${url}`);
    expect(result.stderr).not.toContain('    at ');
  });

  it('given bad --vars or conflicting flags, it is a usage error (exit 2) and the server is not asked', async () => {
    const badVars = await operon(
      env,
      'instances',
      'start',
      'order-fulfilment',
      '--vars',
      '{"amount": ',
      '--server',
      'http://127.0.0.1:9',
    );
    expect(badVars.code).toBe(2);
    expect(badVars.stderr).toContain('--vars is not valid JSON');
    const conflicting = await operon(env, 'tasks', 'list', '--mine', '--unassigned');
    expect(conflicting.code).toBe(2);
    const unknownFlag = await operon(env, 'instances', 'list', '--colour');
    expect(unknownFlag.code).toBe(2);
  });

  it('given admin commands, adds a user, issues and revokes a token, and logout forgets the login', async () => {
    const token = await adminToken();
    const added = await operon(
      env,
      'users',
      'add',
      'sam',
      '--password',
      'sam-password',
      '--role',
      'task-user',
      '--token',
      token,
    );
    expect(added.stdout).toContain('Added sam with roles task-user');
    const role = await operon(
      env,
      'users',
      'role',
      'sam',
      '--role',
      'operator:order-fulfilment',
      '--json',
      '--token',
      token,
    );
    expect(role.last).toMatchObject({ username: 'sam', grants: [{ role: 'operator', processId: 'order-fulfilment' }] });
    const users = await operon(env, 'users', 'list', '--token', token);
    expect(users.stdout).toMatch(/sam\s+operator:order-fulfilment/);

    const issued = await operon(
      env,
      'tokens',
      'create',
      'ci',
      '--role',
      'worker',
      '--expires',
      '30d',
      '--json',
      '--token',
      token,
    );
    const { tokenId, token: secret } = issued.last as { tokenId: string; token: string };
    expect(secret).toMatch(/^opr\./);
    expect((await operon(env, 'tokens', 'revoke', tokenId, '--token', token)).code).toBe(0);
    const revoked = await operon(env, 'incidents', 'list', '--token', secret);
    expect(revoked.stderr).toMatch(/^operon: UNAUTHENTICATED: /);

    await operon(env, 'login', '--user', 'admin', '--password', ADMIN_PASSWORD);
    expect((await operon(env, 'logout')).stdout).toContain(`Signed out of ${server.url}`);
    const after = await operon(env, 'instances', 'list');
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('operon login');
  });

  /** A fresh admin token, issued through the CLI's own login. */
  async function adminToken(): Promise<string> {
    const isolated = { ...env, XDG_CONFIG_HOME: mkdtempSync(join(home, 'config-')) };
    await operon(isolated, 'login', '--user', 'admin', '--password', ADMIN_PASSWORD);
    const file = JSON.parse(readFileSync(join(isolated.XDG_CONFIG_HOME, 'operon', 'credentials.json'), 'utf8')) as {
      servers: Record<string, { token: string }>;
    };
    return file.servers[server.url]?.token ?? '';
  }
});
