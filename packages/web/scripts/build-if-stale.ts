import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The root of packages/web. */
export const WEB_DIRECTORY = resolve(import.meta.dirname, '..');

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds packages/web/dist when it is missing or older than the sources; says whether it built. */
export async function buildUiIfStale(): Promise<boolean> {
  const index = join(WEB_DIRECTORY, 'dist', 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((name) => join(WEB_DIRECTORY, name));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange))) return false;
  await build({ configFile: join(WEB_DIRECTORY, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

// `node --import tsx packages/web/scripts/build-if-stale.ts` (the root `prestart`): a fast start when nothing changed.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildUiIfStale();
  process.stdout.write(built ? 'Built the web UI (packages/web/dist).\n' : 'The web UI is up to date.\n');
}
