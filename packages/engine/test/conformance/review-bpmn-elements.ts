// Verdicts for the bpmn-elements scenarios that parse without unsupported elements, keyed `<feature>#<index>`.
// Reviewed against each scenario's steps and, where the steps were terse, the original feature test.
import { camundaSemantics, engineApi, ignoredData, javascript, refused, runs, type Review } from './review';
import {
  NO_START,
  definitionMessages,
  dataElements,
  formatting,
  takeFlow,
  anonymousMessage,
  anonymousError,
  anonymousEscalation,
  anonymousSignal,
  serviceErrors,
  volatileService,
  joinAfterBoundary,
  motherOfAll,
  nonExecutableParticipants,
  sameTarget,
  waitingStart,
  jsCondition,
  badConditionFunction,
  throwingCondition,
  tradeSignals,
} from './review-bpmn-elements-reasons';

export const bpmnElementsReview: Readonly<Record<string, Review>> = {
  'Definition#1': runs({ partial: definitionMessages }),
  'Definition#2': refused(
    'MESSAGE_MISSING',
    'messages travel along message flows between two pools: the catch event names no message and the sending ' +
      'process is not executable; Camunda 8 and Operon correlate messages by name and correlation key',
  ),
  'Definition#5': runs({
    partial: `${definitionMessages}; Operon starts one instance per executable process, here in document order`,
  }),
  'Definition#6': runs(),

  'Process#1': runs(),
  'Process#2': runs(),
  'Process#3': refused(
    NO_START,
    'two none start events, both started by bpmn-elements; Camunda 8 and Operon require exactly one per process',
  ),
  'Process#4': runs(),
  'Process#5': refused(
    NO_START,
    'the processes have no start event: bpmn-elements starts every activity without incoming flows; ' +
      'Camunda 8 and Operon require a none start event',
  ),
  'Process#6': refused(NO_START, 'two none start events joined by a parallel gateway; Operon requires exactly one'),
  'Process#7': runs({
    fails: camundaSemantics(
      'bpmn-elements discards the untaken flow into the parallel join (dead-path elimination) and completes; ' +
        'a Camunda 8 parallel gateway waits for a token on every incoming flow, so the instance waits at "join"',
    ),
  }),
  'Process#8': refused(
    'CONDITION_MISSING',
    "the gateway's other flow has no condition while its default flow has one (${variables.condition1}): " +
      'bpmn-elements takes the unconditional flow; Camunda 8 and Operon reject such a gateway',
  ),
  'Process#9': runs(),
  'Process#10': runs(),
  'Process#11': refused(
    'MESSAGE_MISSING',
    'an anonymous message catch event, which bpmn-elements lets a message addressed to the element id through; ' +
      'Camunda 8 and Operon correlate messages by name and correlation key',
  ),
  'Process#13': runs(),
  'Process#17': runs(),
  'Process#19': refused(
    'CONDITION_MISSING',
    "the gateway's other flow has no condition while its default flow has one (see Process#8); the run is also " +
      'stopped and resumed through the bpmn-elements API',
  ),
  'Process#20': runs(),
  'Process#24': refused(
    NO_START,
    'the process has no start event, only a user task; cancelling a bpmn-elements process completes it, ' +
      'where cancelling a Camunda 8 instance terminates it',
  ),

  'activity#1': runs(),

  'activity-io#1': ignoredData(dataElements),
  'activity-io#2': ignoredData(dataElements),
  'activity-io#3': ignoredData(dataElements),
  'activity-io#4': ignoredData(`${dataElements}; also a bpmn:ioSpecification`),
  'activity-io#5': ignoredData(`${dataElements}; the data is also recovered from a saved bpmn-elements state`),
  'activity-io#6': ignoredData(`${dataElements}; the data is also recovered from a saved bpmn-elements state`),
  'activity-io#7': ignoredData(`edge cases of ${dataElements}`),

  'definition-output#1': runs(),
  'definition-output#2': javascript('a JavaScript script task writes environment.output and then fails'),

  'dummy#1': runs(),

  'environment#1': engineApi(
    "inspects bpmn-elements' environment objects (variables, services, settings) of the definition, process and task",
  ),

  'errors#12': javascript(
    'JavaScript conditions that throw, on flows leaving a start event (which Operon also refuses: CONDITION_NOT_SUPPORTED)',
  ),

  'exclusive-gateway-join#1': runs(),
  'expression#1': javascript('plugs the @aircall/expression-parser library into bpmn-elements to evaluate a condition'),

  'extension#1': engineApi(
    'process execution listeners (camunda:executionListener with JavaScript) run by an extension',
  ),

  'format#1': engineApi(`saves state through ${formatting}`),
  'format#2': engineApi(formatting),
  'format#3': engineApi(formatting),
  'format#4': engineApi(formatting),
  'format#5': engineApi(formatting),
  'format#6': engineApi(formatting),
  'format#7': engineApi(`${formatting}, around a JavaScript service callback`),
  'format#8': engineApi(formatting),
  'format#9': engineApi(`failures of ${formatting}`),
  'format#10': engineApi(`${formatting}, recovered and resumed mid-formatting`),
  'format#11': engineApi(`${formatting}, recovered and resumed mid-formatting`),

  'gateway#1': runs(),
  'gateway#2': runs(),
  'gateway#3': javascript(
    'the condition is a JavaScript script over rules that a bpmn-elements extension fetches over HTTP',
  ),
  'gateway#4': runs({
    fails: camundaSemantics(
      'the exclusive gateway takes "toTask1", so no token ever arrives on "toJoin2"; bpmn-elements discards that ' +
        'flow into the parallel join and completes, a Camunda 8 parallel gateway waits for it',
    ),
  }),
  'gateway#5': javascript('the condition calls an asynchronous JavaScript service (environment.services.evaluateRule)'),

  'issue-39#1': runs({
    partial: "the promises of the conditions' JavaScript services: the FEEL conditions are the values they resolve to",
  }),
  'issue-42#1': javascript(takeFlow),
  'issue-42#2': javascript(takeFlow),
  'issue-42#3': javascript(takeFlow),

  'issues#1': engineApi(
    "after the waiting user task is discarded through bpmn-elements' activity API, the Then-steps count discards " +
      '(dead-path elimination); Operon has neither discard counters nor a command that discards one element',
  ),
  'issues#2': javascript(
    'a JavaScript extension copies each user task output into environment.output, which the loop-back conditions ' +
      'read; the run is also stopped and recovered from a bpmn-elements state',
  ),
  'issues#3': engineApi(
    'stops, resumes and recovers bpmn-elements runs from states saved at different points and asserts its discard ' +
      'counters; JavaScript services decrement the loop counter',
  ),
  'issues#4': runs(),
  'issues#7': runs({
    fails: camundaSemantics(
      'bpmn-elements waits at a start event that has a form key; in Camunda 8 a start form is submitted before the ' +
        'instance exists, so the start event never waits (camunda:formKey is a Camunda 7 attribute Operon ignores)',
    ),
  }),

  'messaging#9': runs({
    partial:
      'the "wait" messages with and without the resumed flag, and the run where the receive task is discarded ' +
      "through bpmn-elements' activity API: Operon has no command that discards one element",
  }),
  'noExecutableProcess#1': refused(
    'NO_PROCESS',
    'runs a process marked isExecutable="false" by naming it; Operon, like Camunda 8, runs only executable ' +
      'processes (that process also throws a signal, which Operon does not run yet)',
  ),

  'outbound-flows#1': runs(),

  'recover-resume#1': engineApi("bpmn-elements' disableTrackState setting and the shape of its saved state"),

  'script#1': javascript('registering a script task whose script format bpmn-elements does not support'),

  'service-task#1': runs(),
  'shake#4': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#5': engineApi("bpmn-elements' shake API (computes run sequences without running)"),

  'stopAndResume#4': engineApi('recovers a saved bpmn-elements state into an altered version of the model'),
  'stopAndResume#5': engineApi(
    'stops at the activity.execution.completed message and asserts the bpmn-elements messages emitted around it',
  ),

  // Unblocked by boundary events, error, escalation, signal and link events and event sub-processes.
  'BoundaryEvent#2': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#3': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#4': runs(),
  'BoundaryEvent#5': runs({ partial: volatileService, fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#6': runs({ partial: volatileService, fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#9': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#10': runs({ partial: 'stop and recover are played by saving and reloading the instance state' }),
  'BoundaryEvent#11': runs(),
  'Definition#3': javascript(motherOfAll),
  'Definition#4': javascript(motherOfAll),
  'Definition#7': javascript(motherOfAll),
  'Process#14': runs({ partial: volatileService }),
  'Process#15': runs(),
  'Process#16': runs(),
  'Process#18': runs(),
  'Process#21': runs({
    partial:
      '"end event is discarded": bpmn-elements discards the end event a second time through the untaken boundary ' +
      'flow (dead-path elimination, which Operon does not have); the test asserts the end event was reached once',
  }),
  'Process#22': javascript(motherOfAll),
  'Process#23': javascript(motherOfAll),
  'activity-status#8': engineApi(
    "bpmn-elements' activity status API and its strict mode for JavaScript service errors",
  ),
  'backward-compatability#1': engineApi('recovers a state saved by bpmn-elements version 5'),
  'errors#1': refused(NO_START, `the process has no start event; ${serviceErrors}`),
  'errors#2': refused(NO_START, `the process has no start event; ${anonymousError}`),
  'errors#3': runs(),
  'errors#4': runs(),
  'errors#5': runs(),
  'errors#6': runs(),
  'errors#7': runs(),
  'errors#8': runs(),
  'errors#9': engineApi('an error thrown by a bpmn-elements listener is caught by the boundary event'),
  'errors#10': runs(),
  'escalation#1': runs({
    partial:
      '"stopped at escalate": Operon runs each command to rest, so the second run is stopped and saved at the last ' +
      'rest before the escalation, while the order waits',
  }),
  'escalation#2': runs(),
  'escalation#4': runs(),
  'escalation#5': refused(NO_START, `the processes have no start events; ${anonymousEscalation}`),
  'io#1': ignoredData(dataElements),
  'issue-31#1': javascript('JavaScript services and expressions (${…}) decide the retries'),
  'issue-31#2': javascript('JavaScript services and expressions (${…}) decide the retries'),
  'issues#6': engineApi("bpmn-elements' asynchronous message formatting while timers wait, across stop and recover"),
  'linking#1': runs(),
  'linking#2': runs(),
  'linking#3': runs({
    partial:
      '"throw event is waiting as well": bpmn-elements starts the link catch event too, because it has no incoming ' +
      'flow; in BPMN and Operon a link catch event is reached only through its throw event',
  }),
  'messaging#11': runs({ partial: nonExecutableParticipants }),
  'messaging#12': runs({ partial: nonExecutableParticipants }),
  'recover-resume#2': javascript(motherOfAll),
  'recover-resume#3': engineApi("bpmn-elements' disableTrackState setting and the shape of its saved state"),
  'signal#1': javascript(tradeSignals),
  'signal#2': javascript(tradeSignals),
  'signal#3': javascript(tradeSignals),
  'signal#4': refused(NO_START, `the signal processes have no start events; ${anonymousSignal}`),
  'signal#5': refused(
    'SIGNAL_MISSING',
    `${anonymousSignal}; the catch and throw events also meet at a parallel gateway without outgoing flow (GATEWAY_WITHOUT_OUTGOING)`,
  ),
  'signal#6': refused(NO_START, `the processes have no start events; ${anonymousSignal}`),
  'signal#10': refused('MESSAGE_MISSING', `${anonymousSignal}; the message events are anonymous too`),
  'stopAndResume#3': runs(),
  'timers#3': runs(),
  'timers#4': runs(),
  'timers#5': javascript('the cycle is a JavaScript expression (${environment.variables.interval})'),
  'timers#7': runs(),
  'timers#8': runs(),
  'timers#9': runs(),

  // Unblocked by multi-instance, standard loops and call activities.
  'BoundaryEvent#7': runs({
    partial: `${volatileService}; the cardinality 3 gives three jobs, the test fails the first`,
    fails: camundaSemantics(joinAfterBoundary),
  }),
  'BoundaryEvent#8': runs({
    partial: `${volatileService}; the cardinality 3 gives three sub-process instances, the test fails the first`,
    fails: camundaSemantics(joinAfterBoundary),
  }),
  'errors#11': runs({ partial: "bpmn-elements' activity error subscription: Operon raises an incident instead" }),
  'signal#9': refused('SIGNAL_MISSING', `${anonymousSignal}; the receive tasks and message events are anonymous too`),
  'stopAndResume#1': refused(
    'MESSAGE_MISSING',
    'the receive task, message and signal events are anonymous, signalled through the bpmn-elements API',
  ),
  'sub-process#3': javascript(
    'the loop cardinality is a JavaScript expression and the inner script a JavaScript script',
  ),
  'sub-process#4': javascript(
    'the loop cardinality is a JavaScript expression and the inner script a JavaScript script',
  ),
  'swim-lanes#1': engineApi("bpmn-elements' lane API (the parent element and lane of each activity)"),
  'swim-lanes#2': engineApi("bpmn-elements' lane API (the parent element and lane of each activity)"),
  'task-loop#1': runs(),
  'task-loop#2': runs({
    partial:
      "the test counts the four calls of bpmn-elements' stopLoop service (tested before each iteration); Operon's " +
      'counterpart is the three iterations that ran before the test stopped the loop',
  }),
  'task-loop#3': runs(),
  'EventBasedGateway#1': refused('EVENT_GATEWAY_INVALID', sameTarget),
  'EventBasedGateway#2': runs(),
  'EventBasedGateway#3': refused(
    'EVENT_GATEWAY_INVALID',
    `${sameTarget}; the run is stopped and resumed through the bpmn-elements API`,
  ),
  'EventBasedGateway#4': refused(NO_START, 'the process has no start event, and its timer no time'),
  'EventBasedGateway#5': refused('EVENT_GATEWAY_INVALID', sameTarget),
  'outbound-flows#2': refused(
    'CONDITION_LANGUAGE_UNSUPPORTED',
    'the flow conditions are JavaScript scripts (the event-based gateway also has a default flow, which BPMN forbids)',
  ),
  'outbound-flows#3': refused(
    'CONDITION_LANGUAGE_UNSUPPORTED',
    'the flow conditions are JavaScript scripts (the event-based gateway also has a default flow, which BPMN forbids)',
  ),

  // Unblocked by timer, message and signal start events of a process.
  'activity-status#6': engineApi(
    "bpmn-elements' shake API and activity status while the run waits at its start events",
  ),
  'messaging#1': refused('GATEWAY_WITHOUT_OUTGOING', `${waitingStart}; the gateway has no outgoing flow`),
  'messaging#2': engineApi(waitingStart),
  'multiple-startEvent#1': refused('SIGNAL_MISSING', `${anonymousSignal}; a flow condition is JavaScript`),
  'multiple-startEvent#2': refused('SIGNAL_MISSING', `${anonymousSignal}; a flow condition is JavaScript`),
  'shake#1': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#2': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#3': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'signal#7': refused('SIGNAL_MISSING', `${anonymousSignal}; ${waitingStart}`),
  'signal#8': refused(
    'MISSING_TASK_TYPE',
    'the tasks are service tasks without a job type that log through JavaScript',
  ),
  'stopAndResume#2': engineApi('stops and resumes at the activity timer messages of a timer start event'),
  'timers#1': engineApi(`${waitingStart}; the due date of the user task is read from bpmn-elements' timer messages`),
  'timers#2': engineApi(`${waitingStart}; the timers are overridden through the bpmn-elements environment`),
  'timers#10': javascript('the time cycle of the start event is a faulty JavaScript expression (${true === "false\'})'),
  'timers#11': javascript(
    'the time cycle of the start event is a JavaScript expression (${environment.variables.timer})',
  ),
  'timers#12': engineApi(
    'stops a run waiting at a one-year timer start event and resumes it a year later through the bpmn-elements API',
  ),
  'timers#13': engineApi("overrides bpmn-elements' TimerEventDefinition parse function"),

  // Unblocked by conditional events.
  'conditional-event#1': runs({ partial: badConditionFunction }),
  'conditional-event#2': runs(),
  'conditional-event#3': runs(),
  'conditional-event#4': runs(),
  'conditional-event#5': javascript(throwingCondition),
  'conditional-event#7': javascript('the condition is an external JavaScript script resource'),
  'conditional-event#8': javascript(`${jsCondition} that answers slowly through its callback`),

  // Unblocked by ad-hoc sub-processes.
  'ad-hoc-subprocess#1': runs(),
};
