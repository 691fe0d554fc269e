// bpmn-elements test/feature/issues/issue-42-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, timesCompleted, wasActivated, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/**
 * Task 1 has three conditional flows to task 2 and one to task 3. Their service, takeFlow(index, variables), is
 * defined by the original test as `variables.takeFlowIndices.includes(index)`; the other conditions are constants.
 */
const takeFlow = (index: number): readonly [string, string] => [
  `\${environment.services.takeFlow(${index},environment.variables)}`,
  `list contains(takeFlowIndices, ${index})`,
];
const sameTarget: Rewrite = {
  conditions: {
    'to-task2-1': takeFlow(1),
    'to-task2-2': takeFlow(2),
    'to-task2-3': takeFlow(2),
    'to-task3': takeFlow(0),
    'backto-task1': ['${false}', 'false'],
    'from-task5-0': ['${false}', 'false'],
    'from-task5-2': ['${true}', 'true'],
  },
};

/** Each scenario starts from a definition whose variables take the flow with index 0 (to task 3). */
async function ran(takeFlowIndices: readonly number[]): Promise<Scenario> {
  const run = await given(corpus, 'test/resources/issue-42-same-target-sequence-flows.bpmn', sameTarget);
  run.start({ takeFlowIndices });
  return run;
}

function timesTaken(run: Scenario, flowId: string): number {
  return run.takenFlows().filter((id) => id === flowId).length;
}

conformanceFeature(corpus, 'issue-42', {
  1: async () => {
    // When the definition is ran (taking only the flow to task 3)
    const run = await ran([0]);
    // Then the execution completed
    expect(run.status).toBe('completed');
    // And the target activity is discarded (twice, because of the loop back flow): it never ran
    expect(wasActivated(run, 'task2')).toBe(false);
  },
  2: async () => {
    // When the definition is ran taking the first flow to the target
    const first = await ran([0, 1]);
    // Then the execution completed
    expect(first.status).toBe('completed');
    // And the target activity is taken once, through sequence flow 1
    expect(timesCompleted(first, 'task2')).toBe(1);
    expect(timesTaken(first, 'to-task2-1')).toBe(1);

    // When the definition is ran again taking the second flow
    const second = await ran([2]);
    // Then the execution completed
    expect(second.status).toBe('completed');
    // And the target activity is taken once, through sequence flow 2
    expect(timesCompleted(second, 'task2')).toBe(1);
    expect(timesTaken(second, 'to-task2-2')).toBe(1);
  },
  3: async () => {
    // When the definition is ran taking all flows to the same target
    const run = await ran([0, 1, 2, 3]);
    // Then the execution completed
    expect(run.status).toBe('completed');
    // And the target activity is taken once
    expect(timesCompleted(run, 'task2')).toBe(1);
  },
});
