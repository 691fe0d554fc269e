import { evaluateExpression } from '@operon/feel';
import type { FlowNode } from '@operon/model';
import { IncidentType, type ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

export type ConditionOutcome =
  { readonly ok: true; readonly value: boolean } | { readonly ok: false; readonly message: string };

/** Evaluates a sequence flow condition; anything but true or false is an error, as in Camunda 8. */
export function evaluateCondition(p: Processing, flowId: string, element: ElementInstance): ConditionOutcome {
  const flow = p.definition.flows.get(flowId);
  if (!flow || flow.condition === undefined) return { ok: true, value: true };
  const result = evaluateExpression(flow.condition, visibleVariables(p, element.key), { now: p.context.now });
  if (!result.ok)
    return {
      ok: false,
      message: `the condition '${flow.condition}' of flow '${flowId}' failed: ${result.error.message}`,
    };
  if (typeof result.value !== 'boolean') {
    const why = result.warnings.length > 0 ? ` (${result.warnings.join('; ')})` : '';
    return {
      ok: false,
      message: `the condition '${flow.condition}' of flow '${flowId}' must give true or false, but gave ${JSON.stringify(result.value)}${why}`,
    };
  }
  return { ok: true, value: result.value };
}

/**
 * Picks the flows to take when an element completes. `mode` says how many conditions may match:
 * `first` (exclusive gateway), `all` (inclusive gateway, activities and events).
 * Returns undefined when none can be taken; an incident has then been raised.
 */
export function selectOutgoingFlows(
  p: Processing,
  node: FlowNode,
  element: ElementInstance,
  mode: 'first' | 'all',
  defaultFlowId: string | undefined,
): readonly string[] | undefined {
  if (node.outgoing.length === 0) return [];
  const taken: string[] = [];
  for (const flowId of node.outgoing) {
    if (flowId === defaultFlowId) continue;
    const outcome = evaluateCondition(p, flowId, element);
    if (!outcome.ok) {
      raiseIncident(
        p,
        element,
        IncidentType.expression,
        `${capitalise(outcome.message)}. Fix the condition or set the variables it reads, then resolve the incident.`,
      );
      return undefined;
    }
    if (outcome.value) {
      taken.push(flowId);
      if (mode === 'first') break;
    }
  }
  if (taken.length > 0) return taken;
  if (defaultFlowId !== undefined) return [defaultFlowId];
  raiseIncident(
    p,
    element,
    IncidentType.noOutgoingFlow,
    `No outgoing sequence flow of '${node.id}' can be taken: every condition was false and there is no default flow. Add a default flow or change the variables, then resolve the incident.`,
  );
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
