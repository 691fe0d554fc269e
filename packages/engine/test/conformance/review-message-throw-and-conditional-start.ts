// Verdicts for the scenarios unblocked by message throw events (intermediate, end) and conditional start events
// of a process, keyed `<feature>#<index>` (apart from review-bpmn-elements.ts and review-bpmn-engine.ts to keep
// those short). Reviewed against the steps and the original feature tests.
import { camundaSemantics, javascript, runs, type Review } from './review';

const jsStartCondition =
  'the condition of the conditional start event is a JavaScript service call (${environment.services.conditionMet()}) ' +
  'that the test replaces between runs: by one returning true, then by one that alternately throws and returns ' +
  'false ("run fails", "start event is awaiting signal"); Operon evaluates FEEL start conditions on request and ' +
  'reads a failing condition as not holding (packages/runtime/test/conditional-start-events.test.ts)';

const interruptingTwice =
  'the catching event sub-process is interrupting: in BPMN 2.0.2 and Camunda 8 it ends every other element of the ' +
  'process when it starts, so the second task never fails and the event sub-process runs once, where bpmn-elements ' +
  'runs it twice';

export const bpmnElementsMessageThrowReview: Readonly<Record<string, Review>> = {
  'conditional-event#6': javascript(jsStartCondition),
  'engine-issues#1': runs({ fails: camundaSemantics(interruptingTwice) }),
  'engine-issues#2': runs({ fails: camundaSemantics(interruptingTwice) }),
  'engine-issues#3': runs(),
  'issue-32#1': runs(),
  'issue-32#2': runs(),
  'messaging#3': runs(),
  'messaging#4': runs(),
  'messaging#5': runs(),
  'messaging#6': runs(),
  'messaging#7': runs({
    partial:
      '"participant process is postponed since nothing happened": the participant process is empty and not ' +
      'executable, so there is nothing to deploy or run',
  }),
  'messaging#8': runs(),
  'messaging#10': runs({
    fails: camundaSemantics(
      'bpmn-elements delivers the message to the first participant process only; a Camunda 8 (and Operon) message ' +
        'starts an instance of every process with a message start event of its name, so the second participant ' +
        'runs too',
    ),
  }),
};

export const bpmnEngineConditionalStartReview: Readonly<Record<string, Review>> = {
  'conditional-event#7': javascript(jsStartCondition),
};
