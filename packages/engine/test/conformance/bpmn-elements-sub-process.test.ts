// bpmn-elements test/feature/sub-process-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/**
 * The collection looped sub-process: it starts the process; its js: attributes become its zeebe:loopCharacteristics
 * (over `list`, each item as `item`, each iteration's `result` collected in `iterated`); its service task, whose
 * service calls back with the item (`js:result="result"`), is a job the test completes with `result`.
 */
const looped: Rewrite = {
  startEvents: { TaskLoopProcess: ['looped'] },
  jobs: ['task'],
  jsResults: { task: 'result' },
  jsLoops: {
    looped: { collection: ['${environment.variables.list}', 'list', 'item'], result: ['iterated', 'result'] },
  },
};

function items(count: number): { idx: number }[] {
  return Array.from({ length: count }, (_, idx) => ({ idx }));
}

/** The service of every open job calls back with the item it was handed, one job after the other. */
function serveEveryItem(run: Scenario): void {
  while (run.openJobTypes().includes('task')) {
    const job = run.job('task');
    const handed = run.effects.findLast((effect) => effect.type === 'activate-job' && effect.job.key === job.key);
    const item = handed?.type === 'activate-job' ? handed.variables['item'] : undefined;
    run.completeJob('task', { result: item });
  }
}

/** When run with these items, then the definition completes, with one output per iteration. */
async function runWith(model: string, list: readonly unknown[]): Promise<void> {
  const run = await given(corpus, model, looped);
  run.start({ list });
  serveEveryItem(run);
  // Then the definition completes
  expect(run.status).toBe('completed');
  // And the task was looped the expected number of times
  expect(run.variables()['iterated']).toHaveLength(list.length);
}

conformanceFeature(corpus, 'sub-process', {
  1: async () => {
    // Given a process with one collection looped sub-process (parallel) with a service task
    const model = 'scenarios/bpmn/sub-process-feature__01.bpmn';
    // When the definition is run with 101 items (bpmn-elements' batch size 50 has no counterpart): it completes
    await runWith(model, items(101));
    // When the definition is run with 0 items: it completes
    await runWith(model, []);
  },
  2: async () => {
    // Given a process with one collection looped sub-process (sequential) with a service task
    const model = 'scenarios/bpmn/sub-process-feature__02.bpmn';
    // When the definition is run with 101 items: it completes
    await runWith(model, items(101));
    // When the definition is run with 0 items: it completes
    await runWith(model, []);
  },
});
