// Keeps docs/conformance.md and the reviews honest: the document is regenerated and compared, every scenario
// that needs a verdict has one, and verdicts that make claims about parseBpmn are checked against it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conformanceDocPath, REGENERATE, renderConformanceDoc } from './conformance-doc';
import { CORPORA, corporaPresent, loadScenarios, warnIfCorporaAbsent } from './corpus';
import { autoBlock, inspectModel, reviewDecides } from './model-findings';
import { reviewKey, reviews } from './outcome';

warnIfCorporaAbsent('the conformance document check');
const scenarios = corporaPresent ? loadScenarios() : [];
const here = path.dirname(fileURLToPath(import.meta.url));

describe.skipIf(!corporaPresent)('conformance with the bpmn-elements and bpmn-engine scenarios', () => {
  it('loads every scenario of both corpora', () => {
    expect(scenarios.filter((s) => s.corpus === 'bpmn-elements')).toHaveLength(231);
    expect(scenarios.filter((s) => s.corpus === 'bpmn-engine')).toHaveLength(50);
  });

  it('has a reviewed verdict for exactly the scenarios that are not blocked automatically', async () => {
    const blocked = await Promise.all(scenarios.map(autoBlock));
    for (const corpus of CORPORA) {
      const needed = scenarios.filter((s, i) => s.corpus === corpus && blocked[i] === undefined).map(reviewKey);
      // besides those, only a `runs` verdict for a scenario blocked by malformed XML (its test rewrites the model)
      const decided = scenarios
        .filter((s, i) => {
          const block = blocked[i];
          return s.corpus === corpus && block !== undefined && reviewDecides(block, reviews[corpus][reviewKey(s)]);
        })
        .map(reviewKey);
      const reviewed = Object.keys(reviews[corpus]);
      const missing = needed.filter((key) => !reviewed.includes(key));
      const extra = reviewed.filter((key) => !needed.includes(key) && !decided.includes(key));
      expect({ corpus, missing, extra }, 'review these scenarios again').toEqual({ corpus, missing: [], extra: [] });
    }
  });

  it('has a test file for every feature with runnable scenarios', () => {
    for (const corpus of CORPORA) {
      const features = Object.entries(reviews[corpus]).flatMap(([key, review]) =>
        review.kind === 'runs' ? [key.slice(0, key.indexOf('#'))] : [],
      );
      for (const feature of new Set(features)) {
        expect(existsSync(path.join(here, `${corpus}-${feature.toLowerCase()}.test.ts`)), `${corpus} ${feature}`).toBe(
          true,
        );
      }
    }
  });

  it('finds the stated diagnostic in a model of every scenario reviewed as refused', async () => {
    for (const scenario of scenarios) {
      const review = reviews[scenario.corpus][reviewKey(scenario)];
      if (review?.kind !== 'not-run' || review.refusedWith === undefined) continue;
      const findings = await Promise.all(scenario.models.map((model) => inspectModel(scenario.corpus, model)));
      const refusedWith = findings.some((finding) => !finding.ok && finding.errorCodes.includes(review.refusedWith!));
      expect(refusedWith, `${scenario.key} is refused with ${review.refusedWith}`).toBe(true);
    }
  });

  it(`docs/conformance.md is up to date (rewrite it with: ${REGENERATE})`, { timeout: 60_000 }, async () => {
    const current = existsSync(conformanceDocPath) ? readFileSync(conformanceDocPath, 'utf8') : '';
    expect(current === (await renderConformanceDoc()), `docs/conformance.md is stale; run ${REGENERATE}`).toBe(true);
  });
});
