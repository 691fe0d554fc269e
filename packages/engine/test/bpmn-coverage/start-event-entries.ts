// The start events of the "Events" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import {
  compensationEventSubProcess,
  CONDITIONAL,
  ERROR,
  ESCALATION,
  eventSubProcessStartingAt,
  MESSAGE,
  SIGNAL,
  startingAt,
  TIMER,
} from './coverage-model';

const conditionalEvents = testsIn('packages/engine/test/conditional-events.test.ts');
const eventSubProcesses = testsIn('packages/engine/test/event-sub-processes.test.ts');
const callActivityErrors = testsIn('packages/engine/test/call-activity-errors.test.ts');
const eventsAndTasks = testsIn('packages/engine/test/events-and-tasks.test.ts');
const signalEvents = testsIn('packages/engine/test/signal-events.test.ts');
const startEvents = testsIn('packages/engine/test/start-events.test.ts');
const runtimeBpmnEvents = testsIn('packages/runtime/test/bpmn-events.test.ts');
const runtimeStartEvents = testsIn('packages/runtime/test/start-events.test.ts');
const compensation = testsIn('packages/engine/test/compensation.test.ts');
const runtimeConditionalStarts = testsIn('packages/runtime/test/conditional-start-events.test.ts');
const restartWaits = testsIn('packages/runtime/test/restart-waits.test.ts');
const restartStartEvents = testsIn('packages/runtime/test/restart-start-events.test.ts');

export const START_EVENT_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'none start event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventsAndTasks('given start → end, when an instance is created, then it completes at once')],
    model: startingAt(''),
  },
  {
    element: 'message start event (process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      startEvents('given a message start event beside the none start event, then an instance can start at either'),
      runtimeStartEvents(
        'a message start event starts one instance per message, and one active instance per correlation key',
      ),
      restartStartEvents(
        'given a message start event and a signal start event deployed before a restart, when the message and the signal arrive after it, then each starts an instance',
      ),
    ],
    model: startingAt(MESSAGE),
  },
  {
    element: 'timer start event (process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      runtimeStartEvents(
        'a timer start event with a cycle starts an instance per occurrence, and keeps counting across a restart',
      ),
      runtimeStartEvents('a timer start event with a date in the past starts an instance at once after the deployment'),
    ],
    model: startingAt(TIMER),
  },
  {
    element: 'signal start event (process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      runtimeStartEvents('a signal start event starts an instance when the signal is broadcast'),
      restartStartEvents(
        'given a message start event and a signal start event deployed before a restart, when the message and the signal arrive after it, then each starts an instance',
      ),
    ],
    model: startingAt(SIGNAL),
  },
  {
    element: 'conditional start event (process)',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      startEvents(
        'given a process started only by a conditional start event, then an instance starts there with the variables',
      ),
      runtimeConditionalStarts(
        'starts one instance per conditional start event whose condition holds, with the variables',
      ),
      restartStartEvents(
        'given a conditional start event deployed before a restart, when the conditions are evaluated after it, then an instance starts',
      ),
    ],
    model: startingAt(CONDITIONAL),
  },
  {
    element: 'timer start event (event sub-process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventSubProcesses('given a non-interrupting timer cycle, then it starts again at each firing'),
      restartWaits(
        'given an interrupting timer event sub-process, when it falls due after a restart, then it ends the waiting job and runs',
      ),
    ],
    model: eventSubProcessStartingAt(TIMER),
  },
  {
    element: 'message start event (event sub-process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [runtimeBpmnEvents('a message event sub-process still listens after a restart')],
    model: eventSubProcessStartingAt(MESSAGE),
  },
  {
    element: 'error start event (event sub-process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventSubProcesses(
        'given an interrupting error event sub-process, when a worker throws the error, then it ends the rest of the process and runs',
      ),
      callActivityErrors(
        "given an error event sub-process in the parent, when the child's error end event throws, then it catches the error",
      ),
    ],
    model: eventSubProcessStartingAt(ERROR),
  },
  {
    element: 'escalation start event (event sub-process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventSubProcesses(
        'given an escalation event sub-process in a sub-process, when an escalation is thrown inside, then it runs (non-interrupting) and the thrower goes on',
      ),
    ],
    model: eventSubProcessStartingAt(ESCALATION),
  },
  {
    element: 'signal start event (event sub-process)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      signalEvents('given an interrupting signal event sub-process, then the signal ends the process flow'),
      restartWaits(
        'given a non-interrupting signal event sub-process, when the signal is broadcast after a restart, then it runs beside the waiting task',
      ),
    ],
    model: eventSubProcessStartingAt(SIGNAL),
  },
  {
    element: 'compensate start event (event sub-process)',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      compensation(
        'given a sub-process with a compensation event sub-process, then that runs instead of compensating its inner activities, and can compensate them itself',
      ),
    ],
    model: compensationEventSubProcess(),
  },
  {
    element: 'conditional start event (event sub-process)',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      conditionalEvents(
        'given a non-interrupting conditional event sub-process, then it runs each time the condition becomes true',
      ),
    ],
    model: eventSubProcessStartingAt(CONDITIONAL),
  },
];
