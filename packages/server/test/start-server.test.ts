import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startServer } from '../src/start-server';

describe('startServer', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('on first start deploys the examples and prints the admin password once; later starts do neither', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'operon-start-'));
    directories.push(directory);
    const config = loadConfig({ OPERON_DATA_DIR: directory, OPERON_PORT: '0' });
    const silent = pino({ level: 'silent' });

    const first: string[] = [];
    const server = await startServer(config, (line) => first.push(line), silent);
    const password = /with the password (\S+)/.exec(first.join('\n'))?.[1];
    expect(password).toBeDefined();
    expect(first.join('\n')).toMatch(/Deployed the examples: .*order-fulfilment/);
    expect(first.join('\n')).toMatch(/Operon is running at http:\/\/127\.0\.0\.1:\d+/);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    await server.stop();

    const second: string[] = [];
    const again = await startServer(config, (line) => second.push(line), silent);
    await again.stop();
    expect(second.join('\n')).not.toMatch(/password|Deployed/);
  });
});
