import type { EvalEnv, FeelValue, Scope } from '@operon/feel';

/** A rule a decision table matched, for the audit record. */
export interface MatchedRule {
  readonly ruleId: string | undefined;
  /** 1-based position of the rule in its table. */
  readonly index: number;
  readonly tableId: string | undefined;
}

/** The evaluation environment of a DMN evaluation: FEEL's, plus where tables record their matches. */
export interface DmnEnv extends EvalEnv {
  matchedRules: MatchedRule[];
}

export type BoxedEvaluator = (scope: Scope, env: DmnEnv) => FeelValue;
