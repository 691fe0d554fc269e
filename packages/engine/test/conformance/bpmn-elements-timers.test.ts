// bpmn-elements test/feature/timers-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, openUserTasks, recover, saveState, timesCompleted } from './translation';

const corpus = 'bpmn-elements';
/** bpmn-elements' manual task waits to be signalled: it becomes a user task. */
const waitingTask = { waitingManualTasks: ['task'] };
/** The bound user task (or sub-process) has no incoming flow: it gets a start event, and a sub-process one inside. */
const startTask = { startEvents: { bp: ['task'] } };
const startSub = { startEvents: { bp: ['sub'], sub: ['task'] } };

conformanceFeature(corpus, 'timers', {
  3: async () => {
    // Given a task with a bound non-interrupting repeated timer cycle (R3/PT1M)
    const run = await given(corpus, 'scenarios/bpmn/timers-feature__01.bpmn', waitingTask);
    // When ran, then the bound cycle event is waiting
    run.start();
    expect(run.timer('bound-cycle').repetitionsLeft).toBe(2);
    // When the cycle times out three times, then the bound flows are taken each time
    fireTimer(run, 'bound-cycle');
    fireTimer(run, 'bound-cycle');
    expect(run.timer('bound-cycle').repetitionsLeft).toBe(0);
    fireTimer(run, 'bound-cycle');
    expect(timesCompleted(run, 'cycle-end')).toBe(3);
    // And the time cycle has completed
    expect(run.timers()).toEqual([]);
    // When the task is signalled, then the run completes
    run.completeUserTask('task');
    expect(run.status).toBe('completed');

    // When ran again, the cycle times out once and the task is signalled: the run completes
    const again = await given(corpus, 'scenarios/bpmn/timers-feature__01.bpmn', waitingTask);
    again.start();
    fireTimer(again, 'bound-cycle');
    again.completeUserTask('task');
    expect(again.status).toBe('completed');
    expect(again.timers()).toEqual([]);
  },
  4: async () => {
    // Given a task with a bound interrupting repeated timer cycle (R3/PT1M)
    const run = await given(corpus, 'scenarios/bpmn/timers-feature__02.bpmn', waitingTask);
    // When ran, then the bound cycle event is waiting
    run.start();
    expect(run.timer('bound-cycle').elementId).toBe('bound-cycle');
    // When the cycle times out, then the run completes
    fireTimer(run, 'bound-cycle');
    expect(run.status).toBe('completed');
    expect(run.completed()).toContain('cycle-end');
  },
  7: async () => {
    // Given a user task with a bound timer (PT10S); when ran, with the state saved on wait
    const run = await given(corpus, 'scenarios/bpmn/timers-feature__06.bpmn', startTask);
    run.start();
    // Then the user task is waiting, and the state is saved
    expect(openUserTasks(run)).toEqual(['task']);
    const saved = saveState(run);
    // When the run is recovered, resumed, and the task signalled, then the run completes
    const recovered = recover(run, saved);
    recovered.completeUserTask('task');
    expect(recovered.status).toBe('completed');

    // When ran with the state saved on the timer, then the bound event is waiting for its timer
    const again = await given(corpus, 'scenarios/bpmn/timers-feature__06.bpmn', startTask);
    again.start();
    expect(again.timer('bound-timer').dueAt).toBe(10_000);
    // When the run is recovered, resumed, and the task signalled, then the run completes
    const resumed = recover(again, saveState(again));
    resumed.completeUserTask('task');
    expect(resumed.status).toBe('completed');
    expect(resumed.timers()).toEqual([]);
  },
  8: async () => {
    // Given a user task with a bound timer (PT8H); when ran, then the user task and the timer are running
    const run = await given(corpus, 'scenarios/bpmn/timers-feature__07.bpmn', startTask);
    run.start();
    expect(openUserTasks(run)).toEqual(['task']);
    expect(run.timer('bound-timer').dueAt).toBe(8 * 3_600_000);
    // Given the state is saved; when recovered and resumed at the timeout, then the run completes
    const resumed = recover(run, saveState(run));
    fireTimer(resumed, 'bound-timer');
    expect(resumed.status).toBe('completed');
    expect(resumed.terminated()).toEqual(['task']);
  },
  9: async () => {
    // Given a sub-process with a user task and a bound timer (PT8H); when ran, then both are running
    const run = await given(corpus, 'scenarios/bpmn/timers-feature__08.bpmn', startSub);
    run.start();
    expect(run.active()).toEqual(['sub', 'task']);
    expect(run.timer('bound-timer').dueAt).toBe(8 * 3_600_000);
    // Given the state is saved; when recovered and resumed at the timeout, then the run completes
    const resumed = recover(run, saveState(run));
    fireTimer(resumed, 'bound-timer');
    expect(resumed.status).toBe('completed');
    expect(resumed.terminated()).toEqual(expect.arrayContaining(['task', 'sub']));
  },
});
