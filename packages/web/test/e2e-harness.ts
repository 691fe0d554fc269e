import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { WEB_DIRECTORY } from '../scripts/build-if-stale';

/** Helpers of the end-to-end tests: the service, the built UI in front of it, and page checks. */

export { buildUiIfStale, WEB_DIRECTORY } from '../scripts/build-if-stale';
const REPOSITORY = resolve(WEB_DIRECTORY, '../..');
export const CHROMIUM_PATH = process.env.OPERON_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const ADMIN_PASSWORD = 'e2e-admin-password';

export interface RunningOperon {
  readonly url: string;
  stop(): Promise<void>;
}

/** `operon start` as a child process, on a free port, with a fresh data directory. */
export async function startOperon(): Promise<RunningOperon> {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'operon-web-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'start'], {
    cwd: REPOSITORY,
    env: {
      ...process.env,
      OPERON_PORT: '0',
      OPERON_HOST: '127.0.0.1',
      OPERON_DATA_DIR: dataDirectory,
      OPERON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      OPERON_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`operon start did not come up:\n${output}`)), 45_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /running at (http:\/\/\S+) /.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`operon start exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * Serves the built UI with `vite preview`, proxying /api to the service: the browser sees one origin,
 * as it will when the service serves packages/web/dist itself.
 */
export async function serveUi(operonUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const proxy = { '/api': { target: operonUrl } };
  const server: PreviewServer = await preview({
    configFile: join(WEB_DIRECTORY, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, proxy, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview has no local URL');
  return { url, close: () => server.close() };
}

export interface PageChecker {
  /** Writes a screenshot and runs axe-core; remembers serious and critical violations. */
  check(name: string): Promise<void>;
  readonly violations: string[];
  readonly consoleErrors: string[];
}

/** Collects console errors of a page; screenshots go to test/screenshots/<folder>/. */
export function pageChecker(page: Page, folder: string, axeSource: string): PageChecker {
  const directory = join(WEB_DIRECTORY, 'test', 'screenshots', folder);
  mkdirSync(directory, { recursive: true });
  const violations: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  let count = 0;
  return {
    violations,
    consoleErrors,
    async check(name) {
      count += 1;
      await page.screenshot({ path: join(directory, `${String(count).padStart(2, '0')}-${name}.png`), fullPage: true });
      const injected = await page.evaluate(() => 'axe' in window);
      if (!injected) await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } })
          .axe;
        const results = await axe.run(document, { resultTypes: ['violations'] });
        return results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      violations.push(...found.map((text) => `${name}: ${text}`));
    },
  };
}
