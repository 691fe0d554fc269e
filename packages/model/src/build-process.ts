import type { BuildContext } from './build-context';
import { buildFlowNode, buildNodeBase } from './build-flow-node';
import { buildSequenceFlow } from './build-sequence-flow';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize, describeElement, nodeKindLabel } from './element-label';
import {
  booleanProperty,
  elementId,
  elementProperty,
  elementsProperty,
  extensionsOf,
  isInstanceOf,
  stringProperty,
  type ModdleElement,
} from './moddle-element';
import type {
  AdHocCharacteristics,
  FlowNode,
  ProcessDefinition,
  SequenceFlow,
  SubProcessNode,
} from './process-definition';
import { nodeKindOf, unsupportedReason } from './supported-elements';
import { readZeebeExtensions } from './zeebe-extensions';

/** Sub-processes nested deeper than this are refused (NESTING_TOO_DEEP): no real model needs it, and it bounds recursion. */
export const MAX_SUB_PROCESS_DEPTH = 32;

/** Nodes and flows of a whole process, collected scope by scope; `order` keeps the nodes in document order. */
interface ProcessDraft {
  readonly order: string[];
  readonly nodes: Map<string, FlowNode>;
  readonly flows: Map<string, SequenceFlow>;
  /** `bpmn:association` source id → target ids, from every scope: how compensation boundary events name their handler. */
  readonly associations: Map<string, string[]>;
}

interface ScopeResult {
  readonly childIds: readonly string[];
  readonly startEventId: string;
  readonly eventSubProcessIds: readonly string[];
  /** At the top of a process: its timer, message, signal and conditional start events. */
  readonly triggeredStartEventIds: readonly string[];
}

/** An executable `bpmn:process` as the engine's graph. Problems are reported to the context, not thrown. */
export function buildProcess(element: ModdleElement, id: string, context: BuildContext): ProcessDefinition {
  const draft: ProcessDraft = { order: [], nodes: new Map(), flows: new Map(), associations: new Map() };
  const zeebe = readZeebeExtensions(element);
  for (const listener of zeebe.listeners) {
    context.diagnostics.warning(
      DiagnosticCode.UNSUPPORTED_EXTENSION,
      id,
      `Process '${id}' has ${listener}, which Operon does not run yet; they are ignored. Remove them, or move their work into tasks.`,
    );
  }
  const scope = buildScope(element, `process '${id}'`, id, undefined, 0, false, draft, context);
  return {
    id,
    name: stringProperty(element, 'name'),
    isExecutable: true,
    versionTag: zeebe.versionTag,
    nodes: connect(draft),
    flows: draft.flows,
    startEventId: scope.startEventId,
    childIds: scope.childIds,
    eventSubProcessIds: scope.eventSubProcessIds,
    triggeredStartEventIds: scope.triggeredStartEventIds,
  };
}

/** The contents of a process or sub-process: its nodes (recursively), its flows, its one none start event. */
function buildScope(
  container: ModdleElement,
  subject: string,
  containerId: string,
  parentId: string | undefined,
  depth: number,
  triggeredByEvent: boolean,
  draft: ProcessDraft,
  context: BuildContext,
  adHoc?: AdHocCharacteristics,
): ScopeResult {
  const elements = elementsProperty(container, 'flowElements');
  const childIds: string[] = [];
  const flowNodeIds = new Set<string>();
  const startEventIds: string[] = [];
  const triggeredStartEventIds: string[] = [];
  const eventSubProcessIds: string[] = [];

  for (const element of elements) {
    if (!isInstanceOf(element, 'bpmn:FlowNode')) continue; // sequence flows below; data objects are not run
    const id = elementId(element);
    const kind = nodeKindOf(element);
    if (id === undefined) {
      const label = kind === undefined ? 'flow node' : nodeKindLabel(kind);
      context.diagnostics.error(
        DiagnosticCode.MISSING_ID,
        containerId,
        `${describeElement(label, undefined)} in ${subject} needs a unique id, e.g. id="Task_1".`,
      );
      continue;
    }
    flowNodeIds.add(id);
    const reason = unsupportedReason(element);
    if (kind === undefined || reason !== undefined) {
      context.diagnostics.error(
        DiagnosticCode.UNSUPPORTED_ELEMENT,
        id,
        reason ?? `${describeElement(element.$type, id)} is not supported.`,
      );
      continue;
    }
    draft.order.push(id);
    const node =
      kind === 'subProcess'
        ? buildSubProcess(element, id, parentId, depth + 1, draft, context)
        : buildFlowNode(element, kind, id, parentId, context);
    draft.nodes.set(id, node);
    childIds.push(id);
    if (node.kind === 'startEvent' && node.eventDefinition !== 'none' && !triggeredByEvent) {
      triggeredStartEventIds.push(id);
    } else if (node.kind === 'startEvent') startEventIds.push(id);
    if (node.kind === 'subProcess' && node.triggeredByEvent) eventSubProcessIds.push(id);
  }

  readAssociations(container, draft);
  const scope = { nodeIds: new Set(childIds), flowNodeIds };
  for (const element of elements) {
    if (element.$type !== 'bpmn:SequenceFlow') continue;
    const flow = buildSequenceFlow(element, scope, context);
    if (flow !== undefined) draft.flows.set(flow.id, flow);
  }

  const startEventId = triggeredByEvent
    ? theTriggeredStartEvent(startEventIds, containerId, draft, context)
    : (triggeredStartEventIds.length > 0 || adHoc !== undefined) && startEventIds.length === 0
      ? '' // a process started only by its timer, message, signal or conditional start events; an ad-hoc sub-process
      : theNoneStartEvent(startEventIds, subject, containerId, context);
  return { childIds, startEventId, eventSubProcessIds, triggeredStartEventIds };
}

function buildSubProcess(
  element: ModdleElement,
  id: string,
  parentId: string | undefined,
  depth: number,
  draft: ProcessDraft,
  context: BuildContext,
): SubProcessNode {
  const base = buildNodeBase(element, 'subProcess', id, parentId, readZeebeExtensions(element), context);
  const triggeredByEvent = booleanProperty(element, 'triggeredByEvent');
  if (depth > MAX_SUB_PROCESS_DEPTH) {
    context.diagnostics.error(
      DiagnosticCode.NESTING_TOO_DEEP,
      id,
      `Sub-process '${id}' is nested ${depth} levels deep; Operon reads at most ${MAX_SUB_PROCESS_DEPTH}. ` +
        'Flatten the model: move inner steps up a level.',
    );
    return { kind: 'subProcess', ...base, startEventId: '', childIds: [], triggeredByEvent, eventSubProcessIds: [] };
  }
  const adHoc = element.$type === 'bpmn:AdHocSubProcess' ? buildAdHoc(element, id, context) : undefined;
  const scope = buildScope(element, `sub-process '${id}'`, id, id, depth, triggeredByEvent, draft, context, adHoc);
  return {
    kind: 'subProcess',
    ...base,
    ...scope,
    triggeredByEvent,
    ...(adHoc === undefined ? {} : { adHoc }),
    ...(element.$type === 'bpmn:Transaction' ? { transaction: true } : {}),
  };
}

function buildAdHoc(element: ModdleElement, id: string, context: BuildContext): AdHocCharacteristics {
  const zeebe = extensionsOf(element).find((extension) => extension.$type === 'zeebe:AdHoc');
  const collection = zeebe === undefined ? undefined : stringProperty(zeebe, 'activeElementsCollection');
  const condition = elementProperty(element, 'completionCondition');
  const body = condition === undefined ? undefined : stringProperty(condition, 'body');
  const subject = `ad-hoc sub-process '${id}'`;
  return {
    activeElementsCollection:
      collection === undefined
        ? undefined
        : context.expressions.feel(collection, id, `the active elements of ${subject}`),
    completionCondition:
      body === undefined ? undefined : context.expressions.feel(body, id, `the completion condition of ${subject}`),
    cancelRemainingInstances: element['cancelRemainingInstances'] !== false,
  };
}

/** An event sub-process starts at its one start event, which has a trigger. */
function theTriggeredStartEvent(
  ids: readonly string[],
  containerId: string,
  draft: ProcessDraft,
  context: BuildContext,
): string {
  const [first] = ids;
  const start = first === undefined ? undefined : draft.nodes.get(first);
  if (ids.length === 1 && first !== undefined && start?.kind === 'startEvent' && start.eventDefinition !== 'none') {
    return first;
  }
  context.diagnostics.error(
    DiagnosticCode.EVENT_SUB_PROCESS_INVALID,
    containerId,
    `Event sub-process '${containerId}' needs exactly one start event with a trigger (timer, message, error, ` +
      `escalation or signal), but has ${ids.length === 0 ? 'none' : ids.map((id) => `'${id}'`).join(', ')}` +
      `${ids.length === 1 ? ' without a trigger' : ''}. Keep one start event and give it an event definition.`,
  );
  return '';
}

function theNoneStartEvent(
  ids: readonly string[],
  subject: string,
  containerId: string,
  context: BuildContext,
): string {
  const [first] = ids;
  if (ids.length === 1 && first !== undefined) return first;
  const where = subject.startsWith('sub-process') ? 'inside it, where the sub-process begins' : 'where instances begin';
  context.diagnostics.error(
    DiagnosticCode.NO_START_EVENT,
    containerId,
    ids.length === 0
      ? `${capitalize(subject)} has no none start event. Add a start event without an event definition, ${where}.`
      : `${capitalize(subject)} has ${ids.length} none start events (${ids.map((id) => `'${id}'`).join(', ')}), ` +
          'but needs exactly one. Keep one and remove the others, joining their paths after it.',
  );
  return '';
}

/** The associations of a scope (its `artifacts`), by source id. */
function readAssociations(container: ModdleElement, draft: ProcessDraft): void {
  for (const artifact of elementsProperty(container, 'artifacts')) {
    if (artifact.$type !== 'bpmn:Association') continue;
    const source = elementProperty(artifact, 'sourceRef');
    const target = elementProperty(artifact, 'targetRef');
    const sourceId = source && elementId(source);
    const targetId = target && elementId(target);
    if (sourceId === undefined || targetId === undefined) continue;
    draft.associations.set(sourceId, [...(draft.associations.get(sourceId) ?? []), targetId]);
  }
}

/** The compensation handler a compensation boundary event is associated with (validate-compensation.ts checks it). */
function compensationHandlerOf(node: FlowNode, draft: ProcessDraft): { compensationHandlerId?: string } {
  if (node.kind !== 'boundaryEvent' || node.eventDefinition.kind !== 'compensation') return {};
  const handlerId = (draft.associations.get(node.id) ?? []).find((id) => draft.nodes.get(id)?.isForCompensation);
  return handlerId === undefined ? {} : { compensationHandlerId: handlerId };
}

/** Fills each node's incoming and outgoing flow ids (outgoing in document order), in document order of nodes. */
function connect(draft: ProcessDraft): ReadonlyMap<string, FlowNode> {
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, nodeId: string, flowId: string): void => {
    const list = index.get(nodeId) ?? [];
    list.push(flowId);
    index.set(nodeId, list);
  };
  for (const flow of draft.flows.values()) {
    add(outgoing, flow.sourceId, flow.id);
    add(incoming, flow.targetId, flow.id);
  }
  const boundaries = new Map<string, string[]>();
  for (const id of draft.order) {
    const node = draft.nodes.get(id);
    if (node?.kind === 'boundaryEvent') add(boundaries, node.attachedToId, id);
  }
  const nodes = new Map<string, FlowNode>();
  for (const id of draft.order) {
    const node = draft.nodes.get(id);
    if (node === undefined) continue;
    nodes.set(id, {
      ...node,
      incoming: incoming.get(id) ?? [],
      outgoing: outgoing.get(id) ?? [],
      boundaryEventIds: boundaries.get(id) ?? [],
      ...compensationHandlerOf(node, draft),
    });
  }
  return nodes;
}
