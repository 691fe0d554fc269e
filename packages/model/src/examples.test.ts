// The repository's example models (`examples/*.bpmn`, run by `npm start`) must always parse cleanly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSyntax } from '@operon/feel';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from './index';

const examples = fileURLToPath(new URL('../../../examples', import.meta.url));
const files = readdirSync(examples).filter((name) => name.endsWith('.bpmn'));

describe('example models', () => {
  it.each(files)('%s parses without diagnostics', async (name) => {
    const outcome = await parseBpmn(readFileSync(path.join(examples, name), 'utf8'), { checkExpression: checkSyntax });

    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.ok).toBe(true);
  });
});
