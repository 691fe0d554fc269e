import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '@operon/runtime';
import { createStore, identityStoreOf, type IdentityStore, type RoleGrant } from '@operon/store';
import { pino } from 'pino';
import { buildApp } from '../src/app';
import { loadConfig, type OperonConfig } from '../src/config';
import { EXAMPLES_DIRECTORY } from '../src/example-processes';
import { AuditLog } from '../src/identity/audit-log';
import { bootstrapAdmin } from '../src/identity/bootstrap-admin';
import { hashPassword } from '../src/identity/password-hash';
import { digest, newApiToken } from '../src/identity/secret-token';
import type { OperonApp } from '../src/operon-app';

export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestServer {
  readonly app: OperonApp;
  readonly runtime: Runtime;
  readonly identity: IdentityStore;
  readonly config: OperonConfig;
  /** `Authorization` headers of a fresh API token with these roles (on every process unless narrowed). */
  bearer(roles: readonly (string | RoleGrant)[], owner?: string): Promise<{ authorization: string }>;
  /** Creates a user with a password and role grants, optionally in groups. */
  addUser(name: string, roles: readonly string[], groups?: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** A real runtime on a temporary SQLite directory, an admin user, and the app (not listening). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'operon-server-'));
  const config = loadConfig({ OPERON_DATA_DIR: directory, OPERON_LOG_LEVEL: 'silent', ...env });
  const store = createStore({ dataDirectory: directory });
  const runtime = await Runtime.start({ store, nodeId: 'test-node' });
  const identity = identityStoreOf(store);
  await bootstrapAdmin(
    identity,
    new AuditLog(identity, runtime.tenantId),
    runtime.tenantId,
    ADMIN_PASSWORD,
    Date.now(),
  );
  const app = await buildApp({ runtime, identity, config, logger: pino({ level: 'silent' }), closeGraceMs: 300 });
  await app.ready();
  const tenantId = runtime.tenantId;
  return {
    app,
    runtime,
    identity,
    config,
    async bearer(roles, owner = 'admin') {
      const { tokenId, secret, token } = newApiToken();
      await identity.createToken({
        tenantId,
        tokenId,
        secretHash: digest(secret),
        name: 'test token',
        owner,
        grants: roles.map((role) => (typeof role === 'string' ? { role, processId: '*' } : role)),
        createdAt: Date.now(),
        expiresAt: undefined,
        revokedAt: undefined,
      });
      return { authorization: `Bearer ${token}` };
    },
    async addUser(name, roles, groups = []) {
      await identity.createUser({
        tenantId,
        userName: name,
        displayName: undefined,
        passwordHash: await hashPassword(`${name}-password`),
        now: Date.now(),
      });
      await identity.setGrants(
        tenantId,
        { kind: 'user', id: name },
        roles.map((role) => ({ role, processId: '*' })),
      );
      for (const group of groups) {
        await identity.createGroup({ tenantId, groupId: group, name: group, now: Date.now() });
        await identity.addMember(tenantId, group, name);
      }
    },
    async close() {
      await app.close();
      await runtime.stop();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function example(name: string): string {
  return readFileSync(join(EXAMPLES_DIRECTORY, name), 'utf8');
}

/** A multipart/form-data body with these files (and an optional deployment name). */
export function multipart(
  files: readonly { name: string; content: string }[],
  name?: string,
): { payload: string; headers: Record<string, string> } {
  const boundary = '----operon-test-boundary';
  const parts = files.map(
    (file) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="resources"; filename="${file.name}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n${file.content}\r\n`,
  );
  if (name !== undefined)
    parts.unshift(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n`);
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

/** start → one service task of `type` → end. */
export function oneJobProcess(processId: string, type: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-${processId}" targetNamespace="http://operon.test">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
}
