// bpmn-engine test/feature/issues-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks, recover, saveState, timesCompleted, wasActivated } from './translation';

const corpus = 'bpmn-engine';

/** The listener of issue #106: stop and save the state whenever a user task starts waiting. */
function stopOnWait(scenario: Scenario): string {
  expect(openUserTasks(scenario)).toHaveLength(1);
  return saveState(scenario);
}

conformanceFeature(corpus, 'issues', {
  4: async () => {
    // When forking two manual tasks (waiting, as bpmn-engine's do), each cancelling the other by a signal
    const run = await given(corpus, 'test/resources/one-or-the-other.bpmn', { waitingManualTasks: ['task1', 'task2'] });
    run.start();
    // Then execution waits for both tasks
    expect(openUserTasks(run)).toEqual(['task1', 'task2']);
    // When the first task is signalled, its throw event broadcasts the signal, which the runtime delivers here
    run.completeUserTask('task1');
    for (const subscription of Object.values(run.state?.signalSubscriptions ?? {})) {
      run.when({ type: 'trigger-signal', subscriptionKey: subscription.key });
    }
    // Then execution completes
    expect(run.status).toBe('completed');
  },
  2: async () => {
    // Given two succeeding user tasks and a decision to take the third or the fourth user task
    const run = await given(corpus, 'scenarios/bpmn/issues-feature__03.bpmn', {
      conditions: { 'to-task3': ['next(null, this.environment.variables.takeTask3>=0);', 'takeTask3 >= 0'] },
    });

    // When the engine is executed (takeTask3 = 1) with a listener on activity wait
    run.start({ takeTask3: 1 });

    // Then the execution is stopped and the state is saved
    let saved = stopOnWait(run);
    expect(run.status).toBe('active');

    // When the execution is recovered
    let resumed = recover(run, saved);

    // Then the first user task is still executing
    expect(resumed.active()).toEqual(['task1']);
    expect(openUserTasks(resumed)).toEqual(['task1']);

    // When resumed with the listener, and the first user task is signaled
    resumed.completeUserTask('task1');

    // Then the first user task was taken, and the second is waiting
    expect(timesCompleted(resumed, 'task1')).toBe(1);
    expect(openUserTasks(resumed)).toEqual(['task2']);
    saved = stopOnWait(resumed);

    // When recovered: the second user task is still executing
    resumed = recover(resumed, saved);
    expect(resumed.active()).toEqual(['task2']);

    // When resumed, and the second user task is signaled
    resumed.completeUserTask('task2');

    // Then the first and second user tasks were taken, the third is waiting, the fourth was discarded
    expect(timesCompleted(resumed, 'task1')).toBe(1);
    expect(timesCompleted(resumed, 'task2')).toBe(1);
    expect(openUserTasks(resumed)).toEqual(['task3']);
    expect(wasActivated(resumed, 'task4')).toBe(false);
    saved = stopOnWait(resumed);

    // When recovered: the third user task is still executing
    resumed = recover(resumed, saved);
    expect(resumed.active()).toEqual(['task3']);

    // When resumed, and the third user task is signaled
    resumed.completeUserTask('task3');

    // Then the first three user tasks were taken once, the fourth was discarded, and the execution completed
    for (const id of ['task1', 'task2', 'task3']) expect(timesCompleted(resumed, id), id).toBe(1);
    expect(wasActivated(resumed, 'task4')).toBe(false);
    expect(resumed.status).toBe('completed');
  },

  3: async () => {
    // When forking two user tasks, then a join, and stopping at once
    const run = await given(corpus, 'scenarios/bpmn/issues-feature__04.bpmn');
    run.start();
    let saved = saveState(run);

    // Then the status is stopped: at rest, not ended
    expect(run.status).toBe('active');

    // When ticked (recovered and resumed, no command)
    let tick = recover(run, saved);
    saved = saveState(tick);

    // Then the user tasks are waiting
    expect(openUserTasks(tick)).toEqual(['A', 'B']);

    // When the first user task is signaled (recovered, signaled, stopped)
    tick = recover(tick, saved);
    tick.completeUserTask('A');
    saved = saveState(tick);

    // Then the second user task is still waiting
    expect(openUserTasks(tick)).toEqual(['B']);

    // When ticked
    tick = recover(tick, saved);
    saved = saveState(tick);

    // Then the second user task is still waiting
    expect(openUserTasks(tick)).toEqual(['B']);

    // When the second user task is signaled
    tick = recover(tick, saved);
    tick.completeUserTask('B');

    // Then no user task is waiting, and the run has completed
    expect(openUserTasks(tick)).toEqual([]);
    expect(tick.status).toBe('completed');
  },
});
