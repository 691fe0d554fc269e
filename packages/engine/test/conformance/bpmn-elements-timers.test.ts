// bpmn-elements test/feature/timers-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, timesCompleted } from './translation';

const corpus = 'bpmn-elements';
/** bpmn-elements' manual task waits to be signalled: it becomes a user task. */
const waitingTask = { waitingManualTasks: ['task'] };

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
});
