// One vitest suite per corpus feature: the translated scenarios, registered under their corpus names, with
// `it.fails` exactly where the review records that the stated behaviour fails on Operon.
import { describe, expect, it } from 'vitest';
import { corporaPresent, loadScenarios, warnIfCorporaAbsent, type CorpusName } from './corpus';
import { reviewOf, reviews } from './outcome';

/** A translated scenario: given / when / then against Operon's engine. */
export type Translation = () => Promise<void>;

function runnableIndexes(corpus: CorpusName, feature: string): number[] {
  return Object.entries(reviews[corpus])
    .filter(([key, review]) => key.startsWith(`${feature}#`) && review.kind === 'runs')
    .map(([key]) => Number(key.slice(feature.length + 1)))
    .sort((a, b) => a - b);
}

export function conformanceFeature(
  corpus: CorpusName,
  feature: string,
  translations: Readonly<Record<number, Translation>>,
): void {
  warnIfCorporaAbsent(`the ${corpus} '${feature}' scenarios`);
  const scenarios = corporaPresent
    ? loadScenarios().filter((scenario) => scenario.corpus === corpus && scenario.feature === feature)
    : [];

  describe.skipIf(!corporaPresent)(`${corpus} feature '${feature}'`, () => {
    it('translates every scenario reviewed as runnable, and no other', () => {
      const translated = Object.keys(translations)
        .map(Number)
        .sort((a, b) => a - b);
      expect(translated).toEqual(runnableIndexes(corpus, feature));
    });

    for (const [index, translation] of Object.entries(translations)) {
      const scenario = scenarios.find((candidate) => candidate.index === Number(index));
      const review = scenario && reviewOf(scenario);
      const title = `#${index} ${scenario?.name ?? '(not in the corpus)'}`;
      if (review?.kind === 'runs' && review.failure !== undefined) it.fails(title, translation);
      else it(title, translation);
    }
  });
}
