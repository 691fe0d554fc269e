import type { Variables } from '../instance-state';
import type { Processing } from '../processing';

/**
 * Variable scopes as Camunda 8 documents them: every element instance is a scope nested in its
 * flow scope; the process instance is the root. A name resolves to the innermost scope that has it.
 */

/** The variables an element sees: every scope from the root down to `key`, inner ones winning. */
export function visibleVariables(p: Processing, key: number): Variables {
  const chain: Variables[] = [];
  let current: number | undefined = key;
  while (current !== undefined) {
    const local = p.draft.variables[current];
    if (local) chain.push(local);
    current = current === p.draft.rootKey ? undefined : p.draft.elements[current]?.scopeKey;
  }
  if (chain.length === 1) return chain[0] ?? {};
  const merged: Record<string, unknown> = {};
  for (let index = chain.length - 1; index >= 0; index--) Object.assign(merged, chain[index]);
  return merged;
}

/** Sets variables in one scope only. */
export function setLocalVariables(p: Processing, scopeKey: number, variables: Variables): void {
  if (Object.keys(variables).length === 0) return;
  p.emit({ type: 'variables-set', scopeKey, variables });
}

/**
 * Merges variables into the instance: each one updates the innermost scope, starting at `startKey`,
 * that already has it, or is created in the root scope.
 */
export function propagateVariables(p: Processing, startKey: number, variables: Variables): void {
  const names = Object.keys(variables);
  if (names.length === 0) return;
  const byScope = new Map<number, Record<string, unknown>>();
  for (const name of names) {
    const scopeKey = scopeDefining(p, startKey, name);
    let target = byScope.get(scopeKey);
    if (!target) byScope.set(scopeKey, (target = {}));
    target[name] = variables[name];
  }
  for (const [scopeKey, scoped] of byScope) p.emit({ type: 'variables-set', scopeKey, variables: scoped });
}

function scopeDefining(p: Processing, startKey: number, name: string): number {
  let current: number | undefined = startKey;
  while (current !== undefined && current !== p.draft.rootKey) {
    const local = p.draft.variables[current];
    if (local && Object.hasOwn(local, name)) return current;
    current = p.draft.elements[current]?.scopeKey;
  }
  return p.draft.rootKey;
}
