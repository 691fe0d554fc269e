import type { TimerEventDefinition } from './process-definition';

/** A timer to check when a model is deployed. */
export interface TimerToCheck {
  readonly timerKind: TimerEventDefinition['timerKind'];
  readonly value: TimerEventDefinition['expression'];
  /** A process's timer start event: Zeebe evaluates its expression when deploying, without variables. */
  readonly evaluatedAtDeploy: boolean;
}

/**
 * Checks a timer at deployment: a message saying what is wrong, or undefined when it is valid or can only be
 * known when it runs. Passed in (like the FEEL syntax check) so that `model` does not depend on the engine,
 * which owns the timer grammar: the caller wires `@operon/engine`'s `checkTimer`.
 */
export type TimerCheck = (timer: TimerToCheck) => string | undefined;
