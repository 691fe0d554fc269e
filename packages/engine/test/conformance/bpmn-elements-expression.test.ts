// bpmn-elements test/feature/expression-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { deployErrors } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'expression', {
  1: async () => {
    // Given a process with a faulty sequence flow condition expression: the JavaScript `${true === "false'}`,
    // whose quotes do not match, is the FEEL `=true = "false'`, with the same fault
    const rewrite = { conditions: { 'to-end1': ['${true === "false\'}', 'true = "false\''] as const } };
    // When the definition is ran, then the run fails with an error from the expression parser: the model is
    // refused (rule 11) with a FEEL syntax error
    const errors = await deployErrors(corpus, 'scenarios/bpmn/expression-feature__01.bpmn', rewrite);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'FEEL_SYNTAX', elementId: 'to-end1' }));
  },
});
