import { readFile } from 'node:fs/promises';
import { parseDmnDocuments, type DmnModel } from '@operon/dmn';
import type { DecisionLookup } from '@operon/engine';
import { CliUsageError } from './cli-error';

export interface LoadedDecisions {
  readonly lookup: DecisionLookup;
  readonly models: readonly DmnModel[];
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

/** Reads `--dmn` files (they may import each other); a file with errors is a usage error that lists them. */
export async function readDecisions(paths: readonly string[]): Promise<LoadedDecisions> {
  const files: { path: string; content: string }[] = [];
  for (const path of paths) {
    try {
      files.push({ path, content: await readFile(path, 'utf8') });
    } catch {
      throw new CliUsageError(`Cannot read the DMN file ${path}.`);
    }
  }
  const { models, diagnostics } = await parseDmnDocuments(files.map((file) => file.content));
  if (diagnostics.length > 0) {
    const lines = diagnostics.map((d) => `  ${d.code}${d.elementId ? ` [${d.elementId}]` : ''}: ${d.message}`);
    throw new CliUsageError(`The DMN files have errors:\n${lines.join('\n')}`);
  }
  const byDecision = new Map<string, DmnModel>();
  for (const model of models) for (const id of model.decisions.keys()) byDecision.set(id, model);
  return { lookup: (id) => byDecision.get(id), models, files };
}
