// bpmn-elements test/feature/BoundaryEvent-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, recover, saveState, timesCompleted, wasActivated } from './translation';

const corpus = 'bpmn-elements';

/** The volatile service of #5 and #6: the test plays its job worker. */
async function volatileService(model: string, type: string): Promise<void> {
  // Given a service task with an error catching boundary event, both ending up in a join
  const ran = await given(corpus, model, { jobs: [type] });
  // When ran, then the service waits for its service to complete and the boundary listens for errors
  ran.start();
  expect(ran.openJobTypes()).toEqual([type]);
  // When the service calls back, then the service is taken, bound discarded, join and end taken
  ran.completeJob(type);
  expect(ran.status).toBe('completed');
  expect(wasActivated(ran, 'bound')).toBe(false);
  expect(ran.completed()).toEqual(expect.arrayContaining(['join', 'end']));

  // When ran again and the service fails (the worker throws a BPMN error)
  const failed = await given(corpus, model, { jobs: [type] });
  failed.start();
  failed.throwError(type, 'SERVICE_FAILED');
  // Then the service is discarded, the bound event taken, and the join and end taken again
  expect(failed.terminated()).toContain(type);
  expect(failed.completed()).toEqual(expect.arrayContaining(['bound', 'join', 'end']));
  expect(failed.status).toBe('completed');
}

/** #7 and #8: a multi-instance (cardinality 3) task or sub-process with an error boundary, both into a join. */
async function multiInstanceError(model: string, type: string): Promise<void> {
  // Given three instances of the looped service, with an error catching boundary event, both ending in a join
  const run = await given(corpus, model, { jobs: [type] });
  // When ran, then the service waits for its three services to complete and the boundary listens for errors
  run.start();
  expect(run.openJobTypes()).toEqual([type, type, type]);
  // When service iteration 1 fails (its worker throws a BPMN error)
  run.throwError(type, 'SERVICE_FAILED');
  // Then every iteration is discarded, the bound event taken, and the join, the end and the process complete
  expect(run.openJobTypes()).toEqual([]);
  expect(run.completed()).toEqual(expect.arrayContaining(['bound', 'join', 'end']));
  expect(run.status).toBe('completed');
}

function bound(scenario: Scenario): number {
  return timesCompleted(scenario, 'bound');
}

/** A user task and its message boundary event (its anonymous message named "bound"), both into a parallel join. */
async function boundIntoJoin(model: string): Promise<Scenario> {
  const run = await given(corpus, model, { messageNames: { bound: 'bound' } });
  return run.start();
}

conformanceFeature(corpus, 'BoundaryEvent', {
  2: async () => {
    const model = 'scenarios/bpmn/BoundaryEvent-feature__02.bpmn';
    // Given a process: a user task with an interrupting boundary event, both into a join
    const run = await boundIntoJoin(model);
    // When ran, and the boundary event is taken (its message arrives)
    run.correlate('bound');
    // Then the process completes: bound was taken, the user task discarded, join and end taken
    expect(run.status).toBe('completed');
    expect(bound(run)).toBe(1);
    expect(run.terminated()).toEqual(['task']);
    expect(timesCompleted(run, 'join')).toBe(1);
    expect(timesCompleted(run, 'end')).toBe(1);
    // Given the process is ran again; when the task is taken
    const again = await boundIntoJoin(model);
    again.completeUserTask('task');
    // Then bound was discarded, and the user task, join and end were taken
    expect(wasActivated(again, 'bound')).toBe(false);
    expect(timesCompleted(again, 'task')).toBe(1);
    expect(timesCompleted(again, 'join')).toBe(1);
    expect(timesCompleted(again, 'end')).toBe(1);
  },
  3: async () => {
    const model = 'scenarios/bpmn/BoundaryEvent-feature__03.bpmn';
    // Given a process: a user task with a non-interrupting boundary event, both into a join
    const run = await boundIntoJoin(model);
    // When ran, and the boundary event is taken (its message arrives)
    run.correlate('bound');
    // Then the process is still running, bound was taken, and the task is pending
    expect(run.status).toBe('active');
    expect(bound(run)).toBe(1);
    expect(run.userTask('task').elementId).toBe('task');
    // When the user task is taken, then the process completes: the user task, join and end were taken
    run.completeUserTask('task');
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'task')).toBe(1);
    expect(timesCompleted(run, 'join')).toBe(1);
    expect(timesCompleted(run, 'end')).toBe(1);
    // Given the process is ran again; when the task is taken
    const again = await boundIntoJoin(model);
    again.completeUserTask('task');
    // Then the process completes: bound was discarded, and the user task, join and end were taken
    expect(again.status).toBe('completed');
    expect(wasActivated(again, 'bound')).toBe(false);
    expect(timesCompleted(again, 'task')).toBe(1);
    expect(timesCompleted(again, 'join')).toBe(1);
    expect(timesCompleted(again, 'end')).toBe(1);
  },
  9: async () => {
    const model = 'scenarios/bpmn/BoundaryEvent-feature__09.bpmn';
    /** Three interrupting message boundary events (their anonymous messages named after them), all into a join. */
    const threeBounds = { messageNames: { bound1: 'bound1', bound2: 'bound2', bound3: 'bound3' } };
    // Given a process matching the scenario; when ran, then all boundary events are started
    const run = (await given(corpus, model, threeBounds)).start();
    expect(run.subscriptions().map((wait) => wait.elementId)).toEqual(['bound1', 'bound2', 'bound3']);
    // When the first boundary event is taken (its message arrives)
    run.correlate('bound1');
    // Then the process completes: bound was taken, the user task discarded, join and end taken
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'bound1')).toBe(1);
    expect(run.terminated()).toEqual(['task']);
    expect(timesCompleted(run, 'join')).toBe(1);
    expect(timesCompleted(run, 'end')).toBe(1);
    // Given the process is ran again; when the task is taken
    const again = (await given(corpus, model, threeBounds)).start();
    again.completeUserTask('task');
    // Then bound was discarded, and the user task, join and end were taken
    expect(['bound1', 'bound2', 'bound3'].filter((id) => wasActivated(again, id))).toEqual([]);
    expect(timesCompleted(again, 'task')).toBe(1);
    expect(timesCompleted(again, 'join')).toBe(1);
    expect(timesCompleted(again, 'end')).toBe(1);
  },
  5: () => volatileService('scenarios/bpmn/BoundaryEvent-feature__05.bpmn', 'task'),
  6: () => volatileService('scenarios/bpmn/BoundaryEvent-feature__06.bpmn', 'service'),
  7: () => multiInstanceError('scenarios/bpmn/BoundaryEvent-feature__07.bpmn', 'task'),
  8: () => multiInstanceError('scenarios/bpmn/BoundaryEvent-feature__08.bpmn', 'service'),
  4: async () => {
    // Given an init task and a user task with an interrupting boundary event (its anonymous message named
    // "bound") that loops back to the init task
    const run = await given(corpus, 'scenarios/bpmn/BoundaryEvent-feature__04.bpmn', {
      messageNames: { bound: 'bound' },
    });
    // When ran, then the init task is taken
    run.start();
    expect(timesCompleted(run, 'initTask')).toBe(1);
    // When the boundary event is taken (its message arrives)
    run.correlate('bound');
    // Then the user task was discarded, bound taken, the init task taken again and the end event discarded
    expect(run.terminated()).toEqual(['task']);
    expect(bound(run)).toBe(1);
    expect(timesCompleted(run, 'initTask')).toBe(2);
    expect(wasActivated(run, 'end')).toBe(false);
    // And the user task is waiting for its signal again
    expect(run.userTask('task').elementId).toBe('task');
    // When the task is taken, then bound is not taken again, nor the init task, and the user task and end are taken
    run.completeUserTask('task');
    expect(bound(run)).toBe(1);
    expect(timesCompleted(run, 'initTask')).toBe(2);
    expect(timesCompleted(run, 'task')).toBe(1);
    expect(timesCompleted(run, 'end')).toBe(1);
    // And the process completes
    expect(run.status).toBe('completed');
  },
  10: async () => {
    // Given a user task with a non-interrupting repeated timer (R/PT1M)
    const run = await given(corpus, 'scenarios/bpmn/BoundaryEvent-feature__10.bpmn');
    // When ran, then the timer is waiting
    run.start();
    // When the timer times out three times, then it is waiting again each time
    for (let index = 0; index < 3; index++) {
      fireTimer(run, 'bound');
      expect(run.timer('bound').elementId).toBe('bound');
    }
    // When the task is completed, then the run completes and the bound timer was taken three times
    run.completeUserTask('task');
    expect(run.status).toBe('completed');
    expect(bound(run)).toBe(3);

    // When ran again, stopped and the state saved, then recovered and resumed: the timer is waiting
    const again = await given(corpus, 'scenarios/bpmn/BoundaryEvent-feature__10.bpmn');
    again.start();
    const resumed = recover(again, saveState(again));
    expect(resumed.timer('bound').elementId).toBe('bound');
    // When the resumed timer times out, then it is waiting again
    fireTimer(resumed, 'bound');
    expect(resumed.timer('bound').elementId).toBe('bound');
    // When the recovered task is completed, then the resumed run completes
    resumed.completeUserTask('task');
    expect(resumed.status).toBe('completed');
  },
  11: async () => {
    // Given a user task with an interrupting repeated timer (R/PT1M)
    const run = await given(corpus, 'scenarios/bpmn/BoundaryEvent-feature__11.bpmn');
    // When ran, then the timer is waiting
    run.start();
    // When the timer times out, then the run completes and no timers are running
    fireTimer(run, 'bound');
    expect(run.status).toBe('completed');
    expect(run.terminated()).toEqual(['task']);
    expect(run.timers()).toEqual([]);
  },
});
