// bpmn-elements test/feature/issues-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks, recover, saveState, timesCompleted, wasActivated } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'issues', {
  4: async () => {
    // Given a fork into user tasks A and B, then a join (engine issue 125)
    const run = await given(corpus, 'scenarios/bpmn/issues-feature__02.bpmn');

    // When run and then stopped
    run.start();
    let saved = saveState(run);

    // Then the user tasks are waiting
    expect(openUserTasks(run)).toEqual(['A', 'B']);

    // When recovered and resumed
    let resumed = recover(run, saved);

    // Then the user tasks are still waiting
    expect(openUserTasks(resumed)).toEqual(['A', 'B']);

    // When the first user task is signaled, and the run is stopped
    resumed.completeUserTask('A');
    saved = saveState(resumed);

    // Then the second user task is waiting
    expect(openUserTasks(resumed)).toEqual(['B']);

    // When recovered and resumed
    resumed = recover(resumed, saved);

    // Then the second user task is still waiting
    expect(openUserTasks(resumed)).toEqual(['B']);

    // When the second user task is signaled
    resumed.completeUserTask('B');

    // Then the run completes
    expect(resumed.status).toBe('completed');
    // and every activity was taken once
    for (const id of ['start', 'fork', 'A', 'B', 'join', 'end']) expect(timesCompleted(resumed, id), id).toBe(1);
  },

  7: async () => {
    // Given a process whose start event has a form key (camunda:formKey)
    const scenario = await given(corpus, 'scenarios/bpmn/issues-feature__06.bpmn');

    // When ran
    scenario.start();

    // Then it stops at the start event
    expect(scenario.active()).toEqual(['start']);
    expect(wasActivated(scenario, 'task')).toBe(false);
  },
});
