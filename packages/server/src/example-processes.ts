import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeploymentRecord } from '@operon/store';
import type { Runtime } from '@operon/runtime';

/** The repository's examples/ folder. */
export const EXAMPLES_DIRECTORY = fileURLToPath(new URL('../../../examples/', import.meta.url));

const DEPLOYABLE = /\.(bpmn|dmn|form|schema\.json)$/i;

/** Deploys the example processes when nothing is deployed yet (a first start); else does nothing. */
export async function deployExamplesOnFirstStart(
  runtime: Runtime,
  directory: string = EXAMPLES_DIRECTORY,
): Promise<DeploymentRecord | undefined> {
  const existing = await runtime.store.listDeployments(runtime.tenantId, { limit: 1 });
  if (existing.items.length > 0) return undefined;
  const names = (await readdir(directory).catch(() => [])).filter((name) => DEPLOYABLE.test(name)).sort();
  if (names.length === 0) return undefined;
  const resources = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(directory, name), 'utf8') })),
  );
  return runtime.deploy('examples', resources);
}
