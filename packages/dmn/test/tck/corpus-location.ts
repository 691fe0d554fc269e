import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared/corpora/dmn-tck` beside the project's root (INDEX.md), or OPERON_CORPORA/dmn-tck. */
export function tckLocation(): string {
  const corpora =
    process.env.OPERON_CORPORA ?? resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'corpora');
  return join(corpora, 'dmn-tck');
}

export const SUITES = ['dmn13', 'latest'] as const;
export type Suite = (typeof SUITES)[number];

export function suiteDirectory(suite: Suite): string | undefined {
  const directory = join(tckLocation(), suite, 'TestCases');
  return existsSync(directory) ? directory : undefined;
}
