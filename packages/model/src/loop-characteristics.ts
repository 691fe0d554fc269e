// Loop characteristics of an activity, apart from process-definition.ts to keep it short.

/**
 * `bpmn:multiInstanceLoopCharacteristics` with `zeebe:loopCharacteristics`: one instance of the activity per
 * item of the input collection (or `loopCardinality` instances), in parallel or one after another, inside a
 * multi-instance body that is a scope of its own (as in Camunda 8). Expressions are FEEL without the `=`.
 */
export interface MultiInstanceLoop {
  readonly kind: 'multiInstance';
  readonly sequential: boolean;
  readonly inputCollection: string | undefined;
  /** The local variable of each instance that holds its item. */
  readonly inputElement: string | undefined;
  /** `bpmn:loopCardinality`: how many instances, when there is no input collection (BPMN; Camunda 8 has none). */
  readonly cardinality: string | undefined;
  /** A local variable of the body, filled per index with `outputElement`, then propagated when the body completes. */
  readonly outputCollection: string | undefined;
  readonly outputElement: string | undefined;
  /** Evaluated after each instance completes; true ends the remaining instances and completes the body. */
  readonly completionCondition: string | undefined;
}

/**
 * `bpmn:standardLoopCharacteristics` (BPMN 2.0.2 §10.3.8; Camunda 8 does not run it): the activity runs again
 * while the loop condition is true, at most `loopMaximum` times; `testBefore` checks before each run.
 */
export interface StandardLoop {
  readonly kind: 'standardLoop';
  readonly loopCondition: string | undefined;
  readonly loopMaximum: number | undefined;
  readonly testBefore: boolean;
}

export type LoopCharacteristics = MultiInstanceLoop | StandardLoop;
