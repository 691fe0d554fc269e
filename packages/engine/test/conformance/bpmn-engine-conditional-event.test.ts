// bpmn-engine test/feature/conditional-event-feature.js, translated (rules in docs/conformance.md).
import { conformanceFeature } from './feature-suite';
import {
  boundJavaScriptCondition,
  conditionTakesPrecedence,
  recoverResumeCondition,
  serviceWithBoundCondition,
  signalledManyTimes,
} from './conditional-event-scenarios';

const corpus = 'bpmn-engine';
const serviceModel = 'scenarios/bpmn/conditional-event-feature__01.bpmn';

conformanceFeature(corpus, 'conditional-event', {
  1: async () => {
    await serviceWithBoundCondition(corpus, serviceModel);
    await conditionTakesPrecedence(corpus, serviceModel);
  },
  2: () => boundJavaScriptCondition(corpus),
  4: () => recoverResumeCondition(corpus, 'scenarios/bpmn/conditional-event-feature__03.bpmn'),
  5: () => signalledManyTimes(corpus, 'scenarios/bpmn/conditional-event-feature__04.bpmn'),
});
