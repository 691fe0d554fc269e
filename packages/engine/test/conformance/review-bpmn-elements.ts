// Verdicts for the bpmn-elements scenarios that parse without unsupported elements, keyed `<feature>#<index>`.
// Reviewed against each scenario's steps and, where the steps were terse, the original feature test.
import { camundaSemantics, engineApi, ignoredData, javascript, refused, runs, type Review } from './review';
import {
  NO_START,
  definitionMessages,
  dataElements,
  formatting,
  volatileService,
  joinAfterBoundary,
  motherOfAll,
  nonExecutableParticipants,
  sameTarget,
  joinAfterEventGateway,
  waitingStart,
  jsCondition,
  badConditionFunction,
  throwingCondition,
  tradeSignals,
  signalStartRuns,
  messageStartRuns,
  loopBackOnce,
  issue31Join,
  sameTargetJoins,
} from './review-bpmn-elements-reasons';

export const bpmnElementsReview: Readonly<Record<string, Review>> = {
  'Definition#1': runs({ partial: definitionMessages }),
  'Definition#2': refused(
    'MESSAGE_MISSING',
    'the messages are the message flows themselves: bpmn-elements sends one along each message flow when its ' +
      'source, a plain task (task1, completeTask), completes, to an anonymous message start event and an anonymous ' +
      'catch event; in Camunda 8 and Operon message flows are not executed and a plain task sends nothing, so the ' +
      'behaviour under test is the dialect itself',
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
    'GATEWAY_WITHOUT_OUTGOING',
    'the processes have no start event (rule 12 gives them one), but in the second the parallel join has no ' +
      'outgoing flow, which Camunda 8 and Operon refuse; in the first, bpmn-elements discards the user task still ' +
      'waiting when the other one reaches the shared end event, where a Camunda 8 instance waits for both',
  ),
  'Process#6': refused(NO_START, 'two none start events joined by a parallel gateway; Operon requires exactly one'),
  'Process#7': runs({
    fails: camundaSemantics(
      'bpmn-elements discards the untaken flow into the parallel join (dead-path elimination) and completes; ' +
        'a Camunda 8 parallel gateway waits for a token on every incoming flow, so the instance waits at "join"',
    ),
  }),
  'Process#8': runs(),
  'Process#9': runs(),
  'Process#10': runs(),
  'Process#11': runs(),
  'Process#13': runs(),
  'Process#17': runs(),
  'Process#19': runs(),
  'Process#20': runs(),
  'Process#24': runs({
    fails: camundaSemantics(
      'cancelling a bpmn-elements process completes it ("process was completed"); cancelling a Camunda 8 (and ' +
        'Operon) instance terminates it',
    ),
  }),

  'activity#1': runs(),

  'activity-io#1': ignoredData(dataElements),
  'activity-io#2': ignoredData(dataElements),
  'activity-io#3': ignoredData(dataElements),
  'activity-io#4': ignoredData(`${dataElements}; also a bpmn:ioSpecification`),
  'activity-io#5': ignoredData(`${dataElements}; the data is also recovered from a saved bpmn-elements state`),
  'activity-io#6': ignoredData(`${dataElements}; the data is also recovered from a saved bpmn-elements state`),
  'activity-io#7': ignoredData(`edge cases of ${dataElements}`),

  'definition-output#1': runs(),
  'definition-output#2': javascript(
    'a JavaScript script task writes environment.output and then fails, and the output it wrote is kept; a FEEL ' +
      'script task sets its result variable only when its one expression succeeds',
  ),

  'dummy#1': runs(),

  'environment#1': engineApi(
    "inspects bpmn-elements' environment objects (variables, services, settings) of the definition, process and task",
  ),

  'errors#12': javascript(
    'the conditions that fail are JavaScript: a service the original test defines to throw on its third call ' +
      '(the variable count starts at 2), and a script that reads a property of an unset variable inside an object ' +
      'literal; FEEL has no expression that throws, and foo.bar gives null, so there is no translation that keeps ' +
      'the stated failure',
  ),

  'exclusive-gateway-join#1': runs(),
  'expression#1': runs(),

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
  'gateway#5': runs({
    partial:
      "the promise of the second condition's asynchronous JavaScript service (evaluateRule): the FEEL condition is " +
      'the value it resolves to',
  }),

  'issue-39#1': runs({
    partial: "the promises of the conditions' JavaScript services: the FEEL conditions are the values they resolve to",
  }),
  'issue-42#1': runs({ fails: camundaSemantics(sameTargetJoins) }),
  'issue-42#2': runs({
    fails: camundaSemantics(
      `${sameTargetJoins}; in the second run both flows whose condition calls takeFlow(2) are taken into task2, ` +
        'two tokens in Camunda 8 and Operon, so task2 runs twice where bpmn-elements runs it once',
    ),
  }),
  'issue-42#3': runs({
    fails: camundaSemantics(
      `${sameTargetJoins}; the three flows taken into task2 are three tokens in Camunda 8 and Operon, so task2 ` +
        'runs three times where bpmn-elements runs it once',
    ),
  }),

  'issues#1': engineApi(
    "after the waiting user task is discarded through bpmn-elements' activity API, the Then-steps count discards " +
      '(dead-path elimination); Operon has neither discard counters nor a command that discards one element',
  ),
  'issues#2': runs({
    partial:
      '"discarded 4 times" (the user task) and "discarded twice" (the end event): bpmn-elements\' discard counters ' +
      "of dead-path elimination, which Operon, like Camunda 8, does not do; the test's extension that copies each " +
      'user task output into environment.output.usertask is the variable usertask, set to the signal payload',
  }),
  'issues#3': engineApi(
    "most Then-steps are bpmn-elements' discard counters (dead-path elimination, which Operon, like Camunda 8, does " +
      'not do), counted over runs stopped, resumed and recovered from states saved at different points, including ' +
      'the counters inside a saved state before and after it is resumed; JavaScript services decrement the loop ' +
      'counter',
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
    'the behaviour under test is running a process marked isExecutable="false" by naming it, and its recovery; ' +
      'Operon, like Camunda 8, deploys and runs only executable processes, and refuses the model (NO_PROCESS) as ' +
      'bpmn-elements refuses a run that names no process ("No executable process")',
  ),

  'outbound-flows#1': runs(),

  'recover-resume#1': engineApi("bpmn-elements' disableTrackState setting and the shape of its saved state"),

  'script#1': runs({
    partial:
      "the second run, with asynchronous formatting added through bpmn-elements' broker: the same model, refused " +
      'the same way',
  }),

  'service-task#1': runs(),
  'shake#4': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#5': engineApi("bpmn-elements' shake API (computes run sequences without running)"),

  'stopAndResume#4': engineApi(
    'recovers a state saved by one version of the model into an altered version (the first user task removed, the ' +
      'end event renamed); Operon keeps an instance on the process version it started with and has no instance ' +
      'migration (Camunda 8 migrates only through an explicit migration plan)',
  ),
  'stopAndResume#5': engineApi(
    "stops the run inside an activity, at bpmn-elements' activity.execution.completed message, and asserts the " +
      'bpmn-elements messages emitted before and after; an Operon command runs to rest, with no point inside an ' +
      "element's completion to stop at",
  ),

  // Unblocked by boundary events, error, escalation, signal and link events and event sub-processes.
  'BoundaryEvent#2': runs({ fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#3': runs({
    fails: camundaSemantics(
      `${joinAfterBoundary} (when the boundary event fires first, its token and the task's reach the join, and ` +
        'the first run completes; the second run, where the task completes alone, waits)',
    ),
  }),
  'BoundaryEvent#4': runs(),
  'BoundaryEvent#5': runs({ partial: volatileService, fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#6': runs({ partial: volatileService, fails: camundaSemantics(joinAfterBoundary) }),
  'BoundaryEvent#9': runs({ fails: camundaSemantics(joinAfterBoundary) }),
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
  'errors#1': runs(),
  'errors#2': runs({
    fails: camundaSemantics(
      'no boundary event or event sub-process catches the error the end event throws: bpmn-elements ends the ' +
        'sub-process and completes, Camunda 8 raises an incident (UNHANDLED_ERROR_EVENT) at the end event',
    ),
  }),
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
  'escalation#5': runs(),
  'io#1': ignoredData(dataElements),
  'issue-31#1': runs({ fails: camundaSemantics(issue31Join) }),
  'issue-31#2': runs({ fails: camundaSemantics(issue31Join) }),
  'issues#6': runs({
    partial:
      "bpmn-elements' asynchronous formatting extension, which every element of the run goes through (the issue " +
      'was that it kept the activity from completing after recover): no counterpart; cancelling the interrupting ' +
      "timer through bpmn-elements' timer API completes it as if it had timed out, so the translation fires it",
  }),
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
  'signal#1': runs({ partial: tradeSignals }),
  'signal#2': runs({ partial: tradeSignals }),
  'signal#3': runs({ partial: tradeSignals }),
  'signal#4': runs(),
  'signal#5': runs(),
  'signal#6': runs({
    partial:
      '"the boss is not bothered" and "the escalation process is not touched" hold trivially: those processes stay ' +
      'not executable, so Operon does not deploy them (marked executable, Operon would refuse both: the signal ' +
      'reference of the boss process names an escalation, and an escalation start event may only start an event ' +
      'sub-process)',
  }),
  'signal#10': runs({
    partial:
      'the two "wait was emitted with resumed flag" steps: bpmn-elements\' wait message of a recovered activity; ' +
      'an Operon instance is at rest between commands, and a recovered one emits nothing until the next command',
  }),
  'stopAndResume#3': runs(),
  'timers#3': runs(),
  'timers#4': runs(),
  'timers#5': runs({
    fails: camundaSemantics(
      "the cycles use bpmn-elements' ISO 8601 extensions: R-1 for endless repetitions (Camunda 8 writes R/), and " +
        'cycles bounded by an end date (<start>/<end>, R-1/<duration>/<end>), which Camunda 8 cycles ' +
        '(R[n]/[<start>/]<duration>, or cron) cannot express; Operon raises an incident at the task for each',
    ),
  }),
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
  'signal#9': engineApi(
    "how bpmn-elements' definition.signal API routes one call: without an id, with an unknown id, with an element, " +
      'message or signal id, or with the execution id of one loop iteration, and which calls each waiting element ' +
      'ignores (the start event with a form key also waits); Operon has one command per kind of wait (complete a ' +
      'user task, correlate a message, broadcast a signal), so there is nothing to route',
  ),
  'stopAndResume#1': runs({
    fails: camundaSemantics(
      'bpmn-elements waits at a start event that has a form key, and the run stops there first; in Camunda 8 a ' +
        'start form is submitted before the instance exists, so the start event never waits (js:formKey, like ' +
        'camunda:formKey, is an attribute Operon ignores); every later stop and resume passes',
    ),
  }),
  'sub-process#3': javascript(loopBackOnce),
  'sub-process#4': javascript(
    `${loopBackOnce}; the scenario also discards and fails single iterations through bpmn-elements' activity API`,
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
  // Models with bpmn-elements' js: attributes (malformed XML as written), which the tests rewrite (rule 13).
  'issues#5': runs({
    fails: camundaSemantics(
      'the sub-process has both a collection and a loop cardinality, and the runs with a cardinality leave the list ' +
        'unset: Operon, like Camunda 8 (which has no loop cardinality), takes the instances from the input ' +
        'collection alone, so the unset list raises an incident instead of giving that many instances',
    ),
  }),
  'stack-overflow#1': runs(),
  'sub-process#1': runs(),
  'sub-process#2': runs(),
  'task-loop#4': runs(),
  'task-loop#5': runs({
    fails: camundaSemantics(
      'the task has both a collection and a loop cardinality: Operon, like Camunda 8 (which has no loop ' +
        'cardinality), takes the instances from the input collection alone, so 50 items give 50 iterations, not 11',
    ),
  }),
  'task-loop#6': runs({
    fails: camundaSemantics(
      'a loop cardinality that is not a number raises an incident at the task, which no boundary event catches ' +
        '(as in Camunda 8, an expression failure is not a BPMN error), so the run with the bound anonymous error ' +
        'catcher does not complete',
    ),
  }),
  'task-loop#7': runs({
    partial:
      'the last step: a collection whose length getter throws is a JavaScript object, with no counterpart in ' +
      'process variables',
    fails: camundaSemantics(
      'FEEL does not read a boolean as a number: a loop cardinality of false or true raises an incident, where ' +
        'JavaScript reads them as 0 and 1 and the run goes through',
    ),
  }),
  'EventBasedGateway#1': runs({ fails: camundaSemantics(joinAfterEventGateway) }),
  'EventBasedGateway#2': runs(),
  'EventBasedGateway#3': runs({ fails: camundaSemantics(joinAfterEventGateway) }),
  'EventBasedGateway#4': refused(
    'TIMER_MISSING',
    'the timer event has no time, which bpmn-elements completes at once: the behaviour the scenario is about; ' +
      'Camunda 8 and Operon refuse a timer without a time (the process also has no start event)',
  ),
  'EventBasedGateway#5': refused('EVENT_GATEWAY_INVALID', sameTarget),
  'outbound-flows#2': refused(
    'CONDITION_LANGUAGE_UNSUPPORTED',
    'the flow conditions are JavaScript scripts that throw a TypeError (environment.form is unset: "an error was ' +
      'thrown"), where FEEL reads a path into null as null, without an error; the event-based gateway also has a ' +
      'default flow and a conditional flow, which Camunda 8 and Operon refuse (EVENT_GATEWAY_INVALID)',
  ),
  'outbound-flows#3': refused(
    'CONDITION_LANGUAGE_UNSUPPORTED',
    'the flow conditions are JavaScript scripts that call back with an error (next(new Error(…))), which FEEL has ' +
      'no counterpart for; the event-based gateway also has a default flow and a conditional flow, which Camunda 8 ' +
      'and Operon refuse (EVENT_GATEWAY_INVALID)',
  ),

  // Unblocked by timer, message and signal start events of a process.
  'activity-status#6': engineApi(
    "bpmn-elements' shake API and activity status while the run waits at its start events",
  ),
  'messaging#1': runs({
    partial:
      `${messageStartRuns}; "the gateway is taken and discarded": the discard is bpmn-elements' dead-path ` +
      'elimination from the start event that did not run, which Operon, like Camunda 8, does not do',
  }),
  'messaging#2': runs({
    partial:
      `${messageStartRuns}; messages 2 and 3, sent before any instance waits for them, are kept by bpmn-elements ` +
      'until an element takes them: they are published with a time to live, which Operon, like Camunda 8, keeps ' +
      'for the first subscription of their name that opens',
  }),
  'multiple-startEvent#1': runs({ partial: signalStartRuns }),
  'multiple-startEvent#2': runs({
    partial: signalStartRuns,
    fails: camundaSemantics(
      'each signal starts its own instance at its start event, so the parallel join after the two signal start ' +
        'events gets one token per instance and waits for ever; bpmn-elements runs both start events in one run',
    ),
  }),
  'shake#1': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#2': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'shake#3': engineApi("bpmn-elements' shake API (computes run sequences without running)"),
  'signal#7': runs({
    partial:
      '"the second start event waits for signal": in Camunda 8 and Operon a signal start event does not wait inside ' +
      'a running instance; the deployed process has it (asserted), and the signal thrown by the first flow starts ' +
      'a new instance there, which runs the second flow',
  }),
  'signal#8': runs({
    partial:
      'the log calls: the JavaScript scripts become FEEL scripts whose results ("task1", "task2") are asserted; the ' +
      'signal thrown by the first flow starts a new instance at the signal start event, which runs the second flow',
  }),
  'stopAndResume#2': engineApi(
    `saves and recovers a run waiting at its timer start event (PT10S), asserting bpmn-elements' activity.timer ` +
      'messages and the delays in its timers registry (the full 10 s, then less than 5 s after recovering 5 s ' +
      `later); ${waitingStart}, so no instance state holds that timer`,
  ),
  'timers#1': engineApi(
    `${waitingStart}; the run moves on by cancelling the start and catch events through bpmn-elements' activity ` +
      "API (cancelActivity), and its timers read the definition's environment variables, which an instance a timer " +
      'start event creates does not have',
  ),
  'timers#2': engineApi(`${waitingStart}; the timers are overridden through the bpmn-elements environment`),
  'timers#10': runs(),
  'timers#11': runs(),
  'timers#12': engineApi(
    'stops a run waiting at a one-year timer start event and resumes it a year later through the bpmn-elements API ' +
      '(the time cycle P1Y, a duration without repetitions, is not a Camunda 8 time cycle either)',
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
