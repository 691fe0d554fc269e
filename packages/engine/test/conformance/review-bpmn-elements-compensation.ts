// Verdicts for the bpmn-elements scenarios unblocked by compensation and transactions, keyed `<feature>#<index>`
// (apart from review-bpmn-elements.ts to keep that file short). Reviewed against the steps and the original
// feature test.
import { camundaSemantics, engineApi, refused, runs, type Review } from './review';
import { volatileService } from './review-bpmn-elements-reasons';

const activityStatus = "bpmn-elements' activity status API (idle, wait, executing, timer) of definitions and processes";
const compensatesFailed =
  'bpmn-elements compensates the service task that failed (its error boundary event leads to the compensation end ' +
  'event); BPMN 2.0.2 §10.5.5 and Camunda 8 compensate only activities that completed successfully, so no handler starts';
const laterRuns =
  'the later runs that fail the service again, and stop and recover the run, repeat the first run, whose stated ' +
  'compensation already differs';

export const bpmnElementsCompensationReview: Readonly<Record<string, Review>> = {
  'activity-status#1': engineApi(activityStatus),
  'activity-status#4': engineApi(activityStatus),
  'activity-status#5': engineApi(activityStatus),
  'compensation#1': runs({
    partial:
      '"association was taken": bpmn-elements counts the association like a sequence flow; Operon starts the ' +
      'handler through it without a token (its compensation-handler-started event names the activity and handler)',
  }),
  'compensation#2': runs({ partial: laterRuns, fails: camundaSemantics(compensatesFailed) }),
  'compensation#3': runs({
    partial: laterRuns,
    fails: camundaSemantics(
      `${compensatesFailed}; the error also ends the whole multi-instance body, whose completed iterations are ` +
        'then no longer compensable, and bpmn-elements compensates the iterations first to last',
    ),
  }),
  'compensation#4': refused(
    'COMPENSATION_INVALID',
    'two compensation boundary events on one service task, each with a handler; Operon, like Camunda 8, undoes an ' +
      'activity with one handler',
  ),
  'transaction#1': runs(),
  'transaction#2': runs(),
  'transaction#4': runs({ partial: volatileService }),
  'transaction#5': refused(
    'CANCEL_EVENT_INVALID',
    'two of the transactions have a cancel end event but no cancel boundary event, so a cancelled transaction ' +
      'would have nowhere to go; the processes also have no start event',
  ),
  'transaction#6': engineApi(
    "the running transaction is discarded through bpmn-elements' activity API; Operon has no command that ends one " +
      'element of an instance, only one that cancels the whole instance',
  ),
};
