// Minimal BPMN documents that exercise one element each, with the id `x`, so that the coverage test can ask the
// model whether it runs the element (it parses) or not yet (it is refused with UNSUPPORTED_ELEMENT). Each model is
// drawn as Operon requires once it runs the element, so that a newly supported element parses without changes.
import { bpmnWith, flow } from '../scenario';

/** The id of the element under test in every coverage model. */
export const ELEMENT_ID = 'x';

/** The messages, signals, errors and escalations the event definitions below refer to. */
const ROOTS = `<bpmn:message id="message" name="m"><bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:message>
  <bpmn:signal id="signal" name="s"/>
  <bpmn:error id="error" errorCode="E"/>
  <bpmn:escalation id="escalation" escalationCode="C"/>`;

export const TIMER =
  '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>';
export const MESSAGE = '<bpmn:messageEventDefinition messageRef="message"/>';
export const SIGNAL = '<bpmn:signalEventDefinition signalRef="signal"/>';
export const ERROR = '<bpmn:errorEventDefinition errorRef="error"/>';
export const ESCALATION = '<bpmn:escalationEventDefinition escalationRef="escalation"/>';
export const CONDITIONAL =
  '<bpmn:conditionalEventDefinition><bpmn:condition>=ready</bpmn:condition></bpmn:conditionalEventDefinition>';
const COMPENSATE = '<bpmn:compensateEventDefinition/>';
const CANCEL = '<bpmn:cancelEventDefinition/>';
export const TERMINATE = '<bpmn:terminateEventDefinition/>';
const LINK = '<bpmn:linkEventDefinition name="page"/>';

/** `<bpmn:serviceTask>` with a job type and optional children (loop characteristics). */
export function serviceTask(id: string, children = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="work"/></bpmn:extensionElements>${children}</bpmn:serviceTask>`;
}

/** A process of its own content, with the shared root elements. */
export function processWith(content: string): string {
  return bpmnWith(ROOTS, content);
}

/** start → `element` (whose id is `x`) → end. */
export function between(element: string): string {
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', ELEMENT_ID)}
    ${element}${flow('out', ELEMENT_ID, 'end')}<bpmn:endEvent id="end"/>`);
}

/** A process start event `x` with the definition → end. */
export function startingAt(definition: string): string {
  return processWith(`<bpmn:startEvent id="${ELEMENT_ID}">${definition}</bpmn:startEvent>
    ${flow('out', ELEMENT_ID, 'end')}<bpmn:endEvent id="end"/>`);
}

/** start → an intermediate event `x` of the type with the definition → end. */
export function intermediate(type: 'intermediateCatchEvent' | 'intermediateThrowEvent', definition = ''): string {
  return between(`<bpmn:${type} id="${ELEMENT_ID}">${definition}</bpmn:${type}>`);
}

/** start → a link throw event, and its link catch event → end; the one of the type is `x`. */
export function linkedAt(type: 'intermediateCatchEvent' | 'intermediateThrowEvent'): string {
  const thrower = type === 'intermediateThrowEvent' ? ELEMENT_ID : 'goTo';
  const catcher = type === 'intermediateCatchEvent' ? ELEMENT_ID : 'landing';
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', thrower)}
    <bpmn:intermediateThrowEvent id="${thrower}">${LINK}</bpmn:intermediateThrowEvent>
    <bpmn:intermediateCatchEvent id="${catcher}">${LINK}</bpmn:intermediateCatchEvent>
    ${flow('out', catcher, 'end')}<bpmn:endEvent id="end"/>`);
}

/** start → an end event `x` with the definition. */
export function endingAt(definition = ''): string {
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', ELEMENT_ID)}
    <bpmn:endEvent id="${ELEMENT_ID}">${definition}</bpmn:endEvent>`);
}

/** start → a service task → end, with a boundary event `x` with the definition on the task → its own end. */
export function boundaryWith(definition: string, interrupting = true): string {
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', 'task')}
    ${serviceTask('task')}${flow('out', 'task', 'end')}<bpmn:endEvent id="end"/>
    <bpmn:boundaryEvent id="${ELEMENT_ID}" attachedToRef="task" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>
    ${flow('escape', ELEMENT_ID, 'escaped')}<bpmn:endEvent id="escaped"/>`);
}

/** start → end, beside an event sub-process whose start event `x` has the definition. */
export function eventSubProcessStartingAt(definition: string): string {
  return processWith(`<bpmn:startEvent id="start"/>${flow('toEnd', 'start', 'end')}<bpmn:endEvent id="end"/>
    <bpmn:subProcess id="eventSubProcess" triggeredByEvent="true">
      <bpmn:startEvent id="${ELEMENT_ID}">${definition}</bpmn:startEvent>${flow('inside', ELEMENT_ID, 'handled')}
      <bpmn:endEvent id="handled"/>
    </bpmn:subProcess>`);
}

/** The job of a send task or message throw event: Camunda 8 sends messages through a job worker. */
export const SENDER = '<bpmn:extensionElements><zeebe:taskDefinition type="send"/></bpmn:extensionElements>';

/**
 * start → a task `book` with a compensation boundary event associated with its handler `undo` → a compensation
 * throw (intermediate or end) → end; `under` says which of them is `x`.
 */
export function compensating(under: 'boundary' | 'handler' | 'intermediate throw' | 'end'): string {
  const id = (part: typeof under, otherwise: string) => (part === under ? ELEMENT_ID : otherwise);
  const [boundary, handler, thrower] = [
    id('boundary', 'onUndo'),
    id('handler', 'undo'),
    id('intermediate throw', 'back'),
  ];
  const ending =
    under === 'end'
      ? `${flow('toThrow', 'book', ELEMENT_ID)}<bpmn:endEvent id="${ELEMENT_ID}">${COMPENSATE}</bpmn:endEvent>`
      : `${flow('toThrow', 'book', thrower)}<bpmn:intermediateThrowEvent id="${thrower}">${COMPENSATE}</bpmn:intermediateThrowEvent>
        ${flow('out', thrower, 'end')}<bpmn:endEvent id="end"/>`;
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', 'book')}${serviceTask('book')}
    <bpmn:boundaryEvent id="${boundary}" attachedToRef="book">${COMPENSATE}</bpmn:boundaryEvent>
    <bpmn:serviceTask id="${handler}" isForCompensation="true"><bpmn:extensionElements>
      <zeebe:taskDefinition type="undo"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:association id="toHandler" associationDirection="One" sourceRef="${boundary}" targetRef="${handler}"/>
    ${ending}`);
}

/** start → a sub-process with a compensation event sub-process, whose start event is `x` → end. */
export function compensationEventSubProcess(): string {
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', 'work')}
    <bpmn:subProcess id="work">
      <bpmn:startEvent id="workStart"/>${flow('inside', 'workStart', 'workEnd')}<bpmn:endEvent id="workEnd"/>
      <bpmn:subProcess id="compensation" triggeredByEvent="true">
        <bpmn:startEvent id="${ELEMENT_ID}">${COMPENSATE}</bpmn:startEvent>${flow('undoing', ELEMENT_ID, 'undone')}
        <bpmn:endEvent id="undone"/>
      </bpmn:subProcess>
    </bpmn:subProcess>
    ${flow('out', 'work', 'end')}<bpmn:endEvent id="end"/>`);
}

/** start → a transaction that ends at a cancel end event, with a cancel boundary event → ends; `under` is `x`. */
export function cancelling(under: 'boundary' | 'end'): string {
  const [boundary, ending] = under === 'boundary' ? [ELEMENT_ID, 'cancel'] : ['cancelled', ELEMENT_ID];
  return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', 'booking')}
    <bpmn:transaction id="booking">
      <bpmn:startEvent id="bookingStart"/>${flow('inside', 'bookingStart', ending)}
      <bpmn:endEvent id="${ending}">${CANCEL}</bpmn:endEvent>
    </bpmn:transaction>
    ${flow('out', 'booking', 'end')}<bpmn:endEvent id="end"/>
    <bpmn:boundaryEvent id="${boundary}" attachedToRef="booking">${CANCEL}</bpmn:boundaryEvent>
    ${flow('escape', boundary, 'escaped')}<bpmn:endEvent id="escaped"/>`);
}
