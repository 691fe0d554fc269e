// bpmn-elements test/feature/timers-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import {
  deployErrors,
  fireTimer,
  given,
  openUserTasks,
  recover,
  saveState,
  timesCompleted,
  type Rewrite,
} from './translation';

const corpus = 'bpmn-elements';
/** bpmn-elements' manual task waits to be signalled: it becomes a user task. */
const waitingTask = { waitingManualTasks: ['task'] };
/** The bound user task (or sub-process) has no incoming flow: it gets a start event, and a sub-process one inside. */
const startTask = { startEvents: { bp: ['task'] } };
const startSub = { startEvents: { bp: ['sub'], sub: ['task'] } };
/** timers-feature__03: the manual task waits; its bound cycle is the variable `interval` (rule 2). */
const intervalCycle: Rewrite = {
  ...waitingTask,
  expressions: { 'bound-cycle': ['${environment.variables.interval}', 'interval'] },
};

/** Runs timers-feature__03 from `now` with a given interval; the bound cycle event must be waiting. */
async function runWithInterval(interval: string, now: number): Promise<Scenario> {
  const run = await given(corpus, 'scenarios/bpmn/timers-feature__03.bpmn', intervalCycle);
  run.now = now;
  run.start({ interval });
  expect(run.incidents()).toEqual([]);
  return run;
}

/** "Run is stopped; resumed close to expire at; the cycle times out": then the run completes. */
function resumedCloseToExpiry(run: Scenario): void {
  const dueAt = run.timer('bound-cycle').dueAt;
  const resumed = recover(run, saveState(run));
  resumed.now = dueAt - 30_000;
  fireTimer(resumed, 'bound-cycle');
  expect(resumed.status).toBe('completed');
  expect(resumed.completed()).toContain('cycle-end');
}

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
  5: async () => {
    // Given a timer interval declared on the timer cycle of a bound event (the variable `interval`)
    // When ran with an interval with indefinite repetitions, at 2024-05-23 12:00
    const endless = await runWithInterval('R-1/PT1M', Date.UTC(2024, 4, 23, 12, 0));
    // Then the bound cycle event is waiting, its cycle executing: it times out in at least 50 seconds
    expect(endless.timer('bound-cycle').dueAt - endless.now).toBeGreaterThanOrEqual(50_000);
    // When the cycle times out, then the run completes
    fireTimer(endless, 'bound-cycle');
    expect(endless.status).toBe('completed');

    // When ran with an interval with indefinite repetitions, a start date and a duration
    const started = await runWithInterval('R-1/2024-05-31T12:00/PT10M', Date.UTC(2024, 4, 23, 12, 0));
    // Then the bound cycle event is waiting, and the cycle expires at 2024-05-31 12:10
    expect(started.timer('bound-cycle').dueAt).toBe(Date.UTC(2024, 4, 31, 12, 10));
    // Given the run is stopped; when it is resumed close to expiry and the cycle times out, the run completes
    resumedCloseToExpiry(started);

    // When ran with an interval with a start date and an end date
    const bounded = await runWithInterval('2024-06-30T12:00/07-01T12:00', Date.UTC(2024, 4, 31, 12, 9, 30));
    // Then the bound cycle event is waiting, and the cycle expires at 2024-07-01 12:00
    expect(bounded.timer('bound-cycle').dueAt).toBe(Date.UTC(2024, 6, 1, 12, 0));
    // Given the run is stopped; when it is resumed close to expiry and the cycle times out, the run completes
    resumedCloseToExpiry(bounded);

    // When ran with an interval with indefinite repetitions, a duration and an end date
    const ending = await runWithInterval('R-1/P1D/2024-07-12T10:00', Date.UTC(2024, 6, 1, 11, 59, 30));
    // Then the bound cycle event is waiting, and the cycle expires at 2024-07-02 10:00
    expect(ending.timer('bound-cycle').dueAt).toBe(Date.UTC(2024, 6, 2, 10, 0));
    // Given the run is stopped; when it is resumed close to expiry and the cycle times out, the run completes
    resumedCloseToExpiry(ending);

    // When ran again after the end date, then the run completes at once
    const late = await given(corpus, 'scenarios/bpmn/timers-feature__03.bpmn', intervalCycle);
    late.now = Date.UTC(2024, 6, 12, 11, 0);
    late.start({ interval: 'R-1/P1D/2024-07-12T10:00' });
    expect(late.incidents()).toEqual([]);
    // (Operon fires a due timer on a command: the cycle is due at once, and the test fires it)
    expect(late.timer('bound-cycle').dueAt).toBeLessThanOrEqual(late.now);
    fireTimer(late, 'bound-cycle');
    expect(late.status).toBe('completed');
  },
  10: async () => {
    // Given a source with a faulty timer expression: the JavaScript `${true === "false'}`, whose quotes do not
    // match, is the FEEL `=true = "false'`, with the same fault
    const faulty: Rewrite = { expressions: { 'start-cycle': ['${true === "false\'}', 'true = "false\''] } };
    // When the definition is ran, then the run fails with a syntax error: the model is refused (rule 11)
    const errors = await deployErrors(corpus, 'scenarios/bpmn/timers-feature__09.bpmn', faulty);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'FEEL_SYNTAX', elementId: 'start-cycle' }));
  },
  11: async () => {
    // Given a source whose timer start event's cycle is a faulty value the definition is given: a process timer
    // start event has no variables, so the value is the cycle itself (rule 2)
    for (const timer of ['2023-12-32', 'R-3/P1Y', 'P0.5YT1.5M', '2023-12-01/32']) {
      const rewrite: Rewrite = {
        expressions: { 'start-cycle': ['${environment.variables.timer}', JSON.stringify(timer)] },
      };
      // When the definition is ran, then the run fails at the start event: the model is refused (rule 11)
      const errors = await deployErrors(corpus, 'scenarios/bpmn/timers-feature__10.bpmn', rewrite);
      expect(errors, timer).toContainEqual(
        expect.objectContaining({ code: 'TIMER_INVALID', elementId: 'start-cycle' }),
      );
    }
  },
});
