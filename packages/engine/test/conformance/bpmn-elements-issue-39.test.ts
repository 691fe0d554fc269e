// bpmn-elements test/feature/issues/issue-39-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, wasActivated } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'issue-39', {
  1: async () => {
    // When ran with an exclusive gateway with three flows whose expression services return promises: take()
    // resolves true, discard() false (the FEEL conditions are what the promises resolve to)
    const run = await given(corpus, 'scenarios/bpmn/issue-39-feature__01.bpmn', {
      conditions: {
        'to-theotherone': ['${environment.services.discard()}', 'false'],
        'to-takenend': ['${environment.services.take()}', 'true'],
      },
    });
    run.start();
    // Then the run completes, having taken the correct end event
    expect(run.status).toBe('completed');
    expect(run.completed()).toContain('takenend');
    // And the default and the other one were discarded
    expect(wasActivated(run, 'defaultend')).toBe(false);
    expect(wasActivated(run, 'theotherone')).toBe(false);
  },
});
