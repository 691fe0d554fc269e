import type { FlowNode, VariableMapping } from '@operon/model';
import { IncidentType, type ElementInstance, type Variables } from '../instance-state';
import type { Processing } from '../processing';
import { evaluateValue, expressionText } from './expressions';
import { raiseIncident } from './incidents';
import { propagateVariables, setLocalVariables, visibleVariables } from './variable-scope';

/**
 * `zeebe:input` mappings: evaluated against the flow scope when the element activates; the results
 * become local variables of the element. Returns false when a mapping failed (an incident is raised).
 */
export function applyInputMappings(
  p: Processing,
  node: FlowNode,
  element: ElementInstance,
  /** A loop iteration's mappings also see its own locals (`loopCounter`, the input element). */
  withOwnLocals = false,
): boolean {
  if (node.inputs.length === 0) return true;
  const outer = withOwnLocals
    ? visibleVariables(p, element.key)
    : element.scopeKey === undefined
      ? {}
      : visibleVariables(p, element.scopeKey);
  const locals = evaluateMappings(p, node.inputs, outer, element, 'input');
  if (!locals) return false;
  setLocalVariables(p, element.key, locals);
  return true;
}

/**
 * `zeebe:output` mappings: evaluated against the element's own variables on completion; the results
 * are propagated from the flow scope outwards. Returns false when a mapping failed.
 */
export function applyOutputMappings(p: Processing, node: FlowNode, element: ElementInstance): boolean {
  if (node.outputs.length === 0 || element.scopeKey === undefined) return true;
  const results = evaluateMappings(p, node.outputs, visibleVariables(p, element.key), element, 'output');
  if (!results) return false;
  propagateVariables(p, element.scopeKey, results);
  return true;
}

function evaluateMappings(
  p: Processing,
  mappings: readonly VariableMapping[],
  context: Variables,
  element: ElementInstance,
  direction: 'input' | 'output',
): Record<string, unknown> | undefined {
  const results: Record<string, unknown> = {};
  for (const mapping of mappings) {
    const result = evaluateValue(p, mapping.source, { ...context, ...results });
    if (!result.ok) {
      raiseIncident(
        p,
        element,
        IncidentType.expression,
        `The ${direction} mapping '${expressionText(mapping.source)}' → '${mapping.target}' of '${element.elementId}' failed: ${result.error.message}. Fix the expression in the model, or set the variables it needs, then resolve the incident.`,
      );
      return undefined;
    }
    writePath(results, context, mapping.target, result.value);
  }
  return results;
}

/** Writes `value` at a target such as `order.total`, keeping the rest of an existing context. */
function writePath(results: Record<string, unknown>, context: Variables, target: string, value: unknown): void {
  const path = target.split('.');
  const head = path[0] ?? target;
  if (path.length === 1) {
    results[head] = value;
    return;
  }
  const existing = head in results ? results[head] : context[head];
  results[head] = withPath(existing, path.slice(1), value);
}

function withPath(base: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const record =
    base !== null && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  return { ...record, [head]: withPath(record[head], rest, value) };
}
