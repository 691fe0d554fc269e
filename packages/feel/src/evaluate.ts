import {
  SyntaxError as FeelSyntaxError,
  date,
  dateAndTime,
  evaluate as feelinEvaluate,
  unaryTest as feelinUnaryTest,
} from 'feelin';
import { feelFailure, type FeelResult } from './feel-error';
import { toJsonValue } from './json-value';

export type FeelContext = Readonly<Record<string, unknown>>;

/** The clock is passed in, so that evaluation is deterministic: `now()` and `today()` read it. */
export interface FeelClock {
  /** Milliseconds since the epoch. */
  readonly now: number;
}

function withClock(context: FeelContext, clock: FeelClock | undefined): Record<string, unknown> {
  if (clock === undefined) return context;
  const instant = new Date(clock.now).toISOString();
  return {
    now: () => dateAndTime(instant),
    today: () => date(instant.slice(0, 10)),
    ...context,
  };
}

/**
 * Evaluates a FEEL expression (without the Camunda `=` prefix) against variables.
 * The value is converted to plain JSON data (see `toJsonValue`).
 */
export function evaluateExpression(expression: string, context: FeelContext, clock?: FeelClock): FeelResult<unknown> {
  try {
    const { value, warnings } = feelinEvaluate(expression, withClock(context, clock));
    return { ok: true, value: toJsonValue(value), warnings: warnings.map((warning) => warning.message) };
  } catch (error) {
    return failureOf(expression, error);
  }
}

/**
 * Evaluates FEEL unary tests (`> 10`, `"a", "b"`, `[1..5]`) against an input value.
 * `null` means the tests could not be decided (FEEL's null).
 */
export function evaluateUnaryTests(
  tests: string,
  input: unknown,
  context: FeelContext,
  clock?: FeelClock,
): FeelResult<boolean | null> {
  try {
    const { value, warnings } = feelinUnaryTest(tests, { ...withClock(context, clock), '?': input });
    return { ok: true, value, warnings: warnings.map((warning) => warning.message) };
  } catch (error) {
    return failureOf(tests, error);
  }
}

function failureOf(expression: string, error: unknown): FeelResult<never> {
  const message = error instanceof Error ? error.message : String(error);
  const isSyntax = error instanceof FeelSyntaxError;
  return feelFailure(isSyntax ? 'syntax' : 'evaluation', expression, message);
}
