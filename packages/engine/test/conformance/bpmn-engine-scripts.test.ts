// bpmn-engine test/feature/scripts-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { deployErrors } from './translation';

const corpus = 'bpmn-engine';

conformanceFeature(corpus, 'scripts', {
  1: async () => {
    // Given a bpmn source with an empty script task (the task gets a start event), and an engine with the dummy
    // script disabled: Operon has no dummy script
    const rewrite = { startEvents: { theProcess: ['task1'] } };
    // When the source is executed, then the execution errored: the model is refused (rule 11), the script task
    // being neither a FEEL script nor a job
    const errors = await deployErrors(corpus, 'scenarios/bpmn/scripts-feature__01.bpmn', rewrite);
    expect(errors.map(({ code, elementId }) => ({ code, elementId }))).toEqual([
      { code: 'MISSING_TASK_TYPE', elementId: 'task1' },
    ]);
    // (When ran again with bpmn-engine's dummy script enabled, then the execution completed: not asserted)
  },
});
