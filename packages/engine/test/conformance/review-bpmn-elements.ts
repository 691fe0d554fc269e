// Verdicts for the bpmn-elements scenarios that parse without unsupported elements, keyed `<feature>#<index>`.
// Reviewed against each scenario's steps and, where the steps were terse, the original feature test.
import {
  camundaSemantics,
  engineApi,
  ignoredData,
  javascript,
  notDeployable,
  refused,
  runs,
  type Review,
} from './review';

const NO_START = 'NO_START_EVENT';
const definitionMessages =
  'the definition-level messages (definition.enter/start/end/leave with its id and name): Operon runs process ' +
  'instances, and a BPMN definitions document has no lifecycle of its own';
const dataElements =
  "bpmn:property values filled from data objects or data stores through data associations, read from bpmn-elements' " +
  'activity API; Operon, like Camunda 8, ignores properties, data objects, data stores and data associations';
const formatting = "bpmn-elements' message formatting extension API (the broker's format exchange)";
const takeFlow =
  'the conditions call a JavaScript service function (environment.services.takeFlow) that decides which flows are ' +
  'taken; they also sit on flows leaving a task, which Operon refuses (CONDITION_NOT_SUPPORTED)';

const anonymousMessage =
  'the boundary events have anonymous messages, which bpmn-elements triggers by signalling the element; Camunda 8 ' +
  'and Operon correlate messages by name and correlation key';
const anonymousError =
  'the error end event has no error code (an anonymous error); Camunda 8 and Operon need a code to throw';
const anonymousEscalation =
  'the escalation throw events have no escalation code; Camunda 8 and Operon need a code to throw';
const anonymousSignal =
  'the signal events have no signal reference (anonymous signals); Camunda 8 and Operon broadcast signals by name';
const serviceErrors = 'JavaScript service functions fail with or without error codes';
const volatileService =
  "bpmn-elements' JavaScript service fails through its callback; the translation plays the job worker, which " +
  'throws a BPMN error (a fail-job would retry and raise an incident instead)';
const joinAfterBoundary =
  'the task and its boundary event both lead into a parallel join: bpmn-elements completes by dead-path elimination, ' +
  'a Camunda 8 parallel gateway waits for a token on every incoming flow, so the instance waits at "join"';
const motherOfAll =
  'mother-of-all.bpmn loops on JavaScript conditions and calls JavaScript services; its sub-process also lacks a start event';
const timeoutVariable =
  'the boundary timer duration is a JavaScript expression (${environment.variables.timeout}), and the service a JavaScript function';
const nonExecutableParticipants =
  'the participant processes are not executable (no isExecutable="true"): Camunda 8 and Operon deploy only ' +
  'executable processes, so only the main process runs and is asserted';
const nonExecutableCallee =
  'the called process is not executable (isExecutable="false") and has no start event: bpmn-elements runs it from ' +
  'the same definitions; Camunda 8 and Operon deploy and call only executable processes (a call to a process that ' +
  'is not deployed is a CALLED_ELEMENT_ERROR incident, packages/runtime/test/call-activities.test.ts)';
const sameTarget =
  'event-based-gateway-with-same-target.bpmn has two flows from the gateway into one event, which Camunda 8 and ' +
  'Operon refuse; in event-based-gateway.bpmn both event paths meet at a parallel join, which in Camunda 8 waits ' +
  'for a token on each incoming flow';
const waitingStart =
  'bpmn-elements runs the definition first and waits inside the run at its message, signal or timer start events; ' +
  'Camunda 8 and Operon start a new instance when the message is published, the signal broadcast or the timer due ' +
  '(packages/runtime/test/start-events.test.ts)';
const jsCondition =
  'the condition is JavaScript (a service function or a script run when the event is signalled); Operon evaluates ' +
  'FEEL conditions whenever variables change (packages/engine/test/conditional-events.test.ts)';
const tradeSignals = 'the trade and spot price processes compute prices in JavaScript expressions and scripts';

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
  'Process#20': refused(
    NO_START,
    'the sub-process has no start event (bpmn-elements starts its user task because it has no incoming flow); ' +
      "the scenario also inspects the 'stopped' flags of bpmn-elements activities",
  ),
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

  'definition-output#1': javascript(
    'a JavaScript script task writes environment.output, which the definition hoists (and the process has no start event)',
  ),
  'definition-output#2': javascript('a JavaScript script task writes environment.output and then fails'),

  'dummy#1': runs(),

  'environment#1': engineApi(
    "inspects bpmn-elements' environment objects (variables, services, settings) of the definition, process and task",
  ),

  'errors#12': javascript(
    'JavaScript conditions that throw, on flows leaving a start event (which Operon also refuses: CONDITION_NOT_SUPPORTED)',
  ),

  'exclusive-gateway-join#1': javascript(
    'a JavaScript script task counts iterations in environment.output, which the split condition ${environment.output.count} reads',
  ),

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

  'issue-39#1': javascript('the conditions call JavaScript service functions that return promises'),

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

  'messaging#9': refused(
    'NO_START_EVENT',
    'the process has no start event, only a receive task (bpmn-elements starts it because it has no incoming ' +
      'flow); the scenario also discards the task and messages it through the bpmn-elements API',
  ),

  'noExecutableProcess#1': refused(
    'NO_PROCESS',
    'runs a process marked isExecutable="false" by naming it; Operon, like Camunda 8, runs only executable ' +
      'processes (that process also throws a signal, which Operon does not run yet)',
  ),

  'outbound-flows#1': runs(),

  'recover-resume#1': engineApi("bpmn-elements' disableTrackState setting and the shape of its saved state"),

  'script#1': javascript('registering a script task whose script format bpmn-elements does not support'),

  'service-task#1': engineApi('recovers and resumes a bpmn-elements run while its JavaScript service is executing'),

  'shake#4': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#5': engineApi("bpmn-elements' shake API (computes run sequences without running)"),

  'stopAndResume#4': engineApi('recovers a saved bpmn-elements state into an altered version of the model'),
  'stopAndResume#5': engineApi(
    'stops at the activity.execution.completed message and asserts the bpmn-elements messages emitted around it',
  ),

  // Unblocked by boundary events, error, escalation, signal and link events and event sub-processes.
  'BoundaryEvent#2': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#3': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#4': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#5': runs({ partial: volatileService, fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#6': runs({ partial: volatileService, fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#9': refused('MESSAGE_MISSING', anonymousMessage),
  'BoundaryEvent#10': runs({ partial: 'stop and recover are played by saving and reloading the instance state' }),
  'BoundaryEvent#11': runs(),
  'Definition#3': javascript(motherOfAll),
  'Definition#4': javascript(motherOfAll),
  'Definition#7': javascript(motherOfAll),
  'Process#14': runs({ partial: volatileService }),
  'Process#15': javascript(timeoutVariable),
  'Process#16': javascript(timeoutVariable),
  'Process#18': javascript(timeoutVariable),
  'Process#21': refused(
    NO_START,
    'the process has no start event; its boundary timer reads ${environment.variables.timeout}',
  ),
  'Process#22': javascript(motherOfAll),
  'Process#23': javascript(motherOfAll),
  'activity-status#8': engineApi(
    "bpmn-elements' activity status API and its strict mode for JavaScript service errors",
  ),
  'backward-compatability#1': engineApi('recovers a state saved by bpmn-elements version 5'),
  'errors#1': refused(NO_START, `the process has no start event; ${serviceErrors}`),
  'errors#2': refused(NO_START, `the process has no start event; ${anonymousError}`),
  'errors#3': refused(NO_START, `the process has no start event; ${anonymousError}`),
  'errors#4': refused(NO_START, `the process has no start event; ${anonymousError}`),
  'errors#5': refused(NO_START, `the process has no start event; ${anonymousError}`),
  'errors#6': refused(NO_START, `the process has no start event; ${serviceErrors}`),
  'errors#7': javascript('the amount threshold and the signal are JavaScript expressions (${…}) on flows and tasks'),
  'errors#8': refused(NO_START, `the process has no start event; ${serviceErrors}`),
  'errors#9': engineApi('an error thrown by a bpmn-elements listener is caught by the boundary event'),
  'errors#10': refused(NO_START, `the process has no start event; ${serviceErrors} (and bpmn-elements' strict mode)`),
  'escalation#1': javascript('the amount threshold is a JavaScript expression (${…}) on the flows'),
  'escalation#2': refused(NO_START, `the processes have no start events; ${anonymousEscalation}`),
  'escalation#4': refused(NO_START, `the processes have no start events; ${anonymousEscalation}`),
  'escalation#5': refused(NO_START, `the processes have no start events; ${anonymousEscalation}`),
  'io#1': ignoredData(dataElements),
  'issue-31#1': javascript('JavaScript services and expressions (${…}) decide the retries'),
  'issue-31#2': javascript('JavaScript services and expressions (${…}) decide the retries'),
  'issues#6': engineApi("bpmn-elements' asynchronous message formatting while timers wait, across stop and recover"),
  'linking#1': javascript('the two flows log through JavaScript script tasks, which is what the scenario asserts'),
  'linking#2': javascript('a JavaScript condition (${environment.variables.condition}) and script tasks'),
  'linking#3': refused(NO_START, 'the process has no start event; the decision is a JavaScript expression'),
  'messaging#11': runs({ partial: nonExecutableParticipants }),
  'messaging#12': runs({ partial: nonExecutableParticipants }),
  'recover-resume#2': javascript(motherOfAll),
  'recover-resume#3': engineApi("bpmn-elements' disableTrackState setting and the shape of its saved state"),
  'signal#1': javascript(tradeSignals),
  'signal#2': javascript(tradeSignals),
  'signal#3': javascript(tradeSignals),
  'signal#4': refused(NO_START, `the signal processes have no start events; ${anonymousSignal}`),
  'signal#5': refused('SIGNAL_MISSING', anonymousSignal),
  'signal#6': refused(NO_START, `the processes have no start events; ${anonymousSignal}`),
  'signal#10': refused('MESSAGE_MISSING', `${anonymousSignal}; the message events are anonymous too`),
  'stopAndResume#3': engineApi("stops at bpmn-elements' activity.timer messages of the second boundary timer"),
  'timers#3': runs(),
  'timers#4': runs(),
  'timers#5': javascript('the cycle is a JavaScript expression (${environment.variables.interval})'),
  'timers#7': refused(NO_START, 'the process has no start event (a user task with a bound timer)'),
  'timers#8': refused(NO_START, 'the process has no start event (a user task with a bound timer)'),
  'timers#9': refused(NO_START, 'the process has no start event (a sub-process with a bound timer)'),

  // Unblocked by multi-instance, standard loops and call activities.
  'BoundaryEvent#7': runs({
    partial: `${volatileService}; the cardinality 3 gives three jobs, the test fails the first`,
    fails: camundaSemantics(joinAfterBoundary),
  }),
  'BoundaryEvent#8': runs({
    partial: `${volatileService}; the cardinality 3 gives three sub-process instances, the test fails the first`,
    fails: camundaSemantics(joinAfterBoundary),
  }),
  'call-activity#1': notDeployable(nonExecutableCallee),
  'call-activity#2': notDeployable(`${nonExecutableCallee}; its service is a JavaScript function`),
  'call-activity#3': notDeployable(nonExecutableCallee),
  'call-activity#4': notDeployable(nonExecutableCallee),
  'call-activity#5': notDeployable(`${nonExecutableCallee}; stop, resume and the execute queue are bpmn-elements API`),
  'call-activity#6': notDeployable(`${nonExecutableCallee}; stop, resume and the execute queue are bpmn-elements API`),
  'call-activity#7': engineApi(
    'a call to a process that does not exist waits until the call activity is signalled through the bpmn-elements ' +
      'API; Operon, like Camunda 8, raises a CALLED_ELEMENT_ERROR incident instead',
  ),
  'call-activity#8': javascript(
    'the called element is a JavaScript expression (${environment.services.getProcessById(…)})',
  ),
  'call-activity#9': notDeployable(
    `${nonExecutableCallee}; the run is stopped and recovered through the bpmn-elements API`,
  ),
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
  'task-loop#1': refused(NO_START, 'the process has no start event; the loop condition is a JavaScript service call'),
  'task-loop#2': refused(NO_START, 'the process has no start event; the loop condition is a JavaScript service call'),
  'task-loop#3': refused(NO_START, 'the process has no start event; the loop condition is a JavaScript service call'),

  // Unblocked by the event-based gateway.
  'EventBasedGateway#1': refused('EVENT_GATEWAY_INVALID', sameTarget),
  'EventBasedGateway#2': refused(
    'ERROR_CODE_MISSING',
    `${anonymousError}; the gateway itself (a message and a timer after a user task) runs, see packages/engine/test/event-based-gateway.test.ts`,
  ),
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
  'conditional-event#1': javascript(jsCondition),
  'conditional-event#2': javascript(`${jsCondition}; the bound event is signalled through the bpmn-elements API`),
  'conditional-event#3': javascript(`${jsCondition}; the run is stopped and recovered through the bpmn-elements API`),
  'conditional-event#4': javascript(`${jsCondition}; it is signalled through the bpmn-elements API`),
  'conditional-event#5': javascript(`${jsCondition} that throws`),
  'conditional-event#7': javascript('the condition is an external JavaScript script resource'),
  'conditional-event#8': javascript(`${jsCondition} that answers slowly through its callback`),

  // Unblocked by ad-hoc sub-processes.
  'ad-hoc-subprocess#1': refused(
    'SIGNAL_MISSING',
    `${anonymousSignal}; without it the ad-hoc sub-process runs every task without incoming flows ` +
      '(packages/engine/test/ad-hoc-sub-process.test.ts)',
  ),
};
