// bpmn-engine test/feature/issue-199-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks, recover, saveState, type Rewrite } from './translation';

const corpus = 'bpmn-engine';
const model = 'scenarios/bpmn/issue-199-feature__01.bpmn';
/** The logging scripts become FEEL scripts that record what they logged. */
const rewrite: Rewrite = {
  scripts: {
    ScriptTask_1: ["this.environment.services.log('hello from Script task 1'); next();", '"hello 1"', 'log1'],
    ScriptTask2: ["this.environment.services.log('hello from Script task 2'); next();", '"hello 2"', 'log2'],
  },
};

conformanceFeature(corpus, 'issue-199', {
  1: async () => {
    // Given an engine with a user task flanked by two script tasks; when executed, then it is running
    const run = await given(corpus, model, rewrite);
    run.start();
    expect(run.status).toBe('active');
    expect(openUserTasks(run)).toEqual(['UserTask_1']);
    // When the user task is signalled, then the run completed
    run.completeUserTask('UserTask_1');
    expect(run.status).toBe('completed');
    expect(run.variables()).toEqual({ log1: 'hello 1', log2: 'hello 2' });

    // Given a new engine instance; when executed and its state got, then it is running
    const again = await given(corpus, model, rewrite);
    again.start();
    const saved = saveState(again);
    expect(again.status).toBe('active');
    // Given execution is stopped; when the same instance is recovered and resumed, then it is still running
    const resumed = recover(again, saved);
    expect(resumed.status).toBe('active');
    // When the resumed execution's user task is signalled, then it completes
    resumed.completeUserTask('UserTask_1');
    expect(resumed.status).toBe('completed');
  },
});
