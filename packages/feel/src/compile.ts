import { arithmetic, type ArithmeticOperator } from './arithmetic';
import { builtinFunction } from './builtins';
import { compileCall, compileFunctionDefinition } from './compile-function';
import { compileFilter, compileFor, compileQuantified } from './compile-iteration';
import { compileComparison, compileRangeLiteral } from './compile-unary';
import { Decimal } from './decimal';
import { conformsTo, parseType } from './feel-type';
import { typeName, type FeelValue } from './feel-value';
import { property } from './properties';
import { DayTimeDuration, YearMonthDuration } from './temporal';
import { childrenOf, normalizeName, unescapeString, type SyntaxNode } from './syntax-tree';
import { CompileError, textOf, type CompileUnit, type Evaluator } from './compile-unit';

export { CompileError, textOf, type CompileUnit, type Evaluator };

const constant =
  (value: FeelValue): Evaluator =>
  () =>
    value;

function logical(kind: 'and' | 'or', operands: Evaluator[]): Evaluator {
  return (scope, env) => {
    let sawNull = false;
    for (const operand of operands) {
      const value = operand(scope, env);
      if (value === (kind === 'or')) return value;
      if (typeof value !== 'boolean') sawNull = true;
    }
    return sawNull ? null : kind === 'and';
  };
}

function compileVariable(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const name = normalizeName(textOf(node, unit));
  if (name === '?') {
    unit.usesInput = true;
  }
  return (scope, env) => {
    const value = scope.lookup(name);
    if (value !== undefined) return value;
    const builtin = builtinFunction(name);
    if (builtin !== undefined) return builtin;
    if (name.includes('.')) {
      // The parser took `a.b` for one name (a model declares a name with a dot): read it as a path.
      const [head = '', ...path] = name.split('.');
      const start = scope.lookup(head.trim());
      if (start !== undefined)
        return path.reduce<FeelValue>((value, part) => property(value, part.trim(), env.errors), start);
    }
    env.errors.push(`no variable named '${name}'`);
    return null;
  };
}

function compileArithmetic(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  if (children.length === 2) {
    const operand = compile(children[1] as SyntaxNode, unit);
    return (scope, env) => {
      const value = operand(scope, env);
      if (value instanceof Decimal) return value.negate();
      if (value instanceof DayTimeDuration) return new DayTimeDuration(value.seconds.negate());
      if (value instanceof YearMonthDuration) return new YearMonthDuration(-value.months);
      if (value !== null) env.errors.push(`cannot negate a ${typeName(value)}`);
      return null;
    };
  }
  const [leftNode, operatorNode, rightNode] = children;
  if (leftNode === undefined || operatorNode === undefined || rightNode === undefined)
    throw new CompileError('incomplete arithmetic');
  const left = compile(leftNode, unit);
  const right = compile(rightNode, unit);
  const operator = textOf(operatorNode, unit) as ArithmeticOperator;
  return (scope, env) => {
    const a = left(scope, env);
    const b = right(scope, env);
    const result = arithmetic(operator, a, b);
    if (result === null && a !== null && b !== null)
      env.errors.push(`cannot compute ${typeName(a)} ${operator} ${typeName(b)}`);
    return result;
  };
}

function compileContext(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const entries = childrenOf(node)
    .filter((child) => child.name === 'ContextEntry')
    .map((entry) => {
      const [keyNode, valueNode] = childrenOf(entry);
      if (keyNode === undefined || valueNode === undefined) throw new CompileError('incomplete context entry');
      const keyChild = keyNode.firstChild;
      const key =
        keyChild?.name === 'StringLiteral'
          ? unescapeString(textOf(keyChild, unit))
          : normalizeName(textOf(keyNode, unit));
      return { key, value: compile(valueNode, unit) };
    });
  return (scope, env) => {
    const result = new Map<string, FeelValue>();
    const inner = scope.with(result);
    for (const entry of entries) {
      if (result.has(entry.key)) {
        env.errors.push(`duplicate context entry '${entry.key}'`);
        return null;
      }
      result.set(entry.key, entry.value(inner, env));
    }
    return result;
  };
}

function compileDateTimeLiteral(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  const head = children[0];
  if (head?.name === 'AtLiteral') {
    const literal = head.firstChild;
    if (literal === null) throw new CompileError('empty @ literal');
    const text = unescapeString(textOf(literal, unit));
    const kind = /^-?P/.test(text)
      ? 'duration'
      : /^-?\d+-\d\d-\d\dT/.test(text)
        ? 'date and time'
        : text.includes(':')
          ? 'time'
          : 'date';
    const value = builtinFunction(kind)?.call([text], { errors: [], now: undefined }) ?? null;
    if (value === null) throw new CompileError(`not a valid @ literal: "${text}"`);
    return constant(value);
  }
  if (head === undefined) throw new CompileError('empty literal');
  return compileCall(node, normalizeName(textOf(head, unit)), unit);
}

function compileInstanceOf(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  const valueNode = children[0];
  const typeNode = children.find((child) => child.name === 'Type');
  if (valueNode === undefined || typeNode === undefined) throw new CompileError('incomplete instance of');
  const value = compile(valueNode, unit);
  const typeText = textOf(typeNode, unit);
  return (scope, env) => {
    const type = parseType(typeText, env.resolveType);
    if (type === undefined) {
      env.errors.push(`unknown type '${typeText}'`);
      return null;
    }
    return conformsTo(value(scope, env), type);
  };
}

const COMPILERS: Readonly<Record<string, (node: SyntaxNode, unit: CompileUnit) => Evaluator>> = {
  NumericLiteral: (node, unit) => {
    const value = Decimal.parse(textOf(node, unit).replace(/\s+/g, ''));
    if (value === undefined) throw new CompileError(`not a number: ${textOf(node, unit)}`);
    return constant(value);
  },
  StringLiteral: (node, unit) => constant(unescapeString(textOf(node, unit))),
  BooleanLiteral: (node, unit) => constant(textOf(node, unit) === 'true'),
  null: () => constant(null),
  VariableName: compileVariable,
  '?': (node, unit) => compileVariable(node, unit),
  ParenthesizedExpression: (node, unit) => compile(single(node, '(', ')'), unit),
  Expression: (node, unit) => compile(single(node), unit),
  ArithmeticExpression: compileArithmetic,
  Disjunction: (node, unit) => logical('or', operands(node, unit, 'or')),
  Conjunction: (node, unit) => logical('and', operands(node, unit, 'and')),
  Comparison: compileComparison,
  SimplePositiveUnaryTest: compileRangeLiteral,
  Interval: compileRangeLiteral,
  PathExpression: (node, unit) => {
    const children = childrenOf(node);
    const target = compile(children[0] as SyntaxNode, unit);
    const name = normalizeName(textOf(children[children.length - 1] as SyntaxNode, unit));
    if (children[0]?.name !== 'VariableName') return (scope, env) => property(target(scope, env), name, env.errors);
    // A model may name a variable `Person.Gender` (a BKM parameter): that name wins over the path.
    const dotted = normalizeName(textOf(node, unit)).replace(/\s*\.\s*/g, '.');
    return (scope, env) => {
      const whole = scope.lookup(dotted);
      return whole !== undefined ? whole : property(target(scope, env), name, env.errors);
    };
  },
  FilterExpression: compileFilter,
  FunctionInvocation: (node, unit) => compileCall(node, undefined, unit),
  DateTimeLiteral: compileDateTimeLiteral,
  Context: compileContext,
  List: (node, unit) => {
    const items = childrenOf(node)
      .filter((child) => child.name !== '[' && child.name !== ']')
      .map((child) => compile(child, unit));
    return (scope, env) => items.map((item) => item(scope, env));
  },
  ForExpression: compileFor,
  QuantifiedExpression: compileQuantified,
  IfExpression: (node, unit) => {
    const parts = childrenOf(node).filter((child) => !['if', 'then', 'else'].includes(child.name));
    const [condition, then, otherwise] = parts.map((part) => compile(part, unit));
    if (condition === undefined || then === undefined || otherwise === undefined)
      throw new CompileError('incomplete if');
    return (scope, env) => (condition(scope, env) === true ? then(scope, env) : otherwise(scope, env));
  },
  InstanceOfExpression: compileInstanceOf,
  FunctionDefinition: compileFunctionDefinition,
};

function single(node: SyntaxNode, ...punctuation: string[]): SyntaxNode {
  const inner = childrenOf(node).filter((child) => !punctuation.includes(child.name));
  if (inner.length !== 1 || inner[0] === undefined) throw new CompileError('expected one expression');
  return inner[0];
}

function operands(node: SyntaxNode, unit: CompileUnit, keyword: string): Evaluator[] {
  return childrenOf(node)
    .filter((child) => child.name !== keyword)
    .map((child) => compile(child, unit));
}

export function compile(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const compiler = COMPILERS[node.name];
  if (compiler === undefined)
    throw new CompileError(`unsupported syntax: ${node.name} ("${textOf(node, unit).slice(0, 30)}")`);
  return compiler(node, unit);
}
