import { capitalize, describeElement, moddleTypeLabel, pluralLabel } from './element-label';
import { booleanProperty, elementId, elementsProperty, type ModdleElement } from './moddle-element';
import type { NodeKind } from './process-definition';

/** The BPMN types Operon runs, by moddle type name. Any other flow node is UNSUPPORTED_ELEMENT. */
const KIND_BY_TYPE: Readonly<Record<string, NodeKind>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:AdHocSubProcess': 'subProcess',
  'bpmn:Transaction': 'subProcess',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:SendTask': 'sendTask',
};

/** Event definitions each event kind runs, by their label ("timer", "message", …); undefined = none. */
const CATCH_TRIGGERS = ['timer', 'message', 'error', 'escalation', 'signal', 'conditional'];
const RUNS: {
  readonly [K in 'start' | 'processStart' | 'eventStart' | 'end' | 'catch' | 'throw' | 'boundary']: readonly (
    string | undefined
  )[];
} = {
  start: [undefined],
  processStart: [undefined, 'timer', 'message', 'signal', 'conditional'],
  eventStart: [...CATCH_TRIGGERS, 'compensate'],
  end: [undefined, 'terminate', 'error', 'escalation', 'signal', 'message', 'compensate', 'cancel'],
  catch: ['timer', 'message', 'signal', 'link', 'conditional'],
  throw: [undefined, 'escalation', 'signal', 'link', 'message', 'compensate'],
  boundary: [...CATCH_TRIGGERS, 'compensate', 'cancel'],
};

const GENERAL_HINT =
  'Remove it, or redraw this step with elements Operon runs: tasks (plain, service, send, user, script, manual, ' +
  'receive), exclusive, inclusive and parallel gateways, embedded and event sub-processes, none start events, ' +
  'timer, message, signal and link intermediate events, boundary events, and none, terminate, error, escalation, ' +
  'signal or message end events.';

/** The node kind of a flow node whose BPMN type Operon runs; undefined for any other type. */
export function nodeKindOf(element: ModdleElement): NodeKind | undefined {
  return Object.hasOwn(KIND_BY_TYPE, element.$type) ? KIND_BY_TYPE[element.$type] : undefined;
}

/**
 * Why Operon cannot run this flow node, as an actionable message; undefined when it can.
 * Covers unknown types as well as supported types used with an unsupported feature (a timer start event,
 * a multi-instance task, an event sub-process).
 */
export function unsupportedReason(element: ModdleElement): string | undefined {
  const id = elementId(element);
  const kind = nodeKindOf(element);
  const definitions = eventDefinitionsOf(element);
  const definitionLabel =
    definitions.length > 1 ? 'multiple' : definitions.map(({ $type }) => moddleTypeLabel($type))[0];

  if (kind === undefined) {
    const label = [definitionLabel, moddleTypeLabel(element.$type)].filter(Boolean).join(' ');
    return notRunYet(label, id, GENERAL_HINT);
  }
  const inEventSubProcess = element.$parent !== undefined && isEventSubProcess(element.$parent);
  const atProcessTop = (element.$parent as ModdleElement | undefined)?.$type === 'bpmn:Process';
  if (kind === 'startEvent' && atProcessTop && !RUNS.processStart.includes(definitionLabel)) {
    return notRunYet(
      `${definitionLabel ?? 'none'} start event`,
      id,
      'Use a none, timer, message, signal or conditional start event, or start instances through the API.',
    );
  }
  if (kind === 'startEvent' && !inEventSubProcess && !atProcessTop && definitionLabel !== undefined) {
    return notRunYet(
      `${definitionLabel} start event`,
      id,
      'A sub-process starts with a none start event (without an event definition).',
    );
  }
  if (kind === 'startEvent' && inEventSubProcess && !RUNS.eventStart.includes(definitionLabel)) {
    return notRunYet(
      `${definitionLabel ?? 'none'} event sub-process start event`,
      id,
      'Start the event sub-process with a timer, message, error, escalation, signal, conditional or compensation ' +
        'start event.',
    );
  }
  if (kind === 'endEvent' && !RUNS.end.includes(definitionLabel)) {
    return notRunYet(
      `${definitionLabel} end event`,
      id,
      'Use a none, terminate, error, escalation, signal, message, compensation or cancel end event instead.',
    );
  }
  if (kind === 'intermediateCatchEvent' && !RUNS.catch.includes(definitionLabel)) {
    return notRunYet(
      `${definitionLabel ?? 'none'} intermediate catch event`,
      id,
      'Operon runs timer, message, signal and link intermediate catch events; use one of those.',
    );
  }
  if (kind === 'intermediateThrowEvent' && !RUNS.throw.includes(definitionLabel)) {
    return notRunYet(
      `${definitionLabel} intermediate throw event`,
      id,
      'Operon runs none, escalation, signal, link, message and compensation intermediate throw events; use one of those.',
    );
  }
  if (kind === 'boundaryEvent' && !RUNS.boundary.includes(definitionLabel)) {
    return notRunYet(
      `${definitionLabel ?? 'none'} boundary event`,
      id,
      'Operon runs timer, message, error, escalation, signal, conditional, compensation and cancel boundary events; ' +
        'use one of those.',
    );
  }
  return undefined;
}

export function isEventSubProcess(element: unknown): boolean {
  return (
    typeof element === 'object' &&
    element !== null &&
    (element as ModdleElement).$type === 'bpmn:SubProcess' &&
    booleanProperty(element as ModdleElement, 'triggeredByEvent')
  );
}

/** The event definitions of an event, inline or by reference. */
export function eventDefinitionsOf(element: ModdleElement): readonly ModdleElement[] {
  return [...elementsProperty(element, 'eventDefinitions'), ...elementsProperty(element, 'eventDefinitionRefs')];
}

function notRunYet(label: string, id: string | undefined, hint: string): string {
  return `${describeElement(label, id)} is not supported: Operon does not run ${pluralLabel(label)} yet. ${capitalize(hint)}`;
}
