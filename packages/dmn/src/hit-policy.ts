import { Decimal, feelEquals, builtinFunction, type FeelValue } from '@operon/feel';
import type { DmnEnv } from './dmn-env';

export type HitPolicy = 'UNIQUE' | 'ANY' | 'PRIORITY' | 'FIRST' | 'OUTPUT ORDER' | 'RULE ORDER' | 'COLLECT';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'ANY',
  'PRIORITY',
  'FIRST',
  'OUTPUT ORDER',
  'RULE ORDER',
  'COLLECT',
];

/** A matched rule with its evaluated outputs, as the hit policy sees it. */
export interface RuleHit {
  readonly index: number;
  readonly ruleId: string | undefined;
  readonly outputs: readonly FeelValue[];
  /** The result of the rule: its one output, or a context of its outputs. */
  readonly value: FeelValue;
}

/** Per output, the allowed values in priority order (from the output clause's output values). */
export type Priorities = readonly (readonly FeelValue[] | undefined)[];

function priorityKey(hit: RuleHit, priorities: Priorities): number[] {
  return hit.outputs.map((output, position) => {
    const order = priorities[position];
    if (order === undefined) return 0;
    const rank = order.findIndex((candidate) => feelEquals(candidate, output) === true);
    return rank < 0 ? order.length : rank;
  });
}

function byPriority(hits: readonly RuleHit[], priorities: Priorities): RuleHit[] {
  const keyed = hits.map((hit) => ({ hit, key: priorityKey(hit, priorities) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const diff = (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return a.hit.index - b.hit.index;
  });
  return keyed.map((entry) => entry.hit);
}

function aggregate(aggregation: Aggregation, values: readonly FeelValue[], env: DmnEnv): FeelValue {
  if (aggregation === 'COUNT') return Decimal.fromInt(values.length);
  if (values.length === 0) return null;
  const name = aggregation === 'SUM' ? 'sum' : aggregation === 'MIN' ? 'min' : 'max';
  return builtinFunction(name)?.call([values], env) ?? null;
}

/** Applies a hit policy to the matched rules; `selected` receives the hits that make the result. */
export function applyHitPolicy(
  policy: HitPolicy,
  aggregation: Aggregation | undefined,
  hits: readonly RuleHit[],
  priorities: Priorities,
  env: DmnEnv,
  selected: (hits: readonly RuleHit[]) => void,
): FeelValue {
  switch (policy) {
    case 'UNIQUE':
      if (hits.length > 1) {
        env.errors.push(`hit policy UNIQUE: ${hits.length} rules matched (${hits.map((hit) => hit.index).join(', ')})`);
        return null;
      }
      selected(hits);
      return hits[0]?.value ?? null;
    case 'ANY': {
      const first = hits[0];
      if (first === undefined) return null;
      if (hits.some((hit) => feelEquals(hit.value, first.value) !== true)) {
        env.errors.push('hit policy ANY: the matched rules have different outputs');
        return null;
      }
      selected(hits);
      return first.value;
    }
    case 'FIRST':
      selected(hits.slice(0, 1));
      return hits[0]?.value ?? null;
    case 'PRIORITY': {
      const best = byPriority(hits, priorities)[0];
      selected(best === undefined ? [] : [best]);
      return best?.value ?? null;
    }
    case 'OUTPUT ORDER': {
      const ordered = byPriority(hits, priorities);
      selected(ordered);
      return ordered.map((hit) => hit.value);
    }
    case 'RULE ORDER':
      selected(hits);
      return hits.map((hit) => hit.value);
    case 'COLLECT':
      selected(hits);
      if (aggregation === undefined) return hits.map((hit) => hit.value);
      if (hits.some((hit) => hit.outputs.length !== 1)) {
        env.errors.push('hit policy COLLECT with an aggregation needs a single output');
        return null;
      }
      return aggregate(
        aggregation,
        hits.map((hit) => hit.value),
        env,
      );
  }
}
