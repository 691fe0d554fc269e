// bpmn-elements test/feature/issues-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Variables } from '../../src/index';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import {
  fireTimer,
  given,
  openUserTasks,
  recover,
  saveState,
  timesCompleted,
  wasActivated,
  type Rewrite,
} from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'issues', {
  2: async () => {
    // Given a user task into a decision with two loopback flows, each taken once, and an end event; the conditions
    // read the task's output, which the test's extension keeps in environment.output.usertask: the variable
    // `usertask` is the payload the task is signalled with
    const run = await given(corpus, 'test/resources/engine-issue-73_2.bpmn', {
      conditions: {
        loopback1: ['${environment.output.usertask.isIterationOne}', 'usertask.isIterationOne = true'],
        loopback2: ['${environment.output.usertask.isIterationTwo}', 'usertask.isIterationTwo = true'],
      },
    });
    const signal = (scenario: Scenario, payload: Variables | null): void => {
      scenario.completeUserTask('usertask', { usertask: payload });
    };
    // When the definition is ran (the first wait is signalled for iteration one) and the state is saved on the
    // second user task wait, then the definition stops there
    run.start();
    signal(run, { isIterationOne: true });
    expect(openUserTasks(run)).toEqual(['usertask']);
    const saved = saveState(run);
    // When resumed (the recovered wait is signalled for iteration two, the next one without payload)
    const resumed = recover(run, saved);
    signal(resumed, { isIterationTwo: true });
    signal(resumed, null);
    // Then the run completes: the user task was taken thrice, the end event once
    expect(resumed.status).toBe('completed');
    expect(timesCompleted(resumed, 'usertask')).toBe(3);
    expect(timesCompleted(resumed, 'end')).toBe(1);
  },

  6: async () => {
    const model = 'scenarios/bpmn/issues-feature__05.bpmn';
    const waiting = (scenario: Scenario): string[] => [
      ...scenario
        .timers()
        .map((timer) => timer.elementId)
        .sort(),
      ...openUserTasks(scenario),
    ];
    // Given a user task with an interrupting timeout (P3D) and a non-interrupting reminder (PT3M)
    const run = await given(corpus, model);
    // When run, then the timers and the user task are waiting
    run.start();
    expect(waiting(run)).toEqual(['approvalReminder', 'approvalTimeout', 'timers-task']);
    // Given stopped; when recovered and resumed, then the timers and the user task are waiting again
    let resumed = recover(run, saveState(run));
    expect(waiting(resumed)).toEqual(['approvalReminder', 'approvalTimeout', 'timers-task']);
    // When the reminder times out, then one timer and the user task are still waiting
    fireTimer(resumed, 'approvalReminder');
    expect(waiting(resumed)).toEqual(['approvalTimeout', 'timers-task']);
    // Given stopped; when recovered and resumed, then the non-interrupting timer is not resumed
    resumed = recover(resumed, saveState(resumed));
    expect(waiting(resumed)).toEqual(['approvalTimeout', 'timers-task']);
    // When the interrupting timeout timer is cancelled (which completes it), then the run completes
    fireTimer(resumed, 'approvalTimeout');
    expect(resumed.status).toBe('completed');

    // Given ran again, stopped, recovered and resumed, and the reminder times out and the state is saved
    const again = await given(corpus, model);
    again.start();
    let recovered = recover(again, saveState(again));
    fireTimer(recovered, 'approvalReminder');
    const saved = saveState(recovered);
    // When the user task is signalled (in a run recovered from that state), then the run completes
    recovered = recover(recovered, saved);
    recovered.completeUserTask('timers-task');
    expect(recovered.status).toBe('completed');

    // Given ran again, stopped, recovered and resumed; when the user task is signalled, then the run completes
    const third = await given(corpus, model);
    third.start();
    const thirdResumed = recover(third, saveState(third));
    thirdResumed.completeUserTask('timers-task');
    expect(thirdResumed.status).toBe('completed');
  },

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

  5: async () => {
    // Given a parallel, then a sequential, multi-instance sub-process over a collection, with a loop cardinality
    // too (issue 22); the sub-process's task gets a start event, the js:collection becomes the input collection
    const rewrite: Rewrite = {
      startEvents: { loop: ['task'] },
      jsLoops: { loop: { collection: ['${environment.variables.list}', 'list', 'item'] } },
      expressions: { loop: ['${environment.variables.cardinality}', 'cardinality'] },
    };
    for (const model of ['scenarios/bpmn/issues-feature__03.bpmn', 'scenarios/bpmn/issues-feature__04.bpmn']) {
      // When ran with cardinality 1, 2 and 0, and with an empty collection, then the run completes
      for (const variables of [{ cardinality: 1 }, { cardinality: 2 }, { cardinality: 0 }, { list: [] }]) {
        const run = await given(corpus, model, rewrite);
        run.start(variables);
        expect(run.status, `${model} ${JSON.stringify(variables)}`).toBe('completed');
        expect(run.incidents()).toEqual([]);
      }
      // When ran without cardinality, then the run errors: an incident at the sub-process
      const run = await given(corpus, model, rewrite);
      run.start();
      expect(run.incidentAt('loop').type).toBeDefined();
      expect(run.status).toBe('active');
    }
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
