import { Decimal } from './decimal';
import type { EvalEnv } from './feel-function';
import { isList, typeName, type FeelList, type FeelValue } from './feel-value';

export type BuiltinImplementation = (args: readonly FeelValue[], env: EvalEnv) => FeelValue;

/** One signature of a built-in function: `params` lists names, `?` marks an optional one. */
export interface BuiltinDefinition {
  readonly name: string;
  readonly params: string;
  readonly variadic?: boolean;
  readonly invoke: BuiltinImplementation;
}

export function builtin(
  name: string,
  params: string,
  invoke: BuiltinImplementation,
  variadic = false,
): BuiltinDefinition {
  return { name, params, invoke, variadic };
}

/** Records why a built-in gave null. */
export function invalid(env: EvalEnv, message: string): null {
  env.errors.push(message);
  return null;
}

export function describe(value: FeelValue): string {
  return value === null ? 'null' : typeName(value);
}

export function asNumber(value: FeelValue | undefined): Decimal | undefined {
  return value instanceof Decimal ? value : undefined;
}

export function asInteger(value: FeelValue | undefined): number | undefined {
  return value instanceof Decimal ? value.round(0, 'down').toNumber() : undefined;
}

export function asString(value: FeelValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asList(value: FeelValue | undefined): FeelList | undefined {
  return isList(value) ? value : undefined;
}

/** The list a list function works on: its one list argument, or its arguments (`max(1, 2)`). */
export function listArgument(args: readonly FeelValue[]): FeelList | undefined {
  if (args.length === 1) {
    const only = args[0] ?? null;
    return isList(only) ? only : only === null ? undefined : [only];
  }
  return args;
}
