// The "Sub-processes" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import { between, ELEMENT_ID, MESSAGE, processWith } from './coverage-model';

const scopesAndVariables = testsIn('packages/engine/test/scopes-and-variables.test.ts');
const eventSubProcesses = testsIn('packages/engine/test/event-sub-processes.test.ts');
const adHocSubProcess = testsIn('packages/engine/test/ad-hoc-sub-process.test.ts');
const runtimeAdHocSubProcess = testsIn('packages/runtime/test/ad-hoc-sub-process.test.ts');
const runtimeEvents = testsIn('packages/runtime/test/bpmn-events.test.ts');
const transactions = testsIn('packages/engine/test/transactions.test.ts');
const restartWaits = testsIn('packages/runtime/test/restart-waits.test.ts');

/** A sub-process element of the type, with an inner start → end. */
const subProcess = (type: string, attributes = '', extension = '') =>
  between(`<bpmn:${type} id="${ELEMENT_ID}" ${attributes}>${extension}
    <bpmn:startEvent id="innerStart"/><bpmn:sequenceFlow id="inner" sourceRef="innerStart" targetRef="innerEnd"/>
    <bpmn:endEvent id="innerEnd"/></bpmn:${type}>`);

export const SUB_PROCESS_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'embedded sub-process',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      scopesAndVariables('runs its inner flow, then completes and continues the outer flow'),
      restartWaits(
        'given a timer catch event inside an embedded sub-process, when it falls due after a restart, then the sub-process and the process complete',
      ),
    ],
    model: subProcess('subProcess'),
  },
  {
    element: 'event sub-process (interrupting and non-interrupting)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventSubProcesses(
        'given an interrupting timer event sub-process, when the timer fires, then the process is interrupted',
      ),
      eventSubProcesses(
        'given a non-interrupting message event sub-process, then each message runs it beside the main flow',
      ),
      runtimeEvents('a message event sub-process still listens after a restart'),
      restartWaits(
        'given an interrupting timer event sub-process, when it falls due after a restart, then it ends the waiting job and runs',
      ),
      restartWaits(
        'given a non-interrupting signal event sub-process, when the signal is broadcast after a restart, then it runs beside the waiting task',
      ),
    ],
    model: processWith(`<bpmn:startEvent id="start"/><bpmn:sequenceFlow id="toEnd" sourceRef="start" targetRef="end"/>
      <bpmn:endEvent id="end"/>
      <bpmn:subProcess id="${ELEMENT_ID}" triggeredByEvent="true">
        <bpmn:startEvent id="listen" isInterrupting="false">${MESSAGE}</bpmn:startEvent>
        <bpmn:sequenceFlow id="inside" sourceRef="listen" targetRef="handled"/><bpmn:endEvent id="handled"/>
      </bpmn:subProcess>`),
  },
  {
    element: 'transaction',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      transactions(
        'given a transaction whose work completes, then it runs as a sub-process and leaves by its outgoing flow',
      ),
      transactions(
        'given an error leaving the transaction by its error boundary event, then nothing is compensated (a hazard, not a cancellation)',
      ),
    ],
    model: subProcess('transaction'),
  },
  {
    element: 'ad-hoc sub-process (`zeebe:adHoc`, completion condition)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      adHocSubProcess('given a FEEL list of elements, then it starts those, and completes when none is active'),
      adHocSubProcess(
        'given a completion condition, when it holds after an element completes, then the others are ended',
      ),
      runtimeAdHocSubProcess('an ad-hoc sub-process waits for its chosen elements across a restart'),
    ],
    model: between(`<bpmn:adHocSubProcess id="${ELEMENT_ID}">
      <bpmn:extensionElements><zeebe:adHoc activeElementsCollection="=chosen"/></bpmn:extensionElements>
      <bpmn:userTask id="call"/><bpmn:userTask id="mail"/>
      <bpmn:completionCondition>=done</bpmn:completionCondition></bpmn:adHocSubProcess>`),
  },
];
