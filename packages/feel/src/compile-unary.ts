import { CompileError, textOf, type CompileUnit, type Evaluator } from './compile-unit';
import type { EvalEnv } from './feel-function';
import { feelCompare, feelEquals, FeelRange, inRange, isList, typeName, type FeelValue } from './feel-value';
import type { Scope } from './scope';
import { childrenOf, type SyntaxNode } from './syntax-tree';

/** A compiled unary test: does the input pass? null when it cannot be decided. */
export type UnaryTest = (input: FeelValue, scope: Scope, env: EvalEnv) => boolean | null;

type CompareOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export function compareValues(operator: CompareOperator, a: FeelValue, b: FeelValue, env: EvalEnv): boolean | null {
  if (operator === '=' || operator === '!=') {
    const same = feelEquals(a, b);
    if (same === null) return null;
    return operator === '=' ? same : !same;
  }
  if (a === null || b === null) return null;
  const order = feelCompare(a, b);
  if (order === undefined) {
    env.errors.push(`cannot compare a ${typeName(a)} with a ${typeName(b)}`);
    return null;
  }
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function compileInterval(node: SyntaxNode, unit: CompileUnit): (scope: Scope, env: EvalEnv) => FeelRange {
  const children = childrenOf(node);
  const open = textOf(children[0] as SyntaxNode, unit);
  const close = textOf(children[children.length - 1] as SyntaxNode, unit);
  const bounds = children.slice(1, -1).filter((child) => child.name !== '..');
  const [startNode, endNode] = bounds;
  if (startNode === undefined || endNode === undefined) throw new CompileError('incomplete interval');
  const start = unit.compile(startNode, unit);
  const end = unit.compile(endNode, unit);
  const literalNull = startNode.name === 'null' || endNode.name === 'null';
  return (scope, env) => {
    const from = start(scope, env);
    const to = end(scope, env);
    const startIncluded = open === '[';
    const endIncluded = close === ']';
    // DMN 1.3: an endpoint that evaluates to null leaves that side open, as `< 10` does.
    if (!literalNull && from === null && to !== null)
      return new FeelRange(null, to, false, endIncluded, endIncluded ? '<=' : '<');
    if (!literalNull && to === null && from !== null)
      return new FeelRange(from, null, startIncluded, false, startIncluded ? '>=' : '>');
    return new FeelRange(from, to, startIncluded, endIncluded);
  };
}

/** `[1..10]`, `< 5` used as a value: a range (DMN 1.4). */
export function compileRangeLiteral(node: SyntaxNode, unit: CompileUnit): Evaluator {
  if (node.name === 'Interval') return compileInterval(node, unit);
  const children = childrenOf(node);
  const first = children[0];
  if (first?.name === 'Interval') return compileInterval(first, unit);
  const operator = textOf(first as SyntaxNode, unit) as CompareOperator;
  const endpoint = unit.compile(children[1] as SyntaxNode, unit);
  return (scope, env) => {
    const value = endpoint(scope, env);
    switch (operator) {
      case '<':
      case '<=':
        return new FeelRange(null, value, false, operator === '<=', operator);
      case '>':
      case '>=':
        return new FeelRange(value, null, operator === '>=', false, operator);
      case '=':
      case '!=':
        return new FeelRange(value, value, true, true, operator);
    }
  };
}

function compileSimpleTest(node: SyntaxNode, unit: CompileUnit): UnaryTest {
  const children = childrenOf(node);
  const first = children[0];
  if (first?.name === 'Interval') {
    const interval = compileInterval(first, unit);
    return (input, scope, env) => (input === null ? null : inRange(input, interval(scope, env)));
  }
  const operator = textOf(first as SyntaxNode, unit) as CompareOperator;
  const endpoint = unit.compile(children[1] as SyntaxNode, unit);
  return (input, scope, env) => compareValues(operator, input, endpoint(scope, env), env);
}

/** One positive unary test: a comparison, an interval, or an expression compared with the input. */
export function compilePositiveTest(node: SyntaxNode, unit: CompileUnit): UnaryTest {
  const inner = node.name === 'PositiveUnaryTest' ? (childrenOf(node)[0] ?? node) : node;
  if (inner.name === 'SimplePositiveUnaryTest') return compileSimpleTest(inner, unit);
  const local: CompileUnit = { source: unit.source, usesInput: false, compile: unit.compile };
  const expression = local.compile(inner, local);
  if (local.usesInput) {
    return (input, scope, env) => {
      const value = expression(scope.with(new Map([['?', input]])), env);
      return typeof value === 'boolean' ? value : null;
    };
  }
  return (input, scope, env) => {
    const value = expression(scope, env);
    if (value instanceof FeelRange) return input === null ? null : inRange(input, value);
    if (isList(value)) {
      const member = value.some((item) =>
        item instanceof FeelRange ? input !== null && inRange(input, item) === true : feelEquals(input, item) === true,
      );
      if (member || !isList(input)) return member;
    }
    if (value === true && typeof input !== 'boolean') return true;
    return feelEquals(input, value);
  };
}

function anyOf(tests: readonly UnaryTest[]): UnaryTest {
  if (tests.length === 1 && tests[0] !== undefined) return tests[0];
  return (input, scope, env) => {
    let sawNull = false;
    for (const test of tests) {
      const result = test(input, scope, env);
      if (result === true) return true;
      if (result === null) sawNull = true;
    }
    return sawNull ? null : false;
  };
}

function compilePositiveTests(node: SyntaxNode, unit: CompileUnit): UnaryTest {
  return anyOf(
    childrenOf(node)
      .filter((child) => child.name !== '(' && child.name !== ')')
      .map((child) => compilePositiveTest(child, unit)),
  );
}

/** The top of a unary-tests parse: `-`, `not(…)`, or a list of positive tests. */
export function compileUnaryTestsNode(node: SyntaxNode, unit: CompileUnit): UnaryTest {
  const children = childrenOf(node);
  const first = children[0];
  if (first === undefined) throw new CompileError('empty unary tests');
  if (first.name === 'Wildcard') return () => true;
  if (first.name === 'not') {
    const tests = children.find((child) => child.name === 'PositiveUnaryTests');
    if (tests === undefined) throw new CompileError('empty not()');
    const positive = compilePositiveTests(tests, unit);
    return (input, scope, env) => {
      const result = positive(input, scope, env);
      return result === null ? null : !result;
    };
  }
  if (first.name === 'PositiveUnaryTests') return compilePositiveTests(first, unit);
  return compilePositiveTest(first, unit);
}

/** `a < b`, `a between b and c`, `a in tests`. */
export function compileComparison(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  const [leftNode, operatorNode] = children;
  if (leftNode === undefined || operatorNode === undefined) throw new CompileError('incomplete comparison');
  const left = unit.compile(leftNode, unit);
  if (operatorNode.name === 'between') {
    const low = unit.compile(children[2] as SyntaxNode, unit);
    const high = unit.compile(children[4] as SyntaxNode, unit);
    return (scope, env) => {
      const value = left(scope, env);
      const lower = compareValues('>=', value, low(scope, env), env);
      const upper = compareValues('<=', value, high(scope, env), env);
      if (lower === false || upper === false) return false;
      return lower === null || upper === null ? null : true;
    };
  }
  if (operatorNode.name === 'in') {
    const testsNode = children
      .slice(2)
      .find((child) => child.name === 'PositiveUnaryTests' || child.name === 'PositiveUnaryTest');
    if (testsNode === undefined) throw new CompileError('incomplete in');
    const test =
      testsNode.name === 'PositiveUnaryTests'
        ? compilePositiveTests(testsNode, unit)
        : compilePositiveTest(testsNode, unit);
    return (scope, env) => test(left(scope, env), scope, env);
  }
  const right = unit.compile(children[2] as SyntaxNode, unit);
  const operator = textOf(operatorNode, unit) as CompareOperator;
  return (scope, env) => compareValues(operator, left(scope, env), right(scope, env), env);
}
