// Verdicts on the call-activity scenarios of both corpora (bpmn-elements' and bpmn-engine's call-activity-feature.js
// share their models). The called processes are marked executable and given start events (rule 12); the test
// plays the runtime between the calling and the called instances (called-processes.ts).
import { camundaSemantics, engineApi, runs, type Review } from './review';
import { volatileService } from './review-bpmn-elements-reasons';

const cancelledByApi = (engine: string): string =>
  `the behaviour under test is cancelling or discarding one running call activity (or the called process) through ` +
  `${engine}' activity API, after which the run completes; Operon, like Camunda 8, has no command that cancels ` +
  'one activity (cancelling a called instance on its own is an incident on its call activity), and a call activity ' +
  'without a called element is refused (CALLED_ELEMENT_MISSING)';

export const callActivityReviews: {
  readonly 'bpmn-elements': Readonly<Record<string, Review>>;
  readonly 'bpmn-engine': Readonly<Record<string, Review>>;
} = {
  'bpmn-elements': {
    'call-activity#1': runs({
      partial:
        "the call activity cancelled through bpmn-elements' activity API and through the definition (also after " +
        'recovery), and the broker listeners it leaves: Operon has no command that cancels one running activity',
    }),
    'call-activity#2': runs({ partial: volatileService }),
    'call-activity#3': engineApi(cancelledByApi('bpmn-elements')),
    'call-activity#4': engineApi(cancelledByApi('bpmn-elements')),
    'call-activity#5': runs({
      partial:
        "bpmn-elements' execute queue, which processes its definition state saves, and the call activity's output, " +
        'which a bpmn-elements extension (processOutput) gathers from the called processes into environment.output',
    }),
    'call-activity#6': runs({
      partial:
        "which processes bpmn-elements' definition state saves, and the call activity's output, which a " +
        'bpmn-elements extension (processOutput) gathers from the called processes into environment.output',
    }),
    'call-activity#7': runs({
      partial:
        "the call activity signalled through bpmn-elements' API, after which the run completes: Operon has no " +
        'command that completes a call activity from outside',
      fails: camundaSemantics(
        'a call to a process that is not deployed waits in bpmn-elements until the call activity is signalled; ' +
          'Camunda 8 and Operon raise an incident (CALLED_ELEMENT_ERROR) at the call activity',
      ),
    }),
    'call-activity#8': runs({
      partial:
        'the last run replaces the JavaScript service of the called element by one that throws ("run fails"); the ' +
        'called element has one FEEL translation, with no throwing counterpart',
    }),
    'call-activity#9': runs(),
  },
  'bpmn-engine': {
    'call-activity#1': runs(),
    'call-activity#2': runs({ partial: volatileService }),
    'call-activity#3': engineApi(cancelledByApi('bpmn-engine')),
    'call-activity#4': engineApi(cancelledByApi('bpmn-engine')),
    'call-activity#5': runs(),
  },
};
