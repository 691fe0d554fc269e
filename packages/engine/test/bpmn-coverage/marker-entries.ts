// The "Markers" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import { between, compensating, ELEMENT_ID, serviceTask } from './coverage-model';

const multiInstance = testsIn('packages/engine/test/multi-instance.test.ts');
const runtimeMultiInstance = testsIn('packages/runtime/test/multi-instance.test.ts');
const compensation = testsIn('packages/engine/test/compensation.test.ts');

export const MARKER_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'multi-instance (parallel, sequential)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      multiInstance('collects the output element of each instance into the output collection by index, then continues'),
      multiInstance(
        'given a completion condition, when it holds, then the other instances are terminated and the body completes',
      ),
      multiInstance('runs one instance after the other, in order, with the item of each'),
      multiInstance('runs the sub-process once per item, each with its own scope (input mappings see the item)'),
      runtimeMultiInstance(
        'a parallel multi-instance user task waits across a restart and collects every vote by index',
      ),
    ],
    model: between(
      serviceTask(
        ELEMENT_ID,
        `<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:extensionElements>
          <zeebe:loopCharacteristics inputCollection="=items" inputElement="item"/>
        </bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`,
      ),
    ),
  },
  {
    element: 'standard loop (loop condition, maximum, test before)',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      multiInstance('given a loop condition, then the task runs again while it holds'),
      multiInstance('given a loop maximum, then it stops after that many runs'),
    ],
    model: between(
      serviceTask(
        ELEMENT_ID,
        `<bpmn:standardLoopCharacteristics testBefore="true" loopMaximum="3">
          <bpmn:loopCondition>=done != true</bpmn:loopCondition></bpmn:standardLoopCharacteristics>`,
      ),
    ),
  },
  {
    element: 'compensation handler (isForCompensation)',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      compensation(
        'given a handler whose job fails without retries, then an incident stops it, and resolving it lets the compensation finish',
      ),
      compensation(
        'given a completed sub-process, when compensated, then its completed inner activities are compensated, the last first',
      ),
    ],
    model: compensating('handler'),
  },
];
