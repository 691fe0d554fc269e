import { capitalize, describeElement, moddleTypeLabel, nodeKindLabel, pluralLabel } from './element-label';
import { booleanProperty, elementId, elementProperty, elementsProperty, type ModdleElement } from './moddle-element';
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
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:ReceiveTask': 'receiveTask',
};

const HINT_BY_TYPE: Readonly<Record<string, string>> = {
  'bpmn:CallActivity': 'Draw the called process inside an embedded sub-process instead, or remove the call activity.',
  'bpmn:BusinessRuleTask': 'Use a service task whose job worker evaluates the decision instead.',
  'bpmn:SendTask': 'Use a service task whose job worker sends the message instead.',
  'bpmn:ComplexGateway': 'Use an exclusive or inclusive gateway with conditions instead.',
  'bpmn:EventBasedGateway': 'Use an exclusive gateway, or a user task for the decision, instead.',
};

const GENERAL_HINT =
  'Remove it, or redraw this step with elements Operon runs: tasks (plain, service, user, script, manual, receive), ' +
  'exclusive, inclusive and parallel gateways, embedded sub-processes, none start events, timer and message ' +
  'intermediate catch events, and none or terminate end events.';

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
    return notRunYet(label, id, HINT_BY_TYPE[element.$type] ?? GENERAL_HINT);
  }
  if (kind === 'startEvent' && definitionLabel !== undefined) {
    return notRunYet(
      `${definitionLabel} start event`,
      id,
      'Use a none start event (without an event definition) and start instances through the API.',
    );
  }
  if (kind === 'endEvent' && definitionLabel !== undefined && definitionLabel !== 'terminate') {
    return notRunYet(`${definitionLabel} end event`, id, 'Use a none or a terminate end event instead.');
  }
  if (
    kind === 'intermediateCatchEvent' &&
    (definitionLabel === undefined || (definitionLabel !== 'timer' && definitionLabel !== 'message'))
  ) {
    return notRunYet(
      `${definitionLabel ?? 'none'} intermediate catch event`,
      id,
      'Operon runs timer and message intermediate catch events; use one of those.',
    );
  }
  if (kind === 'subProcess' && booleanProperty(element, 'triggeredByEvent')) {
    return notRunYet('event sub-process', id, GENERAL_HINT);
  }
  const loop = elementProperty(element, 'loopCharacteristics');
  if (loop !== undefined) {
    const loopLabel = loop.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? 'multi-instance' : 'standard loop';
    return (
      `${describeElement(nodeKindLabel(kind), id)} has ${loopLabel} characteristics, which Operon does not run yet. ` +
      'Remove the loop marker, or repeat the step with a gateway that loops back.'
    );
  }
  if (booleanProperty(element, 'isForCompensation')) {
    return (
      `${describeElement(nodeKindLabel(kind), id)} is a compensation handler, which Operon does not run yet. ` +
      'Remove it, or undo the work with ordinary tasks on an explicit path.'
    );
  }
  return undefined;
}

/** The event definitions of an event, inline or by reference. */
export function eventDefinitionsOf(element: ModdleElement): readonly ModdleElement[] {
  return [...elementsProperty(element, 'eventDefinitions'), ...elementsProperty(element, 'eventDefinitionRefs')];
}

function notRunYet(label: string, id: string | undefined, hint: string): string {
  return `${describeElement(label, id)} is not supported: Operon does not run ${pluralLabel(label)} yet. ${capitalize(hint)}`;
}
