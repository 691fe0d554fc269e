// The intermediate events of the "Events" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import {
  compensating,
  CONDITIONAL,
  ESCALATION,
  intermediate,
  linkedAt,
  MESSAGE,
  SENDER,
  SIGNAL,
  TIMER,
} from './coverage-model';

const conditionalEvents = testsIn('packages/engine/test/conditional-events.test.ts');
const eventSubProcesses = testsIn('packages/engine/test/event-sub-processes.test.ts');
const signalEvents = testsIn('packages/engine/test/signal-events.test.ts');
const runtimeBpmnEvents = testsIn('packages/runtime/test/bpmn-events.test.ts');
const runtime = testsIn('packages/runtime/test/runtime.test.ts');
const compensation = testsIn('packages/engine/test/compensation.test.ts');
const messageThrowEvents = testsIn('packages/engine/test/message-throw-events.test.ts');
const restartWaits = testsIn('packages/runtime/test/restart-waits.test.ts');

export const INTERMEDIATE_EVENT_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'timer intermediate catch event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      runtime('a timer catch event fires when due'),
      runtime('a timer that fell due while the runtime was stopped fires at once after the restart'),
      restartWaits(
        'given a timer catch event inside an embedded sub-process, when it falls due after a restart, then the sub-process and the process complete',
      ),
    ],
    model: intermediate('intermediateCatchEvent', TIMER),
  },
  {
    element: 'message intermediate catch event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [runtime('a message published before the instance waits is buffered for its time to live')],
    model: intermediate('intermediateCatchEvent', MESSAGE),
  },
  {
    element: 'signal intermediate catch event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      signalEvents('given a signal catch event, then it subscribes by name and moves on with the broadcast variables'),
      runtimeBpmnEvents(
        'instances waiting for a signal receive one broadcast after a restart, and a signal thrown by a process reaches them',
      ),
    ],
    model: intermediate('intermediateCatchEvent', SIGNAL),
  },
  {
    element: 'link intermediate catch event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventSubProcesses('given a link throw, then the token continues at the link catch of the same name')],
    model: linkedAt('intermediateCatchEvent'),
  },
  {
    element: 'conditional intermediate catch event',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      conditionalEvents(
        'given a conditional catch event, when a variable change makes the condition true, then it moves on',
      ),
      conditionalEvents('given a conditional catch event whose condition already holds, then it moves on at once'),
    ],
    model: intermediate('intermediateCatchEvent', CONDITIONAL),
  },
  {
    element: 'none intermediate throw event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventSubProcesses('passes the token on at a none intermediate throw event')],
    model: intermediate('intermediateThrowEvent'),
  },
  {
    element: 'message intermediate throw event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      messageThrowEvents(
        'hands its input mappings to the job and goes on with its output mappings when the job completes',
      ),
      runtimeBpmnEvents(
        'given a send task, a message throw event and a message end event, in-process workers send the messages and complete the jobs',
      ),
    ],
    model: intermediate('intermediateThrowEvent', SENDER + MESSAGE),
  },
  {
    element: 'escalation intermediate throw event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventSubProcesses(
        'given a non-interrupting escalation boundary, then both the boundary path and the thrower go on',
      ),
    ],
    model: intermediate('intermediateThrowEvent', ESCALATION),
  },
  {
    element: 'signal intermediate throw event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      signalEvents(
        'given a signal throw and catch in parallel branches of one instance, then operon run delivers the signal',
      ),
    ],
    model: intermediate('intermediateThrowEvent', SIGNAL),
  },
  {
    element: 'link intermediate throw event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventSubProcesses('given a link throw, then the token continues at the link catch of the same name')],
    model: linkedAt('intermediateThrowEvent'),
  },
  {
    element: 'compensation intermediate throw event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      compensation(
        'given two completed tasks, when a compensation throw event is reached, then their handlers run one at a time, the last completed first, while the throw event waits',
      ),
      compensation('given a throw event naming one activity (activityRef), then only that activity is compensated'),
      compensation(
        'given an error event sub-process that throws compensation, then it compensates the activities of the process',
      ),
    ],
    model: compensating('intermediate throw'),
  },
];
