// bpmn-elements test/feature/task-loop-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, type Rewrite } from './translation';

const corpus = 'bpmn-elements';
const stopLoop = '${environment.services.stopLoop()}';

/**
 * bpmn-elements stops a standard loop when its condition holds (the test's service, stopLoop, answers true at
 * iteration index N, counted from 0); BPMN and Operon loop while it holds, so the translation is `loopCounter`
 * (counted from 1) != N + 1.
 */
function stopAtIndex(index: number): Rewrite {
  return {
    startEvents: { TaskLoopProcess: ['task'] },
    expressions: { task: [stopLoop, `loopCounter != ${index + 1}`] },
  };
}

/** Iterations of the looped task: its element instances other than the loop body. */
function iterations(run: Scenario): number {
  return run.events.filter((event) => event.type === 'element-activated' && event.elementId === 'task').length - 1;
}

conformanceFeature(corpus, 'task-loop', {
  1: async () => {
    // Given a process with one standard loop task with a condition (stop at iteration index 3)
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__01.bpmn', stopAtIndex(3));
    // When the definition is run, then it completes when the condition is met
    run.start();
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times
    expect(iterations(run)).toBe(4);
  },
  2: async () => {
    // Given a standard loop task with a condition tested before each iteration (stop before iteration index 3):
    // tested before an iteration, the index is the number of iterations that completed, so `loopCounter != 3`
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__02.bpmn', {
      startEvents: { TaskLoopProcess: ['task'] },
      expressions: { task: [stopLoop, 'loopCounter != 3'] },
    });
    // When the definition is run, then it completes when the condition is met
    run.start();
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times: three iterations, the fourth test stopped the loop
    expect(iterations(run)).toBe(3);
  },
  3: async () => {
    // Given a standard loop task with a condition (stop at index 5) and loop maximum 4
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__03.bpmn', stopAtIndex(5));
    // When the definition is run, then it completes when the condition is met
    run.start();
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times: the loop maximum
    expect(iterations(run)).toBe(4);
  },
});
