import { builtin, invalid, type BuiltinDefinition } from './builtin-definition';
import type { EvalEnv } from './feel-function';
import { feelCompare, FeelRange, type FeelValue } from './feel-value';
import { parseRangeLiteral } from './range-literal';

/** A point is a degenerate range [p..p]; the range functions of DMN 1.3 compare bounds. */
function asRange(value: FeelValue): FeelRange | undefined {
  if (value === null) return undefined;
  if (value instanceof FeelRange) return value;
  return new FeelRange(value, value, true, true);
}

type Bound = { value: FeelValue; included: boolean };

function compare(a: FeelValue, b: FeelValue): number | undefined {
  if (a === null || b === null) return undefined;
  return feelCompare(a, b);
}

/** Each relation takes the two ranges' bounds and answers; undefined when they cannot be compared. */
type Relation = (s1: Bound, e1: Bound, s2: Bound, e2: Bound) => boolean | undefined;

const lt = (a: FeelValue, b: FeelValue): boolean | undefined => {
  const order = compare(a, b);
  return order === undefined ? undefined : order < 0;
};
const eq = (a: FeelValue, b: FeelValue): boolean | undefined => {
  const order = compare(a, b);
  return order === undefined ? undefined : order === 0;
};
const and = (...parts: (boolean | undefined)[]): boolean | undefined =>
  parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
const or = (...parts: (boolean | undefined)[]): boolean | undefined =>
  parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;

const before: Relation = (_s1, e1, s2) =>
  or(lt(e1.value, s2.value), and(eq(e1.value, s2.value), !(e1.included && s2.included)));
const meets: Relation = (_s1, e1, s2) => and(e1.included, s2.included, eq(e1.value, s2.value));
const overlaps: Relation = (s1, e1, s2, e2) =>
  and(
    or(lt(s2.value, e1.value), and(eq(s2.value, e1.value), e1.included && s2.included)),
    or(lt(s1.value, e2.value), and(eq(s1.value, e2.value), s1.included && e2.included)),
  );
const overlapsBefore: Relation = (s1, e1, s2, e2) =>
  and(
    or(lt(s1.value, s2.value), and(eq(s1.value, s2.value), s1.included && !s2.included)),
    or(lt(s2.value, e1.value), and(eq(s2.value, e1.value), s2.included && e1.included)),
    or(lt(e1.value, e2.value), and(eq(e1.value, e2.value), !e1.included || e2.included)),
  );
const includes: Relation = (s1, e1, s2, e2) =>
  and(
    or(lt(s1.value, s2.value), and(eq(s1.value, s2.value), s1.included || !s2.included)),
    or(lt(e2.value, e1.value), and(eq(e2.value, e1.value), e1.included || !e2.included)),
  );
const starts: Relation = (s1, e1, s2, e2) =>
  and(
    eq(s1.value, s2.value),
    s1.included === s2.included,
    or(lt(e1.value, e2.value), and(eq(e1.value, e2.value), !e1.included || e2.included)),
  );
const finishes: Relation = (s1, e1, s2, e2) =>
  and(
    eq(e1.value, e2.value),
    e1.included === e2.included,
    or(lt(s2.value, s1.value), and(eq(s1.value, s2.value), !s1.included || s2.included)),
  );
const coincides: Relation = (s1, e1, s2, e2) =>
  and(eq(s1.value, s2.value), eq(e1.value, e2.value), s1.included === s2.included, e1.included === e2.included);

const swap =
  (relation: Relation): Relation =>
  (s1, e1, s2, e2) =>
    relation(s2, e2, s1, e1);

function rangeFunction(name: string, relation: Relation, names: readonly [string, string][]): BuiltinDefinition[] {
  const invoke = ([a, b]: readonly FeelValue[], env: EvalEnv): FeelValue => {
    const first = asRange(a ?? null);
    const second = asRange(b ?? null);
    if (first === undefined || second === undefined) return invalid(env, `${name}: needs two points or ranges`);
    const result = relation(
      { value: first.start, included: first.startIncluded },
      { value: first.end, included: first.endIncluded },
      { value: second.start, included: second.startIncluded },
      { value: second.end, included: second.endIncluded },
    );
    return result ?? invalid(env, `${name}: the bounds cannot be compared`);
  };
  return names.map(([x, y]) => builtin(name, `${x}, ${y}`, invoke));
}

const ALL_FORMS: readonly [string, string][] = [
  ['point1', 'point2'],
  ['point', 'range'],
  ['range', 'point'],
  ['range1', 'range2'],
];
const RANGE_FORMS: readonly [string, string][] = [
  ['range', 'point'],
  ['range1', 'range2'],
  ['point', 'range'],
];

export const RANGE_BUILTINS: readonly BuiltinDefinition[] = [
  ...rangeFunction('before', before, ALL_FORMS),
  ...rangeFunction('after', swap(before), ALL_FORMS),
  ...rangeFunction('meets', meets, [['range1', 'range2']]),
  ...rangeFunction('met by', swap(meets), [['range1', 'range2']]),
  ...rangeFunction('overlaps', overlaps, [['range1', 'range2']]),
  ...rangeFunction('overlaps before', overlapsBefore, [['range1', 'range2']]),
  ...rangeFunction('overlaps after', swap(overlapsBefore), [['range1', 'range2']]),
  ...rangeFunction('finishes', finishes, [
    ['point', 'range'],
    ['range1', 'range2'],
  ]),
  ...rangeFunction('finished by', swap(finishes), RANGE_FORMS),
  ...rangeFunction('includes', includes, RANGE_FORMS),
  ...rangeFunction('during', swap(includes), [
    ['point', 'range'],
    ['range1', 'range2'],
  ]),
  ...rangeFunction('starts', starts, [
    ['point', 'range'],
    ['range1', 'range2'],
  ]),
  ...rangeFunction('started by', swap(starts), RANGE_FORMS),
  ...rangeFunction('coincides', coincides, [
    ['point1', 'point2'],
    ['range1', 'range2'],
  ]),
  builtin('range', 'from', ([from], env) => {
    if (typeof from !== 'string') return null;
    return parseRangeLiteral(from) ?? invalid(env, `range: not a range: "${from}"`);
  }),
];
