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
    'the messages are the message flows themselves: bpmn-engine sends one along each message flow when its ' +
      'source, a plain task (task1, completeTask), completes, to an anonymous message start event and an anonymous ' +
      'catch event; in Camunda 8 and Operon message flows are not executed and a plain task sends nothing, so the ' +
      'behaviour under test is the dialect itself',
  ),
  'Engine#3': extension('fetches forms for user tasks and saves their output in the environment'),

  'backward-compatibility#1': engineApi('recovers a state saved by bpmn-engine version 13'),

  'engine-output#2': javascript(
    'a JavaScript script task writes environment.output and then fails, and the output it wrote is kept; a FEEL ' +
      'script task sets its result variable only when its one expression succeeds',
  ),

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
    "most Then-steps are bpmn-engine's discard counters (dead-path elimination, which Operon, like Camunda 8, does " +
      'not do), counted over runs stopped, resumed and recovered from states saved at different points, including ' +
      'the counters inside a saved state before and after it is resumed; JavaScript services decrement the loop ' +
      'counter',
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

  'scripts#1': runs({
    partial:
      "the second run, with bpmn-engine's dummy script enabled (an empty script task runs as a no-op): an engine " +
      'option Operon does not have',
  }),
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
  'multiple-sources#1': engineApi(
    "the steps assert bpmn-engine's execution output (an extension fills it from the user tasks' forms and " +
      "JavaScript expressions, e.g. the approve form's default ${environment.variables.message.price}), the tasks " +
      'returned by getActivityById, the stopped flags and the activity status of one engine running two ' +
      'definitions; send-signal.bpmn also has no executable process (NO_PROCESS), and its government process is run ' +
      'by naming it',
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
    "the approval check is a JavaScript script that loops over the handlers' outputs and hands its verdict to a " +
      "JavaScript service (set_value), which the gateway's condition reads back (get_value); the verdict rests on " +
      'a JavaScript quirk (`passed &= true` turns true into 1, so `=== true` holds only when no handler passed), ' +
      'which the stated outcomes follow: no FEEL translation keeps both the evident intent and those outcomes',
  ),
  'issues#6': engineApi(
    "an extension strips bpmn-engine's id and execution id from the looped task's output in the environment, and a " +
      "listener throws the bound error from the waiting manual task through bpmn-engine's emitFatal; the first part " +
      '(a user task and its boundary timer into a parallel join) would also wait in Camunda 8 for the untaken path',
  ),

  // Unblocked by timer, message and signal start events of a process.
  'timers#1': engineApi(
    'bpmn-engine runs the definition and waits inside the run at its timer start event; Camunda 8 and Operon start ' +
      'a new instance when the timer is due (packages/runtime/test/start-events.test.ts); the run also moves on by ' +
      "cancelling the catch event through bpmn-engine's activity API, and asserts its activity status",
  ),
  'timers#3': runs(),

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
