import type { EngineEventOfType } from '@operon/engine';
import { toJson } from './column-values';
import type { ProjectionStep } from './projection-step';

/**
 * Variables as rows (instance, scope, name → JSON value), so that instances can be found by a
 * variable's name and value. Only live scopes are kept: a sub-process's or task's local
 * variables go when it ends; the process's own (root) scope stays with the instance.
 */

const ROWS_PER_INSERT = 500;

export async function variablesSet(step: ProjectionStep, event: EngineEventOfType<'variables-set'>): Promise<void> {
  step.scopesSet.add(event.scopeKey);
  const rows = Object.entries(event.variables).map(([name, value]) => ({
    tenant_id: step.tenantId,
    instance_key: step.instanceKey,
    scope_key: event.scopeKey,
    name,
    value: toJson(value),
    updated_at: step.now,
  }));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await step.trx
      .insertInto('variables')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'instance_key', 'scope_key', 'name'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute();
  }
}

/**
 * An element instance ended: its local scope goes at the end of the step, unless it is the root
 * scope, or the writer says which scopes had variables and this one had none (most elements).
 */
export function scopeEnded(step: ProjectionStep, event: { readonly key: number }): Promise<void> {
  if (event.key === step.write.state.rootKey) return Promise.resolve();
  const known = step.write.scopesWithVariables;
  if (known === undefined || known.includes(event.key) || step.scopesSet.has(event.key))
    step.endedScopes.push(event.key);
  return Promise.resolve();
}

/** One DELETE for all the scopes that ended in the step (most elements have no local variables). */
export async function dropEndedScopes(step: ProjectionStep): Promise<void> {
  if (step.endedScopes.length === 0) return;
  await step.trx
    .deleteFrom('variables')
    .where('tenant_id', '=', step.tenantId)
    .where('instance_key', '=', step.instanceKey)
    .where('scope_key', 'in', step.endedScopes)
    .execute();
}
