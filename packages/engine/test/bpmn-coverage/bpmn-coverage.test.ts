// Keeps docs/bpmn-coverage.md honest: the document is regenerated and compared, every element marked as run is
// accepted by the model (and every other one refused with UNSUPPORTED_ELEMENT), and every named test exists.
import { DEPLOY_CHECKS } from '../../src/index';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBpmn } from '@operon/model';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../conformance/corpus';
import { bpmnCoverageDocPath, REGENERATE, renderBpmnCoverageDoc } from './bpmn-coverage-doc';
import { BPMN_COVERAGE } from './coverage-entries';
import { declaresTest, testTitles, type TestTitle } from './test-titles';

const entries = BPMN_COVERAGE.flatMap((section) => section.entries);

describe('docs/bpmn-coverage.md', () => {
  it(`is up to date (rewrite it with: ${REGENERATE})`, async () => {
    const current = existsSync(bpmnCoverageDocPath) ? readFileSync(bpmnCoverageDocPath, 'utf8') : '';
    expect(current === (await renderBpmnCoverageDoc()), `docs/bpmn-coverage.md is stale; run ${REGENERATE}`).toBe(true);
  });

  it.each(entries)('agrees with the model about $element', async (entry) => {
    // given a model that uses the element
    // when it is deployed
    const outcome = await parseBpmn(entry.model, DEPLOY_CHECKS);

    // then it is accepted when Operon runs the element, and refused as unsupported when it does not yet (naming
    // the element, or an element it needs, such as the transaction around a cancel end event)
    const diagnostics = outcome.diagnostics.map((d) => `${d.severity} ${d.code} ${String(d.elementId)}: ${d.message}`);
    const unsupported = !outcome.ok && outcome.diagnostics.some((d) => d.code === 'UNSUPPORTED_ELEMENT');
    if (entry.operon === 'runs') {
      expect(
        outcome.ok,
        `${entry.element} is marked as run, but the model refuses it:\n${diagnostics.join('\n')}`,
      ).toBe(true);
    } else {
      expect(unsupported, `${entry.element} is marked 'not yet', but:\n${diagnostics.join('\n') || 'it parses'}`).toBe(
        true,
      );
    }
  });

  it('names only tests that exist', () => {
    const titlesByFile = new Map<string, readonly TestTitle[] | undefined>();
    const titlesIn = (file: string) => {
      if (!titlesByFile.has(file)) {
        const absolute = path.join(repoRoot, file);
        titlesByFile.set(file, existsSync(absolute) ? testTitles(readFileSync(absolute, 'utf8'), file) : undefined);
      }
      return titlesByFile.get(file);
    };

    const missing = entries.flatMap((entry) =>
      entry.operon === 'runs'
        ? entry.provedBy
            .filter(({ file, name }) => !declaresTest(titlesIn(file) ?? [], name))
            .map(({ file, name }) => `${entry.element}: ${file} › ${name}${titlesIn(file) ? '' : ' (no such file)'}`)
        : [],
    );

    expect(missing, 'rename these in coverage-entries.ts, or name the tests that prove the element').toEqual([]);
  });
});

describe('test titles read from a test file', () => {
  const titles = testTitles(`
    describe('outer', () => {
      describe.skipIf(false)('inner', () => {
        it('does one thing', () => {});
        it.each([1, 2])('counts to %s', () => {});
      });
    });
    test(\`stands \${'alone'}\`, () => {});`);

  it('finds a test by its title, or by the titles of its describe blocks and its own', () => {
    expect(declaresTest(titles, 'does one thing')).toBe(true);
    expect(declaresTest(titles, 'inner › does one thing')).toBe(true);
    expect(declaresTest(titles, 'outer › inner › does one thing')).toBe(true);
    expect(declaresTest(titles, 'counts to 2')).toBe(true);
    expect(declaresTest(titles, 'stands alone')).toBe(true);
  });

  it('does not find a test that is not there, or under another describe block', () => {
    expect(declaresTest(titles, 'does another thing')).toBe(false);
    expect(declaresTest(titles, 'outer › does one thing')).toBe(false);
    expect(declaresTest(titles, 'inner')).toBe(false);
    expect(declaresTest(titles, 'does one')).toBe(false);
  });
});
