import type { NodeKind } from './process-definition';

const nodeKindLabels: { readonly [K in NodeKind]: string } = {
  startEvent: 'start event',
  endEvent: 'end event',
  task: 'task',
  manualTask: 'manual task',
  serviceTask: 'service task',
  userTask: 'user task',
  scriptTask: 'script task',
  exclusiveGateway: 'exclusive gateway',
  parallelGateway: 'parallel gateway',
  inclusiveGateway: 'inclusive gateway',
  subProcess: 'sub-process',
  intermediateCatchEvent: 'intermediate catch event',
  intermediateThrowEvent: 'intermediate throw event',
  boundaryEvent: 'boundary event',
  receiveTask: 'receive task',
  businessRuleTask: 'business rule task',
  callActivity: 'call activity',
  eventBasedGateway: 'event-based gateway',
  complexGateway: 'complex gateway',
  sendTask: 'send task',
};

/** "service task", "exclusive gateway", … for messages. */
export function nodeKindLabel(kind: NodeKind): string {
  return nodeKindLabels[kind];
}

/** "business rule task" for `bpmn:BusinessRuleTask`, "timer" for `bpmn:TimerEventDefinition`. */
export function moddleTypeLabel(type: string): string {
  const local = type.slice(type.indexOf(':') + 1).replace(/EventDefinition$/, '');
  return local
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bsub process\b/, 'sub-process');
}

/** "Service task 'charge'", or "A service task without an id". */
export function describeElement(label: string, id: string | undefined): string {
  return id === undefined ? `A ${label} without an id` : `${capitalize(label)} '${id}'`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "timer start events", "event sub-processes": the plural used in "Operon does not run … yet". */
export function pluralLabel(label: string): string {
  return /(s|ss|x)$/.test(label) ? `${label}es` : `${label}s`;
}
