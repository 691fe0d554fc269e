/** What one decision's evaluation did: the audit record a process history keeps. */
export interface DecisionAudit {
  readonly decisionId: string;
  readonly decisionName: string;
  readonly namespace: string;
  /** The values the decision saw: its required inputs and decisions (JSON). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The rules that made the result (1-based index in their table), e.g. all matches for COLLECT, one for FIRST. */
  readonly matchedRules: readonly {
    readonly ruleId: string | undefined;
    readonly index: number;
    readonly tableId: string | undefined;
  }[];
  readonly output: unknown;
  readonly errors: readonly string[];
}
