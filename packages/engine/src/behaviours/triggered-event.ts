import type { FlowNode } from '@operon/model';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { propagateVariables } from './variable-scope';

/**
 * A triggered catch event (a boundary event, an event sub-process start event) holds the trigger's
 * variables as its own locals. Without output mappings they go on to the enclosing scopes, as a job's
 * variables do; with output mappings only the mapped values leave (lifecycle.ts runs those).
 */
export function passOnTriggerVariables(p: Processing, node: FlowNode, element: ElementInstance): void {
  const locals = p.draft.variables[element.key];
  if (node.outputs.length > 0 || element.scopeKey === undefined || !locals) return;
  propagateVariables(p, element.scopeKey, locals);
}
