// Reasons that several bpmn-elements verdicts share (review-bpmn-elements.ts).

export const NO_START = 'NO_START_EVENT';
export const definitionMessages =
  'the definition-level messages (definition.enter/start/end/leave with its id and name): Operon runs process ' +
  'instances, and a BPMN definitions document has no lifecycle of its own';
export const dataElements =
  "bpmn:property values filled from data objects or data stores through data associations, read from bpmn-elements' " +
  'activity API; Operon, like Camunda 8, ignores properties, data objects, data stores and data associations';
export const formatting = "bpmn-elements' message formatting extension API (the broker's format exchange)";
export const takeFlow =
  'the conditions call a JavaScript service function (environment.services.takeFlow) that decides which flows are ' +
  'taken; they also sit on flows leaving a task, which Operon refuses (CONDITION_NOT_SUPPORTED)';

export const anonymousMessage =
  'the boundary events have anonymous messages, which bpmn-elements triggers by signalling the element; Camunda 8 ' +
  'and Operon correlate messages by name and correlation key';
export const anonymousError =
  'the error end event has no error code (an anonymous error); Camunda 8 and Operon need a code to throw';
export const anonymousEscalation =
  'the escalation throw events have no escalation code; Camunda 8 and Operon need a code to throw';
export const anonymousSignal =
  'the signal events have no signal reference (anonymous signals); Camunda 8 and Operon broadcast signals by name';
export const serviceErrors = 'JavaScript service functions fail with or without error codes';
export const volatileService =
  "bpmn-elements' JavaScript service fails through its callback; the translation plays the job worker, which " +
  'throws a BPMN error (a fail-job would retry and raise an incident instead)';
export const joinAfterBoundary =
  'the task and its boundary event both lead into a parallel join: bpmn-elements completes by dead-path elimination, ' +
  'a Camunda 8 parallel gateway waits for a token on every incoming flow, so the instance waits at "join"';
export const motherOfAll =
  'mother-of-all.bpmn loops on JavaScript conditions and calls JavaScript services; its sub-process also lacks a start event';
export const nonExecutableParticipants =
  'the participant processes are not executable (no isExecutable="true"): Camunda 8 and Operon deploy only ' +
  'executable processes, so only the main process runs and is asserted';
export const sameTarget =
  'event-based-gateway-with-same-target.bpmn has two flows from the gateway into one event, which Camunda 8 and ' +
  'Operon refuse; in event-based-gateway.bpmn both event paths meet at a parallel join, which in Camunda 8 waits ' +
  'for a token on each incoming flow';
export const waitingStart =
  'bpmn-elements runs the definition first and waits inside the run at its message, signal or timer start events; ' +
  'Camunda 8 and Operon start a new instance when the message is published, the signal broadcast or the timer due ' +
  '(packages/runtime/test/start-events.test.ts)';
export const jsCondition =
  'the condition is JavaScript (a service function or a script run when the event is signalled); Operon evaluates ' +
  'FEEL conditions whenever variables change (packages/engine/test/conditional-events.test.ts)';
export const badConditionFunction =
  'the third run replaces the condition\'s JavaScript function by one that throws ("run fails"); the condition has ' +
  'one FEEL translation, with no throwing counterpart';
export const throwingCondition =
  `${jsCondition}: reading content.foo.bar throws a TypeError when the event is signalled, and the run fails; its FEEL ` +
  'counterpart (signal.foo.bar) gives null, which a conditional event reads as not satisfied, so there is no ' +
  'translation that keeps the stated failure';
export const tradeSignals = 'the trade and spot price processes compute prices in JavaScript expressions and scripts';
