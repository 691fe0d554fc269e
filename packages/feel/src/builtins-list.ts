import { asInteger, asList, builtin, invalid, listArgument, type BuiltinDefinition } from './builtin-definition';
import { Decimal, ZERO } from './decimal';
import { FeelFunction, type EvalEnv } from './feel-function';
import { feelCompare, feelEquals, isList, type FeelList, type FeelValue } from './feel-value';

const numbers = (list: FeelList): Decimal[] | undefined =>
  list.every((item) => item instanceof Decimal) ? (list as Decimal[]) : undefined;

function listFunction(name: string, fn: (list: FeelList, env: EvalEnv) => FeelValue): BuiltinDefinition[] {
  const invoke = (args: readonly FeelValue[], env: EvalEnv): FeelValue => {
    const list = listArgument(args);
    return list === undefined ? invalid(env, `${name}: expects a list`) : fn(list, env);
  };
  return [builtin(name, 'list', invoke), builtin(name, 'c', invoke, true)];
}

function extreme(sign: 1 | -1) {
  return (list: FeelList, env: EvalEnv): FeelValue => {
    let best: FeelValue = null;
    for (const item of list) {
      if (best === null) {
        best = item;
        continue;
      }
      const order = feelCompare(item, best);
      if (order === undefined) return invalid(env, 'min/max: the items cannot be compared');
      if (order * sign > 0) best = item;
    }
    return best;
  };
}

function sum(list: FeelList): FeelValue {
  const values = numbers(list);
  return values === undefined ? null : values.reduce<Decimal>((total, value) => total.add(value), ZERO);
}

function sortedNumbers(list: FeelList): Decimal[] | undefined {
  return numbers(list)
    ?.slice()
    .sort((a, b) => a.compare(b));
}

function flatten(list: FeelList): FeelValue[] {
  return list.flatMap((item) => (isList(item) ? flatten(item) : [item]));
}

function distinct(list: FeelList): FeelValue[] {
  const result: FeelValue[] = [];
  for (const item of list) if (!result.some((seen) => feelEquals(seen, item) === true)) result.push(item);
  return result;
}

function position(list: FeelList, value: FeelValue, insert: boolean): number | undefined {
  const index = asInteger(value);
  if (index === undefined || index === 0) return undefined;
  const limit = insert ? list.length + 1 : list.length;
  if (Math.abs(index) > limit) return undefined;
  return index > 0 ? index - 1 : list.length + index + (insert ? 1 : 0);
}

function sort(args: readonly FeelValue[], env: EvalEnv): FeelValue {
  const list = asList(args[0]);
  const precedes = args[1] ?? null;
  if (list === undefined) return null;
  if (precedes !== null && !(precedes instanceof FeelFunction))
    return invalid(env, 'sort: precedes must be a function');
  const state = { failed: false };
  const sorted = list.slice().sort((a, b) => {
    if (precedes !== null) {
      if (precedes.call([a, b], env) === true) return -1;
      return precedes.call([b, a], env) === true ? 1 : 0;
    }
    const order = feelCompare(a, b);
    if (order === undefined) state.failed = true;
    return order ?? 0;
  });
  return state.failed ? invalid(env, 'sort: the items cannot be compared') : sorted;
}

export const LIST_BUILTINS: readonly BuiltinDefinition[] = [
  builtin('list contains', 'list, element', ([list, element]) =>
    isList(list ?? null) ? (list as FeelList).some((item) => feelEquals(item, element ?? null) === true) : null,
  ),
  ...listFunction('count', (list) => Decimal.fromInt(list.length)),
  ...listFunction('min', extreme(-1)),
  ...listFunction('max', extreme(1)),
  ...listFunction('sum', sum),
  ...listFunction('mean', (list) => {
    const total = sum(list);
    return total instanceof Decimal && list.length > 0 ? (total.div(Decimal.fromInt(list.length)) ?? null) : null;
  }),
  ...listFunction('product', (list) => {
    const values = numbers(list);
    return values === undefined || values.length === 0
      ? null
      : values.reduce<Decimal>((total, value) => total.mul(value), Decimal.fromInt(1));
  }),
  ...listFunction('median', (list) => {
    const sorted = sortedNumbers(list);
    if (sorted === undefined || sorted.length === 0) return null;
    const middle = Math.floor(sorted.length / 2);
    const upper = sorted[middle] ?? ZERO;
    return sorted.length % 2 === 1 ? upper : (upper.add(sorted[middle - 1] ?? ZERO).div(Decimal.fromInt(2)) ?? null);
  }),
  ...listFunction('stddev', (list) => {
    const values = numbers(list);
    if (values === undefined || values.length < 2) return null;
    const mean = sum(values) as Decimal;
    const average = mean.div(Decimal.fromInt(values.length)) ?? ZERO;
    const squares = values.reduce<Decimal>(
      (total, value) => total.add(value.sub(average).mul(value.sub(average))),
      ZERO,
    );
    const variance = squares.div(Decimal.fromInt(values.length - 1)) ?? ZERO;
    return Decimal.fromNumber(Math.sqrt(variance.toNumber())) ?? null;
  }),
  ...listFunction('mode', (list) => {
    const sorted = sortedNumbers(list);
    if (sorted === undefined) return null;
    const counts: { value: Decimal; count: number }[] = [];
    for (const value of sorted) {
      const last = counts[counts.length - 1];
      if (last !== undefined && last.value.equals(value)) last.count++;
      else counts.push({ value, count: 1 });
    }
    const most = Math.max(0, ...counts.map((entry) => entry.count));
    return counts.filter((entry) => entry.count === most).map((entry) => entry.value);
  }),
  ...listFunction('all', (list) => {
    if (list.some((item) => item === false)) return false;
    return list.every((item) => item === true) ? true : null;
  }),
  ...listFunction('any', (list) => {
    if (list.some((item) => item === true)) return true;
    return list.every((item) => item === false) ? false : null;
  }),
  builtin('sublist', 'list, start position, length?', (args) => {
    const list = asList(args[0]);
    if (list === undefined) return null;
    const start = position(list, args[1] ?? null, false);
    const length = args.length > 2 ? asInteger(args[2]) : list.length;
    if (start === undefined || length === undefined || length < 0) return null;
    return list.slice(start, start + length);
  }),
  builtin(
    'append',
    'list, item',
    (args) => {
      const list = asList(args[0]);
      return list === undefined ? null : [...list, ...args.slice(1)];
    },
    true,
  ),
  builtin('concatenate', 'list', (args) => (args.every(isList) ? (args as FeelList[]).flat() : null), true),
  builtin('insert before', 'list, position, newItem', (args) => {
    const list = asList(args[0]);
    const at = list && position(list, args[1] ?? null, false);
    if (list === undefined || at === undefined) return null;
    return [...list.slice(0, at), args[2] ?? null, ...list.slice(at)];
  }),
  builtin('remove', 'list, position', (args) => {
    const list = asList(args[0]);
    const at = list && position(list, args[1] ?? null, false);
    if (list === undefined || at === undefined) return null;
    return [...list.slice(0, at), ...list.slice(at + 1)];
  }),
  builtin('reverse', 'list', ([list]) => (isList(list ?? null) ? (list as FeelList).slice().reverse() : null)),
  builtin('index of', 'list, match', ([list, match]) =>
    isList(list ?? null)
      ? (list as FeelList).flatMap((item, index) =>
          feelEquals(item, match ?? null) === true ? [Decimal.fromInt(index + 1)] : [],
        )
      : null,
  ),
  builtin('union', 'list', (args) => (args.every(isList) ? distinct((args as FeelList[]).flat()) : null), true),
  builtin('distinct values', 'list', ([list]) => (isList(list ?? null) ? distinct(list as FeelList) : null)),
  builtin('flatten', 'list', ([list]) => (isList(list ?? null) ? flatten(list as FeelList) : null)),
  builtin('sort', 'list, precedes?', sort),
  builtin('list replace', 'list, position, newItem', listReplace),
  builtin('list replace', 'list, match, newItem', listReplace),
];

function listReplace(args: readonly FeelValue[], env: EvalEnv): FeelValue {
  const list = asList(args[0]);
  const selector = args[1] ?? null;
  const replacement = args[2] ?? null;
  if (list === undefined) return null;
  if (selector instanceof FeelFunction) {
    if (!selector.signatures.some((signature) => signature.parameters.length === 2))
      return invalid(env, 'list replace: the match function must take (item, newItem)');
    const replaced: FeelValue[] = [];
    for (const item of list) {
      const match = selector.call([item, replacement], env);
      if (typeof match !== 'boolean') return invalid(env, 'list replace: the match function must return a boolean');
      replaced.push(match ? replacement : item);
    }
    return replaced;
  }
  const at = position(list, selector, false);
  if (at === undefined) return invalid(env, 'list replace: invalid position');
  return list.map((item, index) => (index === at ? replacement : item));
}
