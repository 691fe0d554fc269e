// The end events of the "Events" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import {
  cancelling,
  compensating,
  endingAt,
  ERROR,
  ESCALATION,
  MESSAGE,
  SENDER,
  SIGNAL,
  TERMINATE,
} from './coverage-model';

const errorEvents = testsIn('packages/engine/test/error-events.test.ts');
const eventSubProcesses = testsIn('packages/engine/test/event-sub-processes.test.ts');
const eventsAndTasks = testsIn('packages/engine/test/events-and-tasks.test.ts');
const scopesAndVariables = testsIn('packages/engine/test/scopes-and-variables.test.ts');
const signalEvents = testsIn('packages/engine/test/signal-events.test.ts');
const compensation = testsIn('packages/engine/test/compensation.test.ts');
const transactions = testsIn('packages/engine/test/transactions.test.ts');
const messageThrowEvents = testsIn('packages/engine/test/message-throw-events.test.ts');
const runtimeBpmnEvents = testsIn('packages/runtime/test/bpmn-events.test.ts');

export const END_EVENT_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'none end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventsAndTasks('given start → end, when an instance is created, then it completes at once')],
    model: endingAt(),
  },
  {
    element: 'terminate end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      scopesAndVariables('a terminate end event inside ends only the sub-process, which completes'),
      scopesAndVariables('terminates every other branch and completes the instance, as Camunda 8 does'),
    ],
    model: endingAt(TERMINATE),
  },
  {
    element: 'error end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      errorEvents(
        'given an error end event in a sub-process, when reached, then the boundary of the sub-process catches it',
      ),
      errorEvents('given no catch, when reached, then an UNHANDLED_ERROR_EVENT incident stops the end event'),
    ],
    model: endingAt(ERROR),
  },
  {
    element: 'escalation end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventSubProcesses('given no catch, then an escalation end event simply ends its path')],
    model: endingAt(ESCALATION),
  },
  {
    element: 'signal end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      signalEvents('given a signal end event, then it broadcasts the signal with its input mappings as the variables'),
    ],
    model: endingAt(SIGNAL),
  },
  {
    element: 'message end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      messageThrowEvents('given a message end event, when its job completes, then the instance completes'),
      runtimeBpmnEvents(
        'given a send task, a message throw event and a message end event, in-process workers send the messages and complete the jobs',
      ),
    ],
    model: endingAt(SENDER + MESSAGE),
  },
  {
    element: 'compensation end event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [compensation('given a compensation end event, then the handlers run before the instance completes')],
    model: compensating('end'),
  },
  {
    element: 'cancel end event',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      transactions(
        'given a cancel end event, then the rest of the transaction ends, its completed activities are compensated in reverse order, and it leaves by its cancel boundary event',
      ),
      transactions(
        'given a cancel end event with nothing to compensate, then the transaction leaves by its cancel boundary event at once',
      ),
    ],
    model: cancelling('end'),
  },
];
