import { BUILTIN_NAMES } from './builtins';
import { compile, CompileError, type CompileUnit } from './compile';
import { compileUnaryTestsNode } from './compile-unary';
import { feelFailure, type FeelResult } from './feel-error';
import type { EvalEnv } from './feel-function';
import { conformsTo, parseType } from './feel-type';
import type { FeelValue } from './feel-value';
import type { Scope } from './scope';
import { firstError, parseTree } from './syntax-tree';

/** A FEEL expression compiled once to closures; evaluating it does not parse again. */
export interface CompiledExpression {
  readonly source: string;
  evaluate(scope: Scope, env: EvalEnv): FeelValue;
}

/** Compiled unary tests (a decision table's input entry): does the input pass? */
export interface CompiledUnaryTests {
  readonly source: string;
  test(input: FeelValue, scope: Scope, env: EvalEnv): boolean | null;
}

function guarded<A extends unknown[], R>(source: string, fn: (env: EvalEnv, ...args: A) => R, fallback: R) {
  return (env: EvalEnv, ...args: A): R => {
    try {
      return fn(env, ...args);
    } catch (error) {
      // A bug or a pathological input must not crash the caller: FEEL's answer to failure is null.
      env.errors.push(`${source}: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
}

/** Multi-word names the parser must know: built-ins and type names (single words parse anyway). */
const PARSER_NAMES = [...BUILTIN_NAMES, 'days and time duration', 'years and months duration'].filter((name) =>
  name.includes(' '),
);

function compileWith<T>(
  source: string,
  mode: 'expression' | 'unary-tests',
  names: readonly string[],
  build: (unit: CompileUnit, tree: ReturnType<typeof parseTree>) => T,
): FeelResult<T> {
  if (source.trim() === '') return feelFailure('syntax', source, 'the expression is empty');
  const tree = parseTree(source, mode, [...PARSER_NAMES, ...names]);
  const problem = firstError(tree, source);
  if (problem !== undefined) return feelFailure('syntax', source, problem);
  try {
    return { ok: true, value: build({ source, usesInput: false, compile }, tree), warnings: [] };
  } catch (error) {
    if (error instanceof CompileError) return feelFailure('syntax', source, error.message);
    throw error;
  }
}

/** Compiles an expression; `names` are the variables in scope (so multi-word names parse). */
export function compileExpression(source: string, names: readonly string[] = []): FeelResult<CompiledExpression> {
  const compiled = compileWithParser(source, names);
  return compiled.ok ? compiled : (compileRangeInstanceOf(source, names) ?? compiled);
}

/**
 * The parser does not know DMN 1.5's `range<T>` type; `e instance of range<T>` is compiled by
 * splitting it off (only when the whole expression failed to parse).
 */
function compileRangeInstanceOf(source: string, names: readonly string[]): FeelResult<CompiledExpression> | undefined {
  const match = /^([\s\S]*)\binstance\s+of\s+(range\s*<[\s\S]*>)\s*$/.exec(source);
  const type = match?.[2] === undefined ? undefined : parseType(match[2]);
  if (match?.[1] === undefined || type === undefined) return undefined;
  const operand = compileWithParser(match[1], names);
  if (!operand.ok) return undefined;
  const value = operand.value;
  return {
    ok: true,
    value: { source, evaluate: (scope, env) => conformsTo(value.evaluate(scope, env), type) },
    warnings: [],
  };
}

function compileWithParser(source: string, names: readonly string[]): FeelResult<CompiledExpression> {
  return compileWith(source, 'expression', names, (unit, tree) => {
    const evaluator = compile(tree, unit);
    const run = guarded(source, (env: EvalEnv, scope: Scope) => evaluator(scope, env), null);
    return { source, evaluate: (scope, env) => run(env, scope) };
  });
}

/** Compiles unary tests such as `< 10`, `"a","b"`, `[1..5]`, `not(3)`, `-`, `? > x`. */
export function compileUnaryTests(source: string, names: readonly string[] = []): FeelResult<CompiledUnaryTests> {
  return compileWith(source, 'unary-tests', names, (unit, tree) => {
    const test = compileUnaryTestsNode(tree, unit);
    const run = guarded(source, (env: EvalEnv, input: FeelValue, scope: Scope) => test(input, scope, env), null);
    return { source, test: (input, scope, env) => run(env, input, scope) };
  });
}
