import { DiagnosticCode } from './diagnostic-code';
import type { DiagnosticList } from './diagnostic-list';
import { describeElement, nodeKindLabel } from './element-label';
import type { FlowNode, ProcessDefinition } from './process-definition';

/** Rules about how nodes and flows fit together, checked on the built graph. */
export function validateProcess(process: ProcessDefinition, diagnostics: DiagnosticList): void {
  for (const node of process.nodes.values()) {
    checkEventDirection(node, diagnostics);
    checkGateway(node, process, diagnostics);
  }
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

function checkGateway(node: FlowNode, process: ProcessDefinition, diagnostics: DiagnosticList): void {
  if (node.kind !== 'exclusiveGateway' && node.kind !== 'inclusiveGateway' && node.kind !== 'parallelGateway') return;
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
