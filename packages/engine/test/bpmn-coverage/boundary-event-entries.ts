// The boundary events of the "Events" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import {
  boundaryWith,
  cancelling,
  compensating,
  CONDITIONAL,
  ERROR,
  ESCALATION,
  MESSAGE,
  SIGNAL,
  TIMER,
} from './coverage-model';

const boundaryEvents = testsIn('packages/engine/test/boundary-events.test.ts');
const conditionalEvents = testsIn('packages/engine/test/conditional-events.test.ts');
const errorEvents = testsIn('packages/engine/test/error-events.test.ts');
const callActivityErrors = testsIn('packages/engine/test/call-activity-errors.test.ts');
const runtimeCallActivities = testsIn('packages/runtime/test/call-activities.test.ts');
const eventSubProcesses = testsIn('packages/engine/test/event-sub-processes.test.ts');
const signalEvents = testsIn('packages/engine/test/signal-events.test.ts');
const runtimeBpmnEvents = testsIn('packages/runtime/test/bpmn-events.test.ts');
const runtimeConditionalEvents = testsIn('packages/runtime/test/conditional-events.test.ts');
const compensation = testsIn('packages/engine/test/compensation.test.ts');
const transactions = testsIn('packages/engine/test/transactions.test.ts');
const restartWaits = testsIn('packages/runtime/test/restart-waits.test.ts');

export const BOUNDARY_EVENT_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'timer boundary event (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      boundaryEvents('given an interrupting timer, when it fires, then the task ends and the timer path runs'),
      boundaryEvents('given a non-interrupting cycle R3/PT1H, then it fires three times beside the task and stops'),
      runtimeBpmnEvents(
        'a boundary timer that fell due while the runtime was stopped interrupts its task after the restart',
      ),
      restartWaits(
        'given a non-interrupting timer cycle R2/PT1H on a user task, when a restart comes between its firings, then it fires twice in all and the task still completes',
      ),
    ],
    model: boundaryWith(TIMER),
  },
  {
    element: 'message boundary event (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      boundaryEvents(
        'given an interrupting message boundary, when the message is correlated, then the task ends and its variables arrive',
      ),
      boundaryEvents(
        'given a non-interrupting message boundary, then each message runs its path and the subscription stays open',
      ),
      restartWaits(
        'given an interrupting message boundary on a user task, when the message is published after a restart, then the boundary path runs and the task is cancelled',
      ),
    ],
    model: boundaryWith(MESSAGE),
  },
  {
    element: 'error boundary event (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      errorEvents(
        'given an error boundary for the code, when the worker throws it, then the task ends and the boundary path runs with the variables',
      ),
      errorEvents('catches any code with a catch-all boundary (an error without a code, or no error reference)'),
      runtimeBpmnEvents(
        'given an error boundary, when an external worker throws the error, then the boundary path runs with its variables',
      ),
      callActivityErrors(
        "given an error boundary on the call activity, when the child's worker throws its error, then the child is cancelled and the parent goes on on the boundary path with the error's variables",
      ),
      runtimeCallActivities(
        "given an error boundary on the call activity, when the child's worker throws the error, then the child is cancelled and the parent takes the boundary path",
      ),
    ],
    model: boundaryWith(ERROR),
  },
  {
    element: 'escalation boundary event (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventSubProcesses(
        'given an interrupting escalation boundary on the sub-process, then the sub-process ends and the boundary path runs',
      ),
    ],
    model: boundaryWith(ESCALATION),
  },
  {
    element: 'signal boundary event (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      signalEvents('given a non-interrupting signal boundary, then each signal runs its path and the task goes on'),
      restartWaits(
        'given a non-interrupting signal boundary, when the signal is broadcast after a restart, then its path runs once and the task still waits',
      ),
    ],
    model: boundaryWith(SIGNAL, false),
  },
  {
    element: 'compensate boundary event',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      compensation(
        'given two completed tasks, when a compensation throw event is reached, then their handlers run one at a time, the last completed first, while the throw event waits',
      ),
      runtimeBpmnEvents(
        'a compensation handler waiting for its job survives a restart, and the throw event then goes on',
      ),
    ],
    model: compensating('boundary'),
  },
  {
    element: 'conditional boundary event (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      conditionalEvents(
        'given an interrupting conditional boundary, when a job completes with variables that satisfy it, then the task path is left',
      ),
      runtimeConditionalEvents(
        'a conditional boundary event still waits after a restart and interrupts its task when variables change',
      ),
    ],
    model: boundaryWith(CONDITIONAL),
  },
  {
    element: 'cancel boundary event',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      transactions(
        'given a cancel end event, then the rest of the transaction ends, its completed activities are compensated in reverse order, and it leaves by its cancel boundary event',
      ),
      runtimeBpmnEvents(
        'a cancelled transaction compensates across a restart, then leaves by its cancel boundary event',
      ),
    ],
    model: cancelling('boundary'),
  },
];
