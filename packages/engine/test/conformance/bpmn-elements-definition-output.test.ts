// bpmn-elements test/feature/definition-output-feature.js, translated (rules in docs/conformance.md).
import { conformanceFeature } from './feature-suite';
import { processCompletesWithOutput } from './script-output-scenario';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'definition-output', {
  1: () => processCompletesWithOutput(corpus, 'scenarios/bpmn/definition-output-feature__01.bpmn'),
});
