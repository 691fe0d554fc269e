// bpmn-elements test/feature/ad-hoc-subprocess-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, timesCompleted } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'ad-hoc-subprocess', {
  1: async () => {
    // Given an ad-hoc sub-process with three tasks and a throw event of an anonymous signal (given a name)
    const run = await given(corpus, 'test/resources/ad-hoc-subprocess.bpmn', { signalNames: { throw: 'thrown' } });
    // When running the definition, then it completes
    run.start();
    expect(run.status).toBe('completed');
    // And all the ad-hoc sub-process's activities were taken
    for (const id of ['task1', 'task2', 'task3', 'throw']) expect(timesCompleted(run, id), id).toBe(1);
  },
});
