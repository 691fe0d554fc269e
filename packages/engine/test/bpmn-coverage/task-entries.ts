// The "Tasks" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import { between, ELEMENT_ID, SENDER, serviceTask } from './coverage-model';

const eventsAndTasks = testsIn('packages/engine/test/events-and-tasks.test.ts');
const businessRuleTask = testsIn('packages/engine/test/business-rule-task.test.ts');
const callActivities = testsIn('packages/engine/test/call-activities.test.ts');
const callActivityErrors = testsIn('packages/engine/test/call-activity-errors.test.ts');
const runtime = testsIn('packages/runtime/test/runtime.test.ts');
const runtimeCallActivities = testsIn('packages/runtime/test/call-activities.test.ts');
const messageThrowEvents = testsIn('packages/engine/test/message-throw-events.test.ts');
const runtimeBpmnEvents = testsIn('packages/runtime/test/bpmn-events.test.ts');

const withExtension = (type: string, extension: string) =>
  between(
    `<bpmn:${type} id="${ELEMENT_ID}"><bpmn:extensionElements>${extension}</bpmn:extensionElements></bpmn:${type}>`,
  );

export const TASK_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'task',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventsAndTasks('pass the token on without waiting')],
    model: between(`<bpmn:task id="${ELEMENT_ID}"/>`),
  },
  {
    element: 'manual task',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventsAndTasks('pass the token on without waiting')],
    model: between(`<bpmn:manualTask id="${ELEMENT_ID}"/>`),
  },
  {
    element: 'service task',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventsAndTasks(
        'when the job completes with variables, then they are merged into the process and the instance completes',
      ),
    ],
    model: between(serviceTask(ELEMENT_ID)),
  },
  {
    element: 'user task',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventsAndTasks('opens a task with assignee, candidate groups and form, and waits for a person')],
    model: between(`<bpmn:userTask id="${ELEMENT_ID}"/>`),
  },
  {
    element: 'script task (FEEL `zeebe:script`)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [eventsAndTasks('evaluates its FEEL expression into the result variable')],
    model: withExtension('scriptTask', '<zeebe:script expression="=a + b" resultVariable="total"/>'),
  },
  {
    element: 'receive task',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      runtime('a published message correlates to the waiting instance with the same key and merges its variables'),
    ],
    model: between(`<bpmn:receiveTask id="${ELEMENT_ID}" messageRef="message"/>`),
  },
  {
    element: 'send task',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      messageThrowEvents('when the job completes with variables, then they are merged and the instance goes on'),
      runtimeBpmnEvents(
        'given a send task, a message throw event and a message end event, in-process workers send the messages and complete the jobs',
      ),
    ],
    model: between(`<bpmn:sendTask id="${ELEMENT_ID}">${SENDER}</bpmn:sendTask>`),
  },
  {
    element: 'business rule task (`zeebe:calledDecision`)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [businessRuleTask('given a deployed decision, evaluates it, records why, and stores the result')],
    model: withExtension('businessRuleTask', '<zeebe:calledDecision decisionId="risk" resultVariable="risk"/>'),
  },
  {
    element: 'call activity (`zeebe:calledElement`)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      callActivities('when the child completes, then its variables come out and the parent goes on'),
      callActivities(
        'given propagateAllParentVariables false, then only the input mappings go in; given output mappings, only they come out',
      ),
      runtimeCallActivities('when the parent is cancelled, then the child is cancelled too'),
      runtimeCallActivities(
        'given a parent stored without its child (a crash before the child was created), then the start creates the child',
      ),
      callActivityErrors(
        'given nothing catches it in the parent either, then the incident is raised at the thrower in the child, the parent waits, and resolving the incident throws the error again',
      ),
      callActivityErrors(
        "given two levels, when the grandchild throws, then the grandparent's call activity boundary catches the error",
      ),
    ],
    model: withExtension('callActivity', '<zeebe:calledElement processId="child"/>'),
  },
];
