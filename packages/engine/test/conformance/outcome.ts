// One result per corpus scenario: the automatic blockers first (a `runs` verdict overrides only malformed XML, see
// reviewDecides), then the reviewed verdicts.
import type { CorpusName, CorpusScenario } from './corpus';
import { autoBlock, reviewDecides } from './model-findings';
import type { Review } from './review';
import { bpmnElementsReview } from './review-bpmn-elements';
import { bpmnElementsCompensationReview } from './review-bpmn-elements-compensation';
import {
  bpmnElementsMessageThrowReview,
  bpmnEngineConditionalStartReview,
} from './review-message-throw-and-conditional-start';
import { bpmnEngineReview } from './review-bpmn-engine';
import { callActivityReviews } from './review-call-activity';

export const reviews: { readonly [C in CorpusName]: Readonly<Record<string, Review>> } = {
  'bpmn-elements': {
    ...bpmnElementsReview,
    ...bpmnElementsCompensationReview,
    ...bpmnElementsMessageThrowReview,
    ...callActivityReviews['bpmn-elements'],
  },
  'bpmn-engine': { ...bpmnEngineReview, ...bpmnEngineConditionalStartReview, ...callActivityReviews['bpmn-engine'] },
};

/** The review key of a scenario inside its corpus: `<feature>#<index>`. */
export function reviewKey(scenario: CorpusScenario): string {
  return `${scenario.feature}#${scenario.index}`;
}

export function reviewOf(scenario: CorpusScenario): Review | undefined {
  const table = reviews[scenario.corpus];
  const key = reviewKey(scenario);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export type Result = 'passes' | 'fails' | 'not run';

export interface ScenarioOutcome {
  readonly scenario: CorpusScenario;
  readonly result: Result;
  /** For `not run`: the category of the reason; for runs: `runs`. */
  readonly category: string;
  /** The specific reason; for a failure, its cause and explanation; for a partial run, what is not asserted. */
  readonly detail: string;
  readonly partial: boolean;
}

export async function outcomeOf(scenario: CorpusScenario): Promise<ScenarioOutcome> {
  const blocked = await autoBlock(scenario);
  const review = reviewOf(scenario);
  if (blocked && !reviewDecides(blocked, review))
    return { scenario, result: 'not run', category: blocked.category, detail: blocked.detail, partial: false };
  if (review === undefined) {
    return { scenario, result: 'not run', category: 'not reviewed yet', detail: 'needs a verdict', partial: false };
  }
  if (review.kind === 'not-run') {
    return { scenario, result: 'not run', category: review.category, detail: review.reason, partial: false };
  }
  const notAsserted = review.partial === undefined ? '' : `not asserted: ${review.partial}`;
  if (review.failure) {
    const why = `${review.failure.cause}: ${review.failure.reason}`;
    return {
      scenario,
      result: 'fails',
      category: 'runs',
      detail: [why, notAsserted].filter(Boolean).join('; '),
      partial: review.partial !== undefined,
    };
  }
  return { scenario, result: 'passes', category: 'runs', detail: notAsserted, partial: review.partial !== undefined };
}

export function outcomesOf(scenarios: readonly CorpusScenario[]): Promise<ScenarioOutcome[]> {
  return Promise.all(scenarios.map(outcomeOf));
}
