// bpmn-elements test/feature/script-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { deployErrors } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'script', {
  1: async () => {
    // Given a process with a script task with an unsupported script format, python (the task gets a start event)
    const rewrite = { startEvents: { 'my-process': ['task'] } };
    // When the definition is run, then an error is thrown: the model is refused (rule 11), as Operon runs a script
    // task only as a FEEL script or as a job
    const errors = await deployErrors(corpus, 'scenarios/bpmn/script-feature__01.bpmn', rewrite);
    expect(errors.map(({ code, elementId }) => ({ code, elementId }))).toEqual([
      { code: 'MISSING_TASK_TYPE', elementId: 'task' },
    ]);
    // (Given asynchronous formatting added through bpmn-elements' broker, the same run: not asserted)
  },
});
