// Verdicts for the bpmn-engine scenarios that parse without unsupported elements, keyed `<feature>#<index>`.
import { camundaSemantics, engineApi, ignoredData, javascript, refused, runs, type Review } from './review';

const motherOfAll =
  'mother-of-all.bpmn loops on JavaScript conditions and calls JavaScript services; its sub-process also lacks a start event';

const jsCondition =
  'the condition is JavaScript (a service function or a script run when the event is signalled); Operon evaluates ' +
  'FEEL conditions whenever variables change (packages/engine/test/conditional-events.test.ts)';

const extension = (what: string): Review => engineApi(`a bpmn-engine extension ${what}`);

export const bpmnEngineReview: Readonly<Record<string, Review>> = {
  'Engine#2': refused(
    'MESSAGE_MISSING',
    'messages travel along message flows between two lanes/pools: the catch event names no message and the ' +
      'sending process is not executable; Camunda 8 and Operon correlate messages by name and correlation key',
  ),
  'Engine#3': extension('fetches forms for user tasks and saves their output in the environment'),

  'backward-compatibility#1': engineApi('recovers a state saved by bpmn-engine version 13'),

  'engine-output#2': javascript('a JavaScript script task writes output and then fails'),

  'extend#1': extension('fetches forms for user tasks and saves their output in the environment'),
  'extend#2': javascript('the service task calls a JavaScript service expression function'),
  'extend#3': javascript("bpmn-engine's scripts option runs the JavaScript script tasks"),
  'extend#4': extension('function (extendFn) that maps element behaviour'),
  'extend#5': extension('that puts extension element data on the event messages'),
  'extend#6': engineApi(
    'replaces the exclusive gateway behaviour with one that publishes a decision message and waits for a signal',
  ),
  'extend#7': javascript('an extension executes a script from the extension elements when the task starts'),

  'issue-163#1': runs(),
  'issue-199#1': runs(),
  'issues#1': engineApi(
    'stops, resumes and recovers runs from states saved at different points and asserts discard counters; ' +
      'JavaScript services decrement the loop counter',
  ),
  'issues#2': runs(),
  'issues#3': runs(),
  'issues#5': ignoredData('reads bpmn:property and data object references from the activity API'),

  'multiple-sources#2': engineApi(
    "runs three definitions in one engine and asserts the engine's activity status (the models also lack start events)",
  ),
  'multiple-sources#3': engineApi('runs two definitions in one engine and asserts its status bookkeeping'),

  'resume#1': engineApi('recovers bpmn-engine with settings and source contexts'),
  'resume#2': engineApi(
    'recovers a running engine instance with options and listeners (the model also has a JavaScript script task ' +
      'and no start event)',
  ),

  'scripts#1': javascript("bpmn-engine's dummy-script option for an empty script task"),
  'scripts#2': javascript('a JavaScript script task with setTimeout'),
  'scripts#3': javascript('a JavaScript script task with a long setTimeout, stopped mid-run'),

  'shake#1': engineApi("bpmn-engine's shake API (computes run sequences without running)"),

  // Unblocked by boundary events, error, escalation, signal and link events and event sub-processes.
  'Engine#1': javascript(motherOfAll),
  'Engine#4': javascript(motherOfAll),
  'Engine#5': javascript(motherOfAll),
  'issue-172#1': engineApi('postpones the intermediate throw event through message formatting'),
  'issues#4': runs({
    fails: camundaSemantics(
      'the signal interrupts the other manual task, whose boundary event has no outgoing flow, so no token ever ' +
        'reaches the parallel join on that path: bpmn-elements completes by dead-path elimination, a Camunda 8 ' +
        'parallel gateway waits for a token on every incoming flow',
    ),
  }),
  'multiple-sources#1': refused(
    'NO_PROCESS',
    'send-signal.bpmn has no executable process; the trade processes compute prices in JavaScript, across two ' +
      'definitions in one engine',
  ),
  'timers#2': engineApi('registers arbitrary timers through the bpmn-engine environment'),

  // Unblocked by multi-instance, standard loops and call activities.
  'engine-output#1': runs({
    partial:
      'the second Given: a call activity into a process of the same definitions that is not executable, which ' +
      'Operon does not deploy or call',
  }),
  'extend#8': extension('replaces the CallActivity element behaviour'),
  'issue-187#1': javascript(
    'the handler collection, cardinality and completion condition are JavaScript expressions, and a flow condition is JavaScript',
  ),
  'issues#6': engineApi(
    "strips bpmn-engine's id and execution id from the looped task's output, and a listener throws the bound error",
  ),

  // Unblocked by timer, message and signal start events of a process.
  'timers#1': engineApi(
    'bpmn-engine runs the definition and waits inside the run at its timer start event; Camunda 8 and Operon start ' +
      'a new instance when the timer is due (packages/runtime/test/start-events.test.ts)',
  ),
  'timers#3': engineApi(
    "asserts that bpmn-engine's execute call fails; Operon raises an incident for the invalid boundary timer date " +
      'and never starts the process by the invalid timer start cycle',
  ),

  // Unblocked by conditional events.
  'conditional-event#1': runs({
    partial:
      'the last run replaces the condition\'s JavaScript function by one that throws ("run fails"); the condition ' +
      'has one FEEL translation, with no throwing counterpart',
  }),
  'conditional-event#2': runs(),
  'conditional-event#3': javascript(`${jsCondition} that answers slowly through its callback`),
  'conditional-event#4': runs(),
  'conditional-event#5': runs(),
  'conditional-event#6': javascript(
    `${jsCondition}: reading content.foo.bar throws a TypeError when the event is signalled, and the run fails; its ` +
      'FEEL counterpart (signal.foo.bar) gives null, which a conditional event reads as not satisfied',
  ),
};
