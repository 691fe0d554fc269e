// Smoke test over BPMN files written by other tools (see ../shared/corpora/INDEX.md): whatever they
// contain, parseBpmn answers with a model or diagnostics, and never throws, hangs or fails internally.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSyntax } from '@operon/feel';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from './index';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const corpora = path.resolve(repoRoot, '../shared/corpora');
const folders = ['bpmn-miwg/Reference', 'bpmn-elements/test/resources'].map((folder) => path.join(corpora, folder));
const present = folders.every((folder) => existsSync(folder));

if (!present) console.warn(`Skipping the BPMN corpus smoke test: ${corpora} is absent (see ARCHITECTURE.md, "Tests").`);

function bpmnFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.bpmn'))
    .sort()
    .map((name) => path.join(folder, name));
}

const files = present ? folders.flatMap(bpmnFilesUnder) : [];

describe.skipIf(!present)('BPMN corpora', () => {
  it('has files to read', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((file) => [path.relative(corpora, file), file]))(
    '%s: a model or diagnostics, never a crash',
    { timeout: 20_000 },
    async (_, file) => {
      // given a file exported by some tool
      const xml = readFileSync(file, 'utf8');

      // when parsed
      const outcome = await parseBpmn(xml, { checkExpression: checkSyntax });

      // then it is either a model, or refused with at least one error, and never an internal failure
      expect(outcome.ok || outcome.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(outcome.diagnostics.filter((d) => d.code === 'PARSER_FAILURE')).toEqual([]);
      for (const diagnostic of outcome.diagnostics) expect(diagnostic.message.length).toBeGreaterThan(20);
    },
  );
});
