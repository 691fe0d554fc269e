import { describe, expect, it } from 'vitest';
import figures from './tck-figures.json' with { type: 'json' };
import { SUITES, suiteDirectory, tckLocation } from './corpus-location';
import { runTck } from './tck-runner';

// The DMN TCK corpus lives outside the repository (../shared/corpora, see its INDEX.md).
// When it is there, each suite must pass at least as many tests as last recorded in tck-figures.json.
describe('DMN TCK conformance', () => {
  for (const suite of SUITES) {
    const directory = suiteDirectory(suite);
    if (directory === undefined) {
      it.skip(`${suite}: skipped, the corpus is absent (${tckLocation()})`, () => {});
      console.warn(`DMN TCK ${suite}: skipped, the corpus is absent at ${tckLocation()}`);
      continue;
    }
    it(`given the ${suite} suite, when every test case runs, then no fewer pass than recorded`, async () => {
      const results = await runTck(directory, Date.UTC(2026, 0, 1));
      const passed = (level?: string): number =>
        results.filter((result) => result.outcome === 'SUCCESS' && (level === undefined || result.level === level))
          .length;
      const recorded = figures[suite];
      expect(results).toHaveLength(recorded.total);
      expect(passed('compliance-level-2')).toBeGreaterThanOrEqual(recorded.level2);
      expect(passed()).toBeGreaterThanOrEqual(recorded.passed);
    }, 120_000);
  }
});
