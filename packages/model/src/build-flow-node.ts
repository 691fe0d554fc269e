import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize, describeElement, nodeKindLabel } from './element-label';
import { buildCatchDefinition, buildMessage, buildThrowDefinition } from './build-event-definition';
import { buildBusinessRuleTask } from './build-business-rule-task';
import { buildCallActivity } from './build-call-activity';
import { buildLoop } from './build-loop';
import { buildJob, buildMappings, buildScriptTask, buildUserTask } from './build-task';
import {
  booleanProperty,
  documentationOf,
  elementId,
  elementProperty,
  stringProperty,
  type ModdleElement,
} from './moddle-element';
import type {
  FlowNode,
  IntermediateCatchEventNode,
  JobDefinition,
  LinkEventDefinition,
  MessageThrowDefinition,
  NodeKind,
  ScopeTriggerDefinition,
  TaskNode,
} from './process-definition';
import { eventDefinitionsOf, isEventSubProcess } from './supported-elements';
import { readZeebeExtensions, type ZeebeExtensions } from './zeebe-extensions';

/** The fields every node has; `incoming` and `outgoing` stay empty until the flows of the scope are read. */
export type NodeBase = Omit<TaskNode, 'kind'>;

/** A flow node of a supported kind other than a sub-process (those are built with their contents). */
export function buildFlowNode(
  element: ModdleElement,
  kind: Exclude<NodeKind, 'subProcess'>,
  id: string,
  parentId: string | undefined,
  context: BuildContext,
): FlowNode {
  const zeebe = readZeebeExtensions(element);
  const base = buildNodeBase(element, kind, id, parentId, zeebe, context);
  const subject = `${nodeKindLabel(kind)} '${id}'`;
  switch (kind) {
    case 'startEvent': {
      const interrupting = booleanProperty(element, 'isInterrupting');
      const atProcessTop = (element['$parent'] as ModdleElement | undefined)?.$type === 'bpmn:Process';
      if ((!isEventSubProcess(element['$parent']) && !atProcessTop) || eventDefinitionsOf(element).length === 0) {
        return { kind, ...base, eventDefinition: 'none', interrupting };
      }
      return { kind, ...base, eventDefinition: scopeTrigger(element, id, subject, context), interrupting };
    }
    case 'endEvent': {
      const terminate = eventDefinitionsOf(element).some(({ $type }) => $type === 'bpmn:TerminateEventDefinition');
      if (terminate) return { kind, ...base, eventDefinition: 'terminate' };
      const message = messageThrow(element, zeebe, id, subject, context);
      if (message) return { kind, ...base, eventDefinition: message };
      const thrown = buildThrowDefinition(element, id, subject, context);
      return { kind, ...base, eventDefinition: thrown === undefined || thrown.kind === 'link' ? 'none' : thrown };
    }
    case 'intermediateThrowEvent': {
      const message = messageThrow(element, zeebe, id, subject, context);
      if (message) return { kind, ...base, eventDefinition: message };
      const thrown = buildThrowDefinition(element, id, subject, context);
      // an error or cancel intermediate throw event is refused (supported-elements.ts)
      const none = thrown === undefined || thrown.kind === 'error' || thrown.kind === 'cancel';
      return { kind, ...base, eventDefinition: none ? 'none' : thrown };
    }
    case 'boundaryEvent': {
      const attachedTo = elementProperty(element, 'attachedToRef');
      return {
        kind,
        ...base,
        attachedToId: (attachedTo && elementId(attachedTo)) ?? '',
        interrupting: booleanProperty(element, 'cancelActivity'),
        eventDefinition: scopeTrigger(element, id, subject, context),
      };
    }
    case 'task':
    case 'manualTask':
    case 'parallelGateway':
      return { kind, ...base };
    case 'serviceTask':
    case 'sendTask':
      return { kind, ...base, job: buildJob(zeebe, id, subject, context) ?? missingJobType(id, subject, context) };
    case 'userTask':
      return { kind, ...base, ...buildUserTask(zeebe, id, subject, context) };
    case 'scriptTask':
      return { kind, ...base, ...buildScriptTask(zeebe, id, subject, context) };
    case 'exclusiveGateway':
    case 'inclusiveGateway':
    case 'eventBasedGateway':
      return { kind, ...base };
    case 'intermediateCatchEvent': {
      const definition = buildCatchDefinition(element, id, subject, context);
      return { kind, ...base, eventDefinition: isIntermediateCatch(definition) ? definition : PLACEHOLDER_MESSAGE };
    }
    case 'receiveTask':
      return { kind, ...base, message: buildMessage(undefined, element, id, subject, context) ?? PLACEHOLDER_MESSAGE };
    case 'businessRuleTask':
      return { kind, ...base, ...buildBusinessRuleTask(element, zeebe, id, subject, context) };
    case 'callActivity':
      return { kind, ...base, ...buildCallActivity(element, id, subject, context) };
    case 'complexGateway': {
      const condition = elementProperty(element, 'activationCondition');
      const body = condition === undefined ? undefined : stringProperty(condition, 'body');
      return {
        kind,
        ...base,
        activationCondition:
          body === undefined ? undefined : context.expressions.feel(body, id, `the activation condition of ${subject}`),
      };
    }
  }
}

export function buildNodeBase(
  element: ModdleElement,
  kind: NodeKind,
  id: string,
  parentId: string | undefined,
  zeebe: ZeebeExtensions,
  context: BuildContext,
): NodeBase {
  const subject = `${nodeKindLabel(kind)} '${id}'`;
  for (const listener of zeebe.listeners) {
    context.diagnostics.warning(
      DiagnosticCode.UNSUPPORTED_EXTENSION,
      id,
      `${describeElement(nodeKindLabel(kind), id)} has ${listener}, which Operon does not run yet; they are ignored. ` +
        'Remove them, or move their work into tasks of the process.',
    );
  }
  const loop = buildLoop(element, id, subject, context);
  return {
    ...(loop === undefined ? {} : { loop }),
    id,
    name: stringProperty(element, 'name'),
    documentation: documentationOf(element),
    parentId,
    incoming: [],
    outgoing: [],
    defaultFlowId: defaultFlowOf(element, kind, id, context),
    inputs: buildMappings(zeebe.inputs, 'input', id, subject, context),
    outputs: buildMappings(zeebe.outputs, 'output', id, subject, context),
    boundaryEventIds: [],
    ...(booleanProperty(element, 'isForCompensation') ? { isForCompensation: true } : {}),
  };
}

/** The trigger of a boundary event or an event sub-process start event. */
function scopeTrigger(
  element: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): ScopeTriggerDefinition {
  const definition = buildCatchDefinition(element, id, subject, context);
  return definition === undefined || definition.kind === 'link' ? PLACEHOLDER_MESSAGE : definition;
}

function isIntermediateCatch(
  definition: ScopeTriggerDefinition | LinkEventDefinition | undefined,
): definition is IntermediateCatchEventNode['eventDefinition'] {
  return (
    definition !== undefined &&
    definition.kind !== 'error' &&
    definition.kind !== 'escalation' &&
    definition.kind !== 'compensation' &&
    definition.kind !== 'cancel'
  );
}

/** Stands in for a missing definition; the model carries an error, so it never runs. */
const PLACEHOLDER_MESSAGE = {
  kind: 'message',
  messageName: { kind: 'static', value: '' },
  correlationKey: undefined,
} as const;

/**
 * A message throw event (intermediate or end) is, as in Camunda 8, a job for the worker that sends the
 * message; undefined when the event throws something else.
 */
function messageThrow(
  element: ModdleElement,
  zeebe: ZeebeExtensions,
  id: string,
  subject: string,
  context: BuildContext,
): MessageThrowDefinition | undefined {
  if (eventDefinitionsOf(element)[0]?.$type !== 'bpmn:MessageEventDefinition') return undefined;
  return { kind: 'message', job: buildJob(zeebe, id, subject, context) ?? missingJobType(id, subject, context) };
}

function missingJobType(id: string, subject: string, context: BuildContext): JobDefinition {
  context.diagnostics.error(
    DiagnosticCode.MISSING_TASK_TYPE,
    id,
    `${capitalize(subject)} has no job type. Add a zeebe:taskDefinition with a type, e.g. type="payment" ` +
      '(in Camunda Modeler: Task definition > Type), so that a job worker can pick it up.',
  );
  return { type: { kind: 'static', value: '' }, retries: { kind: 'static', value: '3' }, headers: {} };
}

function defaultFlowOf(element: ModdleElement, kind: NodeKind, id: string, context: BuildContext): string | undefined {
  const unresolved = context.references.get(element, 'bpmn:default');
  if (unresolved !== undefined) {
    context.diagnostics.error(
      DiagnosticCode.DEFAULT_FLOW_INVALID,
      id,
      `${describeElement(nodeKindLabel(kind), id)} names '${unresolved}' as its default flow, but there is no ` +
        'sequence flow with that id. Choose one of its outgoing flows as the default, or remove the default.',
    );
    return undefined;
  }
  const flow = elementProperty(element, 'default');
  return flow === undefined ? undefined : elementId(flow);
}
