import { DiagnosticCode } from './diagnostic-code';
import type { DiagnosticList } from './diagnostic-list';
import { capitalize, describeElement, nodeKindLabel } from './element-label';
import type { BoundaryEventNode, FlowNode, ProcessDefinition, SubProcessNode } from './process-definition';

/**
 * How compensation (BPMN 2.0.2 §10.5.5) and transactions (§10.3.5) must be drawn for Operon to run them:
 * handlers reached by an association from a compensation boundary event, throw events naming an activity of
 * their own scope, cancel end events directly inside a transaction that has a cancel boundary event.
 */
export function validateCompensation(process: ProcessDefinition, diagnostics: DiagnosticList): void {
  const handlers = new Set<string>();
  for (const node of process.nodes.values()) {
    if (node.kind === 'boundaryEvent' && node.eventDefinition.kind === 'compensation') {
      checkCompensationBoundary(node, process, diagnostics);
      if (node.compensationHandlerId !== undefined) handlers.add(node.compensationHandlerId);
    }
    if (node.kind === 'boundaryEvent' && node.eventDefinition.kind === 'cancel') {
      checkCancelBoundary(node, process, diagnostics);
    }
    checkCompensationThrow(node, process, diagnostics);
    checkCancelEnd(node, process, diagnostics);
    if (node.kind === 'subProcess') checkCompensationEventSubProcess(node, process, diagnostics);
  }
  for (const node of process.nodes.values()) {
    if (node.isForCompensation) checkHandler(node, handlers.has(node.id), diagnostics);
  }
}

function invalid(diagnostics: DiagnosticList, node: FlowNode, problem: string): void {
  diagnostics.error(
    DiagnosticCode.COMPENSATION_INVALID,
    node.id,
    `${capitalize(describeElement(nodeKindLabel(node.kind), node.id))} ${problem}`,
  );
}

function checkCompensationBoundary(
  node: BoundaryEventNode,
  process: ProcessDefinition,
  diagnostics: DiagnosticList,
): void {
  const first = process.nodes.get(node.attachedToId)?.boundaryEventIds.find((id) => {
    const boundary = process.nodes.get(id);
    return boundary?.kind === 'boundaryEvent' && boundary.eventDefinition.kind === 'compensation';
  });
  if (first !== undefined && first !== node.id) {
    invalid(
      diagnostics,
      node,
      `is a second compensation boundary event on '${node.attachedToId}' (after '${first}'). An activity is ` +
        'undone by one handler, as in Camunda 8: keep one, and do all the undoing in its handler (a sub-process ' +
        'if it takes several steps).',
    );
  }
  if (node.compensationHandlerId === undefined) {
    invalid(
      diagnostics,
      node,
      'is a compensation boundary event without a handler. Associate it (bpmn:association) with an activity ' +
        'marked isForCompensation="true" that undoes the work.',
    );
  }
  if (node.outgoing.length > 0) {
    invalid(
      diagnostics,
      node,
      `is a compensation boundary event with outgoing sequence flows (${node.outgoing.join(', ')}). It leads to ` +
        'its handler by an association only: remove the flows.',
    );
  }
}

function checkHandler(node: FlowNode, associated: boolean, diagnostics: DiagnosticList): void {
  if (!associated) {
    invalid(
      diagnostics,
      node,
      'is a compensation handler (isForCompensation="true") that no compensation boundary event is associated ' +
        'with, so it could never run. Associate it with the compensation boundary event of the activity it undoes.',
    );
  }
  const flows = [...node.incoming, ...node.outgoing];
  if (flows.length > 0) {
    invalid(
      diagnostics,
      node,
      `is a compensation handler with sequence flows (${flows.join(', ')}). A handler runs only when its ` +
        'activity is compensated: remove the flows.',
    );
  }
}

/** The scope a compensation throw event compensates: its own, or for one inside an event sub-process, the parent's. */
function compensationScopeOf(node: FlowNode, process: ProcessDefinition): string | undefined {
  const parent = node.parentId === undefined ? undefined : process.nodes.get(node.parentId);
  return parent?.kind === 'subProcess' && parent.triggeredByEvent && !isCompensationEventSubProcess(parent, process)
    ? parent.parentId
    : node.parentId;
}

function checkCompensationThrow(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (node.kind !== 'intermediateThrowEvent' && node.kind !== 'endEvent') return;
  const definition = node.eventDefinition;
  if (definition === 'none' || definition === 'terminate' || definition.kind !== 'compensation') return;
  if (!definition.waitForCompletion) {
    diagnostics.warning(
      DiagnosticCode.COMPENSATION_INVALID,
      node.id,
      `${capitalize(describeElement(nodeKindLabel(node.kind), node.id))} has waitForCompletion="false", which is ` +
        'ignored: Operon, like Camunda 7 and 8, waits until the compensation handlers are done.',
    );
  }
  if (definition.activityId === undefined) return;
  const activity = process.nodes.get(definition.activityId);
  const scope = compensationScopeOf(node, process);
  const compensable =
    activity !== undefined &&
    (activity.kind === 'subProcess' ||
      activity.boundaryEventIds.some((id) => {
        const boundary = process.nodes.get(id);
        return boundary?.kind === 'boundaryEvent' && boundary.eventDefinition.kind === 'compensation';
      }));
  if (activity === undefined || activity.parentId !== scope || !compensable) {
    invalid(
      diagnostics,
      node,
      `compensates '${definition.activityId}', which is not an activity with a compensation boundary event, or a ` +
        `sub-process, in ${scope === undefined ? 'the process' : `sub-process '${scope}'`}. Name an activity of ` +
        'the scope the event compensates, or remove activityRef to compensate every completed activity of it.',
    );
  }
}

export function isCompensationEventSubProcess(node: SubProcessNode, process: ProcessDefinition): boolean {
  const start = node.triggeredByEvent ? process.nodes.get(node.startEventId) : undefined;
  return (
    start?.kind === 'startEvent' && start.eventDefinition !== 'none' && start.eventDefinition.kind === 'compensation'
  );
}

function checkCompensationEventSubProcess(
  node: SubProcessNode,
  process: ProcessDefinition,
  diagnostics: DiagnosticList,
): void {
  if (!isCompensationEventSubProcess(node, process)) return;
  if (node.parentId === undefined) {
    invalid(
      diagnostics,
      node,
      'is a compensation event sub-process of the process itself, which nothing can compensate. Move it into ' +
        'the sub-process whose compensation it replaces.',
    );
    return;
  }
  const parent = process.nodes.get(node.parentId);
  const siblings = parent?.kind === 'subProcess' ? parent.eventSubProcessIds : [];
  const compensations = siblings.filter((id) => {
    const sibling = process.nodes.get(id);
    return sibling?.kind === 'subProcess' && isCompensationEventSubProcess(sibling, process);
  });
  if (compensations.length > 1 && compensations[0] !== node.id) {
    invalid(
      diagnostics,
      node,
      `is a second compensation event sub-process in '${node.parentId}' (after '${compensations[0] ?? ''}'). A ` +
        'sub-process is compensated one way: keep one.',
    );
  }
}

function cancelInvalid(diagnostics: DiagnosticList, id: string, message: string): void {
  diagnostics.error(DiagnosticCode.CANCEL_EVENT_INVALID, id, message);
}

function isTransaction(node: FlowNode | undefined): node is SubProcessNode {
  return node?.kind === 'subProcess' && node.transaction === true;
}

function checkCancelBoundary(node: BoundaryEventNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (isTransaction(process.nodes.get(node.attachedToId))) return;
  cancelInvalid(
    diagnostics,
    node.id,
    `Cancel boundary event '${node.id}' is attached to '${node.attachedToId}', which is not a transaction. A cancel ` +
      'boundary event belongs on a transaction sub-process (bpmn:transaction).',
  );
}

function checkCancelEnd(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (node.kind !== 'endEvent' || node.eventDefinition === 'none' || node.eventDefinition === 'terminate') return;
  if (node.eventDefinition.kind !== 'cancel') return;
  const transaction = node.parentId === undefined ? undefined : process.nodes.get(node.parentId);
  if (!isTransaction(transaction)) {
    cancelInvalid(
      diagnostics,
      node.id,
      `Cancel end event '${node.id}' is not directly inside a transaction. A cancel end event cancels the ` +
        'transaction it is in: move it into a bpmn:transaction, or use an error or terminate end event.',
    );
    return;
  }
  const hasCancelBoundary = transaction.boundaryEventIds.some((id) => {
    const boundary = process.nodes.get(id);
    return boundary?.kind === 'boundaryEvent' && boundary.eventDefinition.kind === 'cancel';
  });
  if (!hasCancelBoundary) {
    cancelInvalid(
      diagnostics,
      transaction.id,
      `Transaction '${transaction.id}' has the cancel end event '${node.id}' but no cancel boundary event, so a ` +
        'cancelled transaction would have nowhere to go. Attach a cancel boundary event to it and draw where ' +
        'the process goes after the cancellation.',
    );
  }
}
