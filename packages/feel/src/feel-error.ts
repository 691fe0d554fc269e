/**
 * Why a FEEL expression failed. A value, not an exception: the engine turns it into an incident.
 * `syntax`: the expression does not parse. `evaluation`: it parsed but could not be evaluated
 * to a usable value (a type error, a failing function).
 */
export interface FeelError {
  readonly kind: 'syntax' | 'evaluation';
  readonly expression: string;
  readonly message: string;
}

export type FeelResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: FeelError };

export function feelFailure(kind: FeelError['kind'], expression: string, message: string): FeelResult<never> {
  return { ok: false, error: { kind, expression, message } };
}
