// bpmn-elements test/feature/service-task-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, recover, saveState } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'service-task', {
  1: async () => {
    // Given a process with a service task (its JavaScript service becomes a job; the task gets a start event)
    const run = await given(corpus, 'scenarios/bpmn/service-task-feature__01.bpmn', {
      jobs: ['task'],
      startEvents: { 'my-process': ['task'] },
    });
    // When the definition runs, then the service is called (its job is open)
    run.start();
    expect(run.openJobTypes()).toEqual(['task']);
    // Given the state is saved; when the definition is recovered and resumed (the service answers)
    const resumed = recover(run, saveState(run));
    resumed.completeJob('task');
    // Then the resumed definition completes
    expect(resumed.status).toBe('completed');
  },
});
