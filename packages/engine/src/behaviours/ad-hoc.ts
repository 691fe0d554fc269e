import { evaluateExpression } from '@operon/feel';
import type { AdHocCharacteristics, SubProcessNode } from '@operon/model';
import type { Lifecycle } from '../element-behaviour';
import { IncidentType, type ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

/**
 * Starts the inner elements an ad-hoc sub-process names (see AdHocCharacteristics); false when the collection
 * is not a list of ids of inner elements without incoming flows (an incident was raised).
 */
export function activateAdHoc(
  p: Processing,
  node: SubProcessNode,
  adHoc: AdHocCharacteristics,
  element: ElementInstance,
  lifecycle: Lifecycle,
): boolean {
  const startable = node.childIds.filter((id) => {
    const child = p.node(id);
    return (
      child.incoming.length === 0 &&
      child.kind !== 'boundaryEvent' &&
      !child.isForCompensation &&
      !(child.kind === 'subProcess' && child.triggeredByEvent)
    );
  });
  let ids = startable;
  if (adHoc.activeElementsCollection !== undefined) {
    const result = evaluateExpression(adHoc.activeElementsCollection, visibleVariables(p, element.key), {
      now: p.context.now,
    });
    const value: unknown = result.ok ? result.value : undefined;
    const unknown = Array.isArray(value) ? value.filter((id) => typeof id !== 'string' || !startable.includes(id)) : [];
    if (!Array.isArray(value) || unknown.length > 0) {
      raiseIncident(
        p,
        element,
        IncidentType.expression,
        `The active elements '${adHoc.activeElementsCollection}' of '${element.elementId}' must give a list of the ids of ` +
          `its elements without incoming flows (${startable.join(', ')})` +
          (unknown.length > 0 ? `, but named ${JSON.stringify(unknown)}.` : '.'),
      );
      return false;
    }
    ids = value as string[];
  }
  for (const id of ids) lifecycle.activate(id, element.key);
  return true;
}

/** Whether an ad-hoc sub-process is done: its completion condition holds (false when it has none or fails). */
export function adHocConditionHolds(p: Processing, adHoc: AdHocCharacteristics, scope: ElementInstance): boolean {
  if (adHoc.completionCondition === undefined) return false;
  const result = evaluateExpression(adHoc.completionCondition, visibleVariables(p, scope.key), { now: p.context.now });
  return result.ok && result.value === true;
}
