import { CompileError, type CompileUnit, type Evaluator } from './compile-unit';
import { Decimal } from './decimal';
import type { EvalEnv } from './feel-function';
import { FeelRange, isContext, isList, type FeelValue } from './feel-value';
import { FeelDate } from './temporal';
import type { Scope } from './scope';
import { childrenOf, normalizeName, type SyntaxNode } from './syntax-tree';

interface IterationSource {
  readonly name: string;
  readonly values: (scope: Scope, env: EvalEnv) => readonly FeelValue[] | null;
}

function integerRange(from: FeelValue, to: FeelValue, env: EvalEnv): FeelValue[] | null {
  if (from instanceof FeelDate && to instanceof FeelDate) {
    const step = from.epochDay <= to.epochDay ? 1 : -1;
    const days: FeelValue[] = [];
    for (let day = from.epochDay; step > 0 ? day <= to.epochDay : day >= to.epochDay; day += step)
      days.push(FeelDate.fromEpochDay(day));
    return days;
  }
  if (!(from instanceof Decimal) || !(to instanceof Decimal) || !from.isInteger() || !to.isInteger()) {
    env.errors.push('a for range needs integer or date bounds');
    return null;
  }
  const start = from.toNumber();
  const end = to.toNumber();
  const step = start <= end ? 1 : -1;
  const values: FeelValue[] = [];
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) values.push(Decimal.fromInt(i));
  return values;
}

function compileSources(node: SyntaxNode, unit: CompileUnit): IterationSource[] {
  const inExpressions = childrenOf(node).find((child) => child.name === 'InExpressions');
  if (inExpressions === undefined) throw new CompileError('missing iteration');
  return childrenOf(inExpressions).map((inExpression) => {
    const [nameNode, , contextNode] = childrenOf(inExpression);
    if (nameNode === undefined || contextNode === undefined) throw new CompileError('incomplete iteration');
    const name = normalizeName(unit.source.slice(nameNode.from, nameNode.to));
    const parts = childrenOf(contextNode).filter((child) => child.name !== '..');
    const [first, second] = parts.map((part) => unit.compile(part, unit));
    if (first === undefined) throw new CompileError('empty iteration context');
    if (second !== undefined)
      return { name, values: (scope, env) => integerRange(first(scope, env), second(scope, env), env) };
    return {
      name,
      values: (scope, env) => {
        const value = first(scope, env);
        if (isList(value)) return value;
        if (value === null) return null;
        if (value instanceof FeelRange) {
          env.errors.push('a range cannot be iterated; use `from..to`');
          return null;
        }
        return [value];
      },
    };
  });
}

/** Calls `visit` with a scope for each combination of the iteration variables (outer first). */
function iterate(
  sources: readonly IterationSource[],
  scope: Scope,
  env: EvalEnv,
  visit: (scope: Scope) => boolean,
): boolean {
  const step = (index: number, current: Scope): boolean => {
    const source = sources[index];
    if (source === undefined) return visit(current);
    const values = source.values(current, env);
    if (values === null) return false;
    for (const value of values) {
      if (!step(index + 1, current.with(new Map([[source.name, value]])))) return false;
    }
    return true;
  };
  return step(0, scope);
}

export function compileFor(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const sources = compileSources(node, unit);
  const children = childrenOf(node);
  const body = unit.compile(children[children.length - 1] as SyntaxNode, unit);
  return (scope, env) => {
    const results: FeelValue[] = [];
    const partial = new Map<string, FeelValue>([['partial', results]]);
    const complete = iterate(sources, scope.with(partial), env, (inner) => {
      results.push(body(inner, env));
      return true;
    });
    return complete ? results : null;
  };
}

export function compileQuantified(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  const every = children[0]?.name === 'every';
  const sources = compileSources(node, unit);
  const condition = unit.compile(children[children.length - 1] as SyntaxNode, unit);
  return (scope, env) => {
    const state = { found: false, sawOther: false };
    const complete = iterate(sources, scope, env, (inner) => {
      const value = condition(inner, env);
      if (value === !every) {
        state.found = true;
        return false;
      }
      if (typeof value !== 'boolean') state.sawOther = true;
      return true;
    });
    if (state.found) return !every;
    if (!complete) return null;
    return state.sawOther ? null : every;
  };
}

function itemScope(scope: Scope, item: FeelValue): Scope {
  const variables = new Map<string, FeelValue>([['item', item]]);
  if (isContext(item)) for (const [key, value] of item) variables.set(key, value);
  return scope.with(variables);
}

/** `list[condition]` or `list[index]` (1-based; negative counts from the end). */
export function compileFilter(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node).filter((child) => child.name !== '[' && child.name !== ']');
  const [targetNode, filterNode] = children;
  if (targetNode === undefined || filterNode === undefined) throw new CompileError('incomplete filter');
  const target = unit.compile(targetNode, unit);
  const filter = unit.compile(filterNode, unit);
  return (scope, env) => {
    const value = target(scope, env);
    if (value === null) return null;
    const list = isList(value) ? value : [value];
    if (list.length === 0) {
      const probe = filter(scope, { errors: [], now: env.now });
      return probe instanceof Decimal ? null : [];
    }
    const first = filter(itemScope(scope, list[0] ?? null), env);
    if (first instanceof Decimal) {
      if (!first.isInteger()) return null;
      const index = first.toNumber();
      const item = index > 0 ? list[index - 1] : list[list.length + index];
      if (item === undefined) {
        env.errors.push(`index ${index} is out of range`);
        return null;
      }
      return item;
    }
    const kept: FeelValue[] = [];
    list.forEach((item, position) => {
      const keep = position === 0 ? first : filter(itemScope(scope, item), env);
      if (keep === true) kept.push(item);
    });
    return kept;
  };
}
