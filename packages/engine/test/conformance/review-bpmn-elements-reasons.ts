// Reasons that several bpmn-elements verdicts share (review-bpmn-elements.ts).

export const NO_START = 'NO_START_EVENT';
export const definitionMessages =
  'the definition-level messages (definition.enter/start/end/leave with its id and name): Operon runs process ' +
  'instances, and a BPMN definitions document has no lifecycle of its own';
export const dataElements =
  "bpmn:property values filled from data objects or data stores through data associations, read from bpmn-elements' " +
  'activity API; Operon, like Camunda 8, ignores properties, data objects, data stores and data associations';
export const formatting = "bpmn-elements' message formatting extension API (the broker's format exchange)";

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
  'event-based-gateway-with-same-target.bpmn has two flows from the gateway into one signal event, which Camunda 8 ' +
  'and Operon refuse; the scenario is about that double flow ("first target was discarded once")';
export const joinAfterEventGateway =
  'in event-based-gateway.bpmn the signal and the timer paths meet at a parallel join: bpmn-elements completes by ' +
  'dead-path elimination of the path not chosen, a Camunda 8 parallel gateway waits for a token on every incoming ' +
  'flow, so the instance waits at "join"';
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
export const tradeSignals =
  "the Prices data store, which bpmn-elements' test fills and reads through data associations (ignored by Operon, " +
  "as by Camunda 8), is played by the test: the job worker of the spot price service (bpmn-elements' getSpotPrice, " +
  "result variable spotPrice) reads it, and the approve task's output (its form's new price) writes it; \"the trader " +
  'is presented the price" is the spotPrice variable the trade task sees, not the default of its Camunda 7 form field';
export const loopBackOnce =
  "the loop-back flow's condition is a JavaScript script with a side effect: it reads `loopback`, sets it to false " +
  'and gives what it read, so the flow is taken once; a FEEL condition cannot change a variable';
export const issue31Join =
  'issue-31.bpmn runs as stated, but issue-31-cm.bpmn joins the response and the error paths with a parallel ' +
  'gateway: the request fails, so no token leaves it by "gotResponse"; bpmn-elements completes the join by ' +
  'dead-path elimination, a Camunda 8 parallel gateway waits for a token on every incoming flow';
export const sameTargetJoins =
  'the flows that are not taken lead into parallel joins ("join" after task2 and task3, "join-task5" after task7): ' +
  'bpmn-elements completes them by dead-path elimination, a Camunda 8 parallel gateway waits for a token on every ' +
  'incoming flow';
export const signalStartRuns =
  '"the process is ran" and waits at its signal start events: in Camunda 8 and Operon a process with only signal ' +
  'start events has no instance until a broadcast signal starts one at the start event of its name, so each run ' +
  'is the instance a signal starts (anonymous signals are given names, rule 12)';
export const messageStartRuns =
  '"the definition is ran" and waits at its message start events: in Camunda 8 and Operon a process with only ' +
  'message start events has no instance until a message starts one at the start event of its name (asserted: ' +
  'the deployed process has those start events), so each run is the instance a message starts';
