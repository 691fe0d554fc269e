// The multiple and parallel multiple events of the "Events" section of docs/bpmn-coverage.md: BPMN 2.0.2 events with
// several event definitions, triggered by any one of them (multiple) or only by all (parallel multiple); thrown,
// a multiple event throws all of them. Neither Operon nor Camunda 8 runs them yet: the model refuses them.
import type { CoverageEntry } from './coverage-entry';
import {
  boundaryWith,
  ELEMENT_ID,
  endingAt,
  ESCALATION,
  eventSubProcessStartingAt,
  intermediate,
  MESSAGE,
  processWith,
  SIGNAL,
  startingAt,
  TIMER,
} from './coverage-model';
import { flow } from '../scenario';

const REASON =
  'an event with several event definitions (BPMN 2.0.2 multiple, or parallel multiple with parallelMultiple="true") ' +
  'is refused with UNSUPPORTED_ELEMENT; model one event per trigger instead (an event-based gateway waits for the ' +
  'first of several, a parallel gateway joins all of them)';

const ANY_OF = `${MESSAGE}${TIMER}`;
const THROW_ALL = `${SIGNAL}${ESCALATION}`;

/** A catch event with the trigger definitions and parallelMultiple="true". */
function parallel(type: 'startEvent' | 'intermediateCatchEvent' | 'boundaryEvent'): string {
  const event = `<bpmn:${type} id="${ELEMENT_ID}" parallelMultiple="true"${type === 'boundaryEvent' ? ' attachedToRef="task"' : ''}>${ANY_OF}</bpmn:${type}>`;
  switch (type) {
    case 'startEvent':
      return processWith(`${event}${flow('out', ELEMENT_ID, 'end')}<bpmn:endEvent id="end"/>`);
    case 'intermediateCatchEvent':
      return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', ELEMENT_ID)}${event}
        ${flow('out', ELEMENT_ID, 'end')}<bpmn:endEvent id="end"/>`);
    case 'boundaryEvent':
      return processWith(`<bpmn:startEvent id="start"/>${flow('in', 'start', 'task')}<bpmn:userTask id="task"/>
        ${flow('out', 'task', 'end')}<bpmn:endEvent id="end"/>${event}${flow('escape', ELEMENT_ID, 'escaped')}
        <bpmn:endEvent id="escaped"/>`);
  }
}

const notYet = (element: string, model: string): CoverageEntry => ({
  element,
  operon: 'not yet',
  camunda8: 'no',
  reason: REASON,
  model,
});

export const MULTIPLE_EVENT_ENTRIES: readonly CoverageEntry[] = [
  notYet('multiple start event (process)', startingAt(ANY_OF)),
  notYet('parallel multiple start event (process)', parallel('startEvent')),
  notYet('multiple start event (event sub-process)', eventSubProcessStartingAt(ANY_OF)),
  notYet('multiple intermediate catch event', intermediate('intermediateCatchEvent', ANY_OF)),
  notYet('parallel multiple intermediate catch event', parallel('intermediateCatchEvent')),
  notYet('multiple intermediate throw event', intermediate('intermediateThrowEvent', THROW_ALL)),
  notYet('multiple boundary event', boundaryWith(ANY_OF)),
  notYet('parallel multiple boundary event', parallel('boundaryEvent')),
  notYet('multiple end event', endingAt(THROW_ALL)),
];
