// The reviewed half of the classification: a verdict, written by a person, for every scenario that is not
// already blocked by an unsupported element or by XML parseBpmn cannot read (see model-findings.ts).

export const NotRunCategory = {
  javascript: 'depends on JavaScript',
  engineApi: 'engine API feature',
  refused: 'model refused',
  ignoredData: 'ignored BPMN data',
} as const;
export type NotRunCategory = (typeof NotRunCategory)[keyof typeof NotRunCategory];

/** What each category means, for the totals of docs/conformance.md. */
export const NOT_RUN_MEANING: { readonly [C in NotRunCategory]: string } = {
  [NotRunCategory.javascript]: 'the stated behaviour comes from a JavaScript script, expression or service function',
  [NotRunCategory.engineApi]:
    "bpmn-elements' or bpmn-engine's own API: stop/resume/recover of their state, environment options, " +
    'extensions, listeners, formatting, shake',
  [NotRunCategory.refused]:
    'Operon refuses the model, as Camunda 8 would: bpmn-elements dialect such as processes without a start ' +
    'event, anonymous messages, non-executable processes',
  [NotRunCategory.ignoredData]:
    'the behaviour is about bpmn:property, data objects, data stores or data associations, which Operon, like ' +
    'Camunda 8, ignores',
};

export const FailureCause = {
  camundaSemantics: 'Camunda 8 semantics differ',
  engineBug: 'engine bug',
} as const;
export type FailureCause = (typeof FailureCause)[keyof typeof FailureCause];

export type Review =
  | {
      readonly kind: 'runs';
      /** Steps that are not asserted, and why; undefined when every Then/And step is asserted. */
      readonly partial: string | undefined;
      /** Set when the stated behaviour fails on Operon: the test is `it.fails`. */
      readonly failure: { readonly cause: FailureCause; readonly reason: string } | undefined;
    }
  | {
      readonly kind: 'not-run';
      readonly category: NotRunCategory;
      readonly reason: string;
      /** For `refused`: the diagnostic code one of the scenario's models must be refused with (checked by a test). */
      readonly refusedWith: string | undefined;
    };

export function runs(options: { partial?: string; fails?: { cause: FailureCause; reason: string } } = {}): Review {
  return { kind: 'runs', partial: options.partial, failure: options.fails };
}

export function javascript(reason: string): Review {
  return { kind: 'not-run', category: NotRunCategory.javascript, reason, refusedWith: undefined };
}

export function engineApi(reason: string): Review {
  return { kind: 'not-run', category: NotRunCategory.engineApi, reason, refusedWith: undefined };
}

export function refused(code: string, reason: string): Review {
  return { kind: 'not-run', category: NotRunCategory.refused, reason, refusedWith: code };
}

/** Refused without a diagnostic on the scenario's own models: Operon does not deploy or call what they need. */
export function notDeployable(reason: string): Review {
  return { kind: 'not-run', category: NotRunCategory.refused, reason, refusedWith: undefined };
}

export function ignoredData(reason: string): Review {
  return { kind: 'not-run', category: NotRunCategory.ignoredData, reason, refusedWith: undefined };
}

export function engineBug(reason: string): { cause: FailureCause; reason: string } {
  return { cause: FailureCause.engineBug, reason };
}

export function camundaSemantics(reason: string): { cause: FailureCause; reason: string } {
  return { cause: FailureCause.camundaSemantics, reason };
}
