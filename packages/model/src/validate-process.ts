import { DiagnosticCode } from './diagnostic-code';
import type { DiagnosticList } from './diagnostic-list';
import { describeElement, nodeKindLabel } from './element-label';
import type { FlowNode, NodeKind, ProcessDefinition } from './process-definition';
import { validateCompensation } from './validate-compensation';

/** Node kinds that are activities: boundary events attach to these. */
const ACTIVITY_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'task',
  'manualTask',
  'serviceTask',
  'sendTask',
  'userTask',
  'scriptTask',
  'subProcess',
  'receiveTask',
  'businessRuleTask',
  'callActivity',
]);

/** Rules about how nodes and flows fit together, checked on the built graph. */
export function validateProcess(process: ProcessDefinition, diagnostics: DiagnosticList): void {
  for (const node of process.nodes.values()) {
    checkEventDirection(node, diagnostics);
    checkGateway(node, process, diagnostics);
    checkEventBasedGateway(node, process, diagnostics);
    checkBoundaryEvent(node, process, diagnostics);
    checkEventSubProcess(node, process, diagnostics);
  }
  checkLinks(process, diagnostics);
  validateCompensation(process, diagnostics);
  for (const flow of process.flows.values()) {
    const source = process.nodes.get(flow.sourceId);
    if (flow.condition === undefined || source?.kind !== 'parallelGateway') continue;
    diagnostics.warning(
      DiagnosticCode.CONDITION_IGNORED,
      flow.id,
      `Sequence flow '${flow.id}' has a condition but leaves parallel gateway '${source.id}', which takes every ` +
        'outgoing flow, so the condition is ignored. Remove it, or use an inclusive gateway to take only the flows ' +
        'whose condition holds.',
    );
  }
}

function checkEventDirection(node: FlowNode, diagnostics: DiagnosticList): void {
  if (node.kind === 'startEvent' && node.incoming.length > 0) {
    diagnostics.error(
      DiagnosticCode.START_EVENT_HAS_INCOMING,
      node.id,
      `Start event '${node.id}' has incoming sequence flows (${node.incoming.join(', ')}). A start event only begins ` +
        'a path: reconnect those flows to the element after the start event.',
    );
  }
  if (node.kind === 'endEvent' && node.outgoing.length > 0) {
    diagnostics.error(
      DiagnosticCode.END_EVENT_HAS_OUTGOING,
      node.id,
      `End event '${node.id}' has outgoing sequence flows (${node.outgoing.join(', ')}). An end event finishes ` +
        'a path: remove those flows, or replace the end event with a task or gateway.',
    );
  }
}

/** As in Camunda 8: at least two outgoing flows, each to a catch event (timer, message, signal) or receive task. */
function checkEventBasedGateway(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (node.kind !== 'eventBasedGateway') return;
  const targets = node.outgoing.map((flowId) => process.nodes.get(process.flows.get(flowId)?.targetId ?? ''));
  const wrong = targets.filter(
    (target) =>
      target === undefined ||
      target.incoming.length !== 1 ||
      !(
        target.kind === 'receiveTask' ||
        (target.kind === 'intermediateCatchEvent' && target.eventDefinition.kind !== 'link')
      ),
  );
  if (node.outgoing.length >= 2 && wrong.length === 0) return;
  diagnostics.error(
    DiagnosticCode.EVENT_GATEWAY_INVALID,
    node.id,
    `Event-based gateway '${node.id}' must lead to at least two events, each a timer, message or signal ` +
      'intermediate catch event or a receive task reached only from the gateway' +
      (wrong.length > 0 ? `; ${wrong.map((target) => `'${target?.id ?? '?'}'`).join(', ')} is not one` : '') +
      '. Connect the gateway to the events it waits for.',
  );
}

function checkGateway(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (
    node.kind !== 'exclusiveGateway' &&
    node.kind !== 'inclusiveGateway' &&
    node.kind !== 'parallelGateway' &&
    node.kind !== 'complexGateway'
  ) {
    return;
  }
  const subject = describeElement(nodeKindLabel(node.kind), node.id);
  if (node.outgoing.length === 0) {
    diagnostics.error(
      DiagnosticCode.GATEWAY_WITHOUT_OUTGOING,
      node.id,
      `${subject} has no outgoing sequence flow, so tokens would stop there. Connect it to the next step, ` +
        'or to an end event.',
    );
    return;
  }
  if (node.kind === 'parallelGateway') return;

  const defaultFlowId = node.defaultFlowId;
  if (defaultFlowId !== undefined && !node.outgoing.includes(defaultFlowId)) {
    diagnostics.error(
      DiagnosticCode.DEFAULT_FLOW_INVALID,
      node.id,
      `${subject} names '${defaultFlowId}' as its default flow, but that is not one of its outgoing sequence flows ` +
        `(${node.outgoing.join(', ')}). Choose one of those as the default, or remove the default.`,
    );
  }
  const defaultFlow = defaultFlowId === undefined ? undefined : process.flows.get(defaultFlowId);
  if (defaultFlow?.condition !== undefined && node.outgoing.includes(defaultFlow.id)) {
    diagnostics.warning(
      DiagnosticCode.DEFAULT_FLOW_HAS_CONDITION,
      defaultFlow.id,
      `Sequence flow '${defaultFlow.id}' is the default flow of ${nodeKindLabel(node.kind)} '${node.id}' and also has ` +
        'a condition, which is ignored: a default flow is taken when no other condition is true. Remove the condition.',
    );
  }
  if (node.outgoing.length < 2) return;
  for (const flowId of node.outgoing) {
    const flow = process.flows.get(flowId);
    if (flow === undefined || flow.id === defaultFlowId || flow.condition !== undefined) continue;
    diagnostics.error(
      DiagnosticCode.CONDITION_MISSING,
      flow.id,
      `Sequence flow '${flow.id}' leaves ${nodeKindLabel(node.kind)} '${node.id}' without a condition, and it is not ` +
        'the default flow. Add a condition, e.g. = amount > 100, or mark this flow as the default flow of the gateway.',
    );
  }
}

function checkBoundaryEvent(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (node.kind !== 'boundaryEvent') return;
  const host = process.nodes.get(node.attachedToId);
  const invalid = (problem: string): void =>
    diagnostics.error(DiagnosticCode.BOUNDARY_EVENT_INVALID, node.id, `Boundary event '${node.id}' ${problem}`);
  if (
    host === undefined ||
    !ACTIVITY_KINDS.has(host.kind) ||
    host.parentId !== node.parentId ||
    (host.kind === 'subProcess' && host.triggeredByEvent)
  ) {
    invalid(
      `is attached to '${node.attachedToId || 'nothing'}', which is not an activity beside it. ` +
        'Attach it to a task or sub-process in the same process or sub-process.',
    );
  }
  if (node.incoming.length > 0) {
    invalid(
      `has incoming sequence flows (${node.incoming.join(', ')}). A boundary event is triggered by its event, ` +
        'not by a flow: remove those flows.',
    );
  }
  if (node.eventDefinition.kind === 'error' && !node.interrupting) {
    invalid(
      'catches an error but does not interrupt its activity. Error boundary events always interrupt: set cancelActivity="true".',
    );
  }
}

function checkEventSubProcess(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (node.kind !== 'subProcess' || !node.triggeredByEvent) return;
  if (node.incoming.length > 0 || node.outgoing.length > 0) {
    diagnostics.error(
      DiagnosticCode.EVENT_SUB_PROCESS_INVALID,
      node.id,
      `Event sub-process '${node.id}' has sequence flows in or out (${[...node.incoming, ...node.outgoing].join(', ')}). ` +
        'An event sub-process starts by its start event and ends inside: remove those flows.',
    );
  }
  const start = process.nodes.get(node.startEventId);
  if (start?.kind === 'startEvent' && start.eventDefinition !== 'none') {
    if (start.eventDefinition.kind === 'error' && !start.interrupting) {
      diagnostics.error(
        DiagnosticCode.EVENT_SUB_PROCESS_INVALID,
        start.id,
        `Start event '${start.id}' catches an error but does not interrupt. Error start events always interrupt: ` +
          'set isInterrupting="true".',
      );
    }
  }
}

/** Every link throw needs exactly one link catch of the same name in its own scope. */
function checkLinks(process: ProcessDefinition, diagnostics: DiagnosticList): void {
  const catches = new Map<string, string[]>();
  const scopeName = (parentId: string | undefined, name: string): string => `${parentId ?? ''}\u0000${name}`;
  for (const node of process.nodes.values()) {
    if (node.kind !== 'intermediateCatchEvent' || node.eventDefinition.kind !== 'link') continue;
    const key = scopeName(node.parentId, node.eventDefinition.linkName);
    catches.set(key, [...(catches.get(key) ?? []), node.id]);
  }
  for (const [key, ids] of catches) {
    if (ids.length < 2) continue;
    const name = key.slice(key.indexOf('\u0000') + 1);
    diagnostics.error(
      DiagnosticCode.LINK_INVALID,
      ids[1],
      `Link catch events ${ids.map((id) => `'${id}'`).join(', ')} share the name '${name}' in one scope, so a link ` +
        'throw could not know where to go. Give each link catch event its own name.',
    );
  }
  for (const node of process.nodes.values()) {
    const definition =
      node.kind === 'intermediateThrowEvent' && node.eventDefinition !== 'none' ? node.eventDefinition : undefined;
    if (definition?.kind !== 'link') continue;
    if (catches.has(scopeName(node.parentId, definition.linkName))) continue;
    diagnostics.error(
      DiagnosticCode.LINK_INVALID,
      node.id,
      `Link throw event '${node.id}' goes to the link '${definition.linkName}', but there is no link catch event of ` +
        'that name in the same process or sub-process. Add one, or correct the name.',
    );
  }
}
