// bpmn-engine test/feature/engine-output-feature.js, translated (rules in docs/conformance.md).
import { conformanceFeature } from './feature-suite';
import { processCompletesWithOutput } from './script-output-scenario';

const corpus = 'bpmn-engine';

conformanceFeature(corpus, 'engine-output', {
  1: () => processCompletesWithOutput(corpus, 'scenarios/bpmn/engine-output-feature__01.bpmn'),
});
