// bpmn-elements test/feature/linking-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks, recover, saveState, timesCompleted, wasActivated, type Rewrite } from './translation';

const corpus = 'bpmn-elements';
/** The logging scripts become FEEL scripts that record what they logged. */
const logging: Rewrite['scripts'] = {
  task1: ['environment.services.log("task1"); next()', '"task1"', 'logged1'],
  task2: ['environment.services.log("task2"); next()', '"task2"', 'logged2'],
};

conformanceFeature(corpus, 'linking', {
  1: async () => {
    // Given two flows with logging: the first ends with a link, the second catches the link and then logs
    const run = await given(corpus, 'test/resources/link-event.bpmn', { scripts: logging });
    // When the definition is ran, then it completes immediately
    run.start();
    expect(run.status).toBe('completed');
    // And the first and the second flow's scripts logged, once each
    expect(run.variables()).toMatchObject({ logged1: 'task1', logged2: 'task2' });
    expect(timesCompleted(run, 'task1')).toBe(1);
    expect(timesCompleted(run, 'task2')).toBe(1);
  },
  2: async () => {
    // Given a decision that decides whether the link throw (and so its catch event) is discarded
    const model = 'scenarios/bpmn/linking-feature__01.bpmn';
    const rewrite: Rewrite = {
      conditions: { flow3: ['${environment.variables.condition}', 'condition = true'] },
      scripts: logging,
    };
    // When ran with the decision to discard, then the definition completes immediately
    const discard = await given(corpus, model, rewrite);
    discard.start({ condition: false });
    expect(discard.status).toBe('completed');
    // And the throw and the catch events were discarded
    expect(wasActivated(discard, 'throw')).toBe(false);
    expect(wasActivated(discard, 'catch')).toBe(false);
    // Given the decision changes to take; when ran again, then it completes immediately
    const take = await given(corpus, model, rewrite);
    take.start({ condition: true });
    expect(take.status).toBe('completed');
    // And the throw and the catch events were taken
    expect(timesCompleted(take, 'throw')).toBe(1);
    expect(timesCompleted(take, 'catch')).toBe(1);
  },
  3: async () => {
    // Given a user decides whether the link throw and catch are discarded (its output `condition`, read from
    // environment.output, is the task's completion variable; the user task gets a start event)
    const model = 'scenarios/bpmn/linking-feature__02.bpmn';
    const rewrite: Rewrite = {
      conditions: { flow3: ['${environment.output.condition}', 'condition = true'] },
      startEvents: { theProcess: ['start'] },
    };
    // When the definition is ran, then it waits for the user to decide
    const run = await given(corpus, model, rewrite);
    run.start();
    expect(openUserTasks(run)).toEqual(['start']);
    // Given execution is stopped; when resumed and the user decides to discard
    const resumed = recover(run, saveState(run));
    resumed.completeUserTask('start', { condition: false });
    // Then the definition completes, and the throw and catch events were discarded
    expect(resumed.status).toBe('completed');
    expect(wasActivated(resumed, 'throw')).toBe(false);
    expect(wasActivated(resumed, 'catch')).toBe(false);

    // When ran again, then it waits for the user; given stopped and the state saved, when recovered and resumed
    const again = await given(corpus, model, rewrite);
    again.start();
    const recovered = recover(again, saveState(again));
    // Then it waits for the user to decide; when the user decides to proceed, then the definition completes
    expect(openUserTasks(recovered)).toEqual(['start']);
    recovered.completeUserTask('start', { condition: true });
    expect(recovered.status).toBe('completed');
    // And the throw and catch events were taken
    expect(timesCompleted(recovered, 'throw')).toBe(1);
    expect(timesCompleted(recovered, 'catch')).toBe(1);
  },
});
