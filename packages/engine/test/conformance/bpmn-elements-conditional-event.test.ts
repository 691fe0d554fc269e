// bpmn-elements test/feature/conditional-event-feature.js, translated (rules in docs/conformance.md).
import { conformanceFeature } from './feature-suite';
import {
  boundJavaScriptCondition,
  recoverResumeCondition,
  serviceWithBoundCondition,
  signalledManyTimes,
} from './conditional-event-scenarios';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'conditional-event', {
  1: () => serviceWithBoundCondition(corpus, 'scenarios/bpmn/conditional-event-feature__01.bpmn'),
  2: () => boundJavaScriptCondition(corpus),
  3: () => recoverResumeCondition(corpus, 'scenarios/bpmn/conditional-event-feature__02.bpmn'),
  4: () => signalledManyTimes(corpus, 'scenarios/bpmn/conditional-event-feature__03.bpmn'),
});
