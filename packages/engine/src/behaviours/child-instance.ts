import type { CallActivityNode } from '@operon/model';
import { IncidentType, type ElementInstance, type Variables } from '../instance-state';
import type { Processing } from '../processing';
import type { Rejection } from '../rejection';
import { describeFailure, evaluateValue, expressionText } from './expressions';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

/**
 * Asks the runtime for the child instance of a call activity. The child's key is derived from this instance's
 * key and a fresh local key recorded in the `call-activity-started` event, so processing the same command
 * again names the same child, and the runtime's create is idempotent (a second create is refused as existing).
 * Returns false when the process id expression failed (an incident was raised).
 */
export function requestChildInstance(
  p: Processing,
  node: CallActivityNode,
  element: ElementInstance,
  /** After a crash: ask again for the child already named, without new events. */
  existingChildKey?: string,
): boolean {
  const visible = visibleVariables(p, element.key);
  const processId = evaluateValue(p, node.calledProcessId, visible);
  if (!processId.ok || typeof processId.value !== 'string' || processId.value === '') {
    raiseIncident(
      p,
      element,
      IncidentType.calledElement,
      `The called process id '${expressionText(node.calledProcessId)}' of '${element.elementId}' must give a process id: ${describeFailure(processId)}.`,
    );
    return false;
  }
  let childInstanceKey = existingChildKey;
  if (childInstanceKey === undefined) {
    const requestKey = p.newKey();
    childInstanceKey = `${p.draft.instanceKey}-${requestKey}`;
    p.emit({
      type: 'call-activity-started',
      elementInstanceKey: element.key,
      requestKey,
      childInstanceKey,
      processId: processId.value,
    });
  }
  const variables: Variables = node.propagateAllParentVariables ? visible : (p.draft.variables[element.key] ?? {});
  p.effect({
    type: 'create-child-instance',
    childInstanceKey,
    processId: processId.value,
    variables,
    parent: { instanceKey: p.draft.instanceKey, elementInstanceKey: element.key, elementId: element.elementId },
  });
  return true;
}

/** The call activity instance waiting for this child; a rejection when there is none (it ended, or asked anew). */
export function waitingCallActivity(
  p: Processing,
  elementInstanceKey: number,
  childInstanceKey: string,
): { element: ElementInstance; node: CallActivityNode } | Rejection {
  const element = p.element(elementInstanceKey);
  const node = element ? p.definition.nodes.get(element.elementId) : undefined;
  if (
    !element ||
    node?.kind !== 'callActivity' ||
    element.phase !== 'active' ||
    element.calledInstanceKey !== childInstanceKey
  ) {
    return {
      code: 'SCOPE_NOT_FOUND',
      message: `No call activity ${elementInstanceKey} waits for the child instance ${childInstanceKey}; it may have ended.`,
    };
  }
  return { element, node };
}
