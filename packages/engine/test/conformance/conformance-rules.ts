// The prose of docs/conformance.md that does not depend on the corpora: how scenarios are classified and
// translated. The rules are the ones translation.ts and the *.test.ts files apply.

export const CLASSIFICATION = `
Every scenario is classified in two steps:

1. **Automatically**, from what \`parseBpmn\` says about the scenario's models (the scenario's own models, or
   the feature's shared models when it names none), read as the corpus has them:
   - any \`UNSUPPORTED_ELEMENT\` → _not run: unsupported element_, with the element kinds (counted in the table
     above) and any other error codes: those scenarios wait for a later issue;
   - else \`MALFORMED_XML\` → _not run: model not well-formed XML_, unless the scenario's review says it **runs**:
     then its test rewrites what parseBpmn cannot read (bpmn-elements' undeclared \`js:\` extension attributes, rule
     13) into a model Operon reads, which the test proves by running, and the review decides. Of the 44 inline models
     that are not strictly well-formed, parseBpmn reports \`MALFORMED_XML\` only for those with undeclared prefixes
     (such as \`camunda:\` or \`js:\`); bpmn-moddle reads the others (an undeclared \`xsi:\` prefix on attributes, a
     raw \`&&\` inside a condition) without complaint, so they are classified by their other findings.
2. **By review** for every other scenario: its steps (and, where they are terse, the original feature test as
   published in the project's repository) were read, and the verdict is recorded in \`review-bpmn-elements.ts\`
   or \`review-bpmn-engine.ts\`. A test fails when a scenario that is not blocked automatically has no verdict, when a
   verdict names a scenario that is absent or blocked (other than a \`runs\` verdict for malformed XML), and when
   no model of a scenario reviewed as refused is refused with the diagnostic code its verdict names. So when
   parseBpmn learns a new element, the scenarios it unblocks come up for review.

A scenario **runs** when its models contain only supported elements and its stated behaviour does not depend on
JavaScript or on bpmn-elements' own API. Its test asserts every Then/And step as stated; when a step is about the
other engine's API and has no counterpart, the table says so ("not asserted: …"). A scenario that runs but whose
stated behaviour fails on Operon keeps its assertions and is marked \`it.fails\`; the table gives the reason and
whether it is a difference of Camunda 8 semantics (by design) or an engine bug.
`;

export const TRANSLATION_RULES = `
Models are rewritten at load time, mechanically, and only where the intent is clear; each test lists its
rewrites next to the corpus text, and a rewrite fails when the corpus text is not what it expects
(\`translation.ts\`).

1. **Service tasks become jobs.** A service task whose implementation is a JavaScript service
   (\`implementation="\${environment.services.fn}"\`) and whose only role is "call a service and continue" gets
   \`<zeebe:taskDefinition type="<element id>"/>\`. The test plays the job worker: the service calling back is
   completing the job; the service calling back with an error is failing the job with no retries left, or, where
   the error has a code that a boundary event expects (a bpmn-elements \`BpmnError\`, or any coded error outside its
   strict mode), the worker throwing that BPMN error. A JavaScript script task whose only role is to throw a
   \`BpmnError\` becomes a job whose worker throws it. A message throw or end event (which bpmn-elements delivers
   itself) gets a job type too, as Camunda 8 requires: its worker publishes the message by name, then completes the
   job. Where several processes exchange messages the test plays the runtime between them (\`collaboration.ts\`): a
   published message reaches the waiting subscriptions of its name and starts every deployed process with a message
   start event of that name. A message sent before anything waits for it, which bpmn-elements keeps until an
   element of the run takes it, is published with a time to live: it is kept for the first subscription of its name
   that opens, as Camunda 8 buffers it. A signal, thrown by an instance or broadcast by the test for bpmn-elements'
   \`definition.signal\`, reaches every waiting subscription of its name in every instance and starts every deployed
   process with a signal start event of that name, as in Camunda 8. Where bpmn-elements runs the definition and
   waits inside the run at message or signal start events, each message or signal starts a new instance there.
2. **Conditions become FEEL.**
   - \`\${environment.variables.x}\` → \`=x = true\`. A bpmn-elements expression gives \`undefined\` (falsy) for an
     unset variable; FEEL's \`null = true\` is false, where a bare \`=x\` would give null and raise an incident, as
     in Camunda 8.
   - \`\${true}\`, \`\${false}\` → \`=true\`, \`=false\`.
   - A flow without a condition that leaves a gateway beside its default flow → \`=true\`: bpmn-elements takes such
     a flow as if its condition held (and the default flow only when no other flow is taken), where Camunda 8 and
     Operon refuse a non-default flow without a condition.
   - A JavaScript condition script that only hands a value to its callback, \`next(null, <value>)\`, → that value
     in FEEL: \`next(null, true)\` → \`=true\`, \`next(null, 1==2)\` → \`=1 = 2\`,
     \`next(null, this.environment.variables.n>=0)\` → \`=n >= 0\`. Reading an unset variable gives \`undefined\`
     (falsy, no error), so \`next(null, environment.variables.x)\` → \`=x = true\` as above; reading a property of an
     unset variable throws a TypeError ("the run is errored"), so \`next(null, this.environment.variables.a.b)\` →
     \`=a.b\`, whose null a gateway refuses with an incident (rule 5).
   - Other JavaScript expressions whose intent is clear become the FEEL expression with the same meaning, in
     timers (\`\${environment.variables.timeout}\` → \`=timeout\`), loop conditions and conditional events. A value
     bpmn-elements keeps in \`environment.output\` (written by a script, or a user task's form output) is a process
     variable of the same name, except \`count\`, which FEEL reads as its built-in function when unset (\`loops\`).
     A test extension that writes \`environment.output[<id>]\` when an activity ends becomes the variable \`<id>\`:
     an output mapping of that element (\`output[id] = 1\` → \`<zeebe:output source="=1" target="<id>"/>\`), or,
     for a user task's output, the variable its completion sets to the signal's payload.
     A process's timer start event has no variables (Camunda 8 evaluates its timer when the process is deployed),
     so a variable the definition is given that it reads (\`\${environment.variables.timer}\`) becomes its value, as
     a FEEL string literal (\`="R3/PT1M"\`). A faulty expression keeps its fault: \`\${true === "false'}\` →
     \`=true = "false'\`.
   - A JavaScript **service** that a condition or an expression calls, which the original test defines as a value
     or as a function of the variables, becomes that value or function in FEEL: \`takeFlow(2, variables)\`, defined
     as \`variables.takeFlowIndices.includes(2)\`, → \`=list contains(takeFlowIndices, 2)\`; a service that answers
     false → \`=false\`; one that resolves, or calls back with, \`variables.condition.var1\` → \`=condition.var1\`.
   - bpmn-elements **stops** a standard loop when its condition holds (its test services are called \`stopLoop\`);
     BPMN and Operon loop while it holds, so the translation negates it, with the iteration index (from 0) read
     from \`loopCounter\` (from 1).
   - **Signalling a conditional event** sets the variable \`signal\` to the signal's message (\`{ id, … }\`):
     bpmn-elements evaluates a conditional event's condition when it is signalled, Operon whenever variables
     change. So \`properties.type === 'signal'\` (the evaluation was caused by a signal) → \`signal != null\`, and
     \`content.message.type === "create"\` → \`signal.type = "create"\`.
   - **Script tasks** whose JavaScript only computes a value (or logs one) become FEEL \`zeebe:script\` tasks with a
     result variable; the test asserts the value instead of the log. A script that only assigns values to variables
     (\`environment.variables.url = …; environment.output.result = …; next();\`) becomes a FEEL script giving the
     context of those values, with one output mapping per variable. A string variable read as a condition is true
     when set: \`\${environment.variables.url}\` → \`=url != null\`.
3. **Manual tasks that wait become user tasks.** bpmn-elements' manual task waits for a signal; Camunda 8's
   passes through. Where a scenario expects a manual task to wait, it is rewritten to a user task.
4. **Signalling a user task** is completing it, with the signal's payload as variables.
5. **A run that errors** ("run is errored", "completes with error") → an incident at the failing element, and the
   instance does not complete: Camunda 8 keeps a failed instance, with an incident, instead of ending it.
6. **Stop, save state, recover, resume.** Operon's engine is a pure function over stored state, so an instance is
   at rest between commands by construction. "Stop and save state" is serialising the instance state to JSON, as
   the runtime stores it; "recover and resume" is continuing from a parsed copy with a new driver (the event
   history is kept, as the store keeps it); "ticked" is recovering and resuming without a command; "the state is
   still the same" is the parsed copy equalling the saved state.
7. **Taken, discarded, waiting, completes.** "X is taken (N times)" → X completed (N times); "X is discarded" →
   X was never activated in that run (Operon, like Camunda 8, does not propagate discards, so there is no
   dead-path elimination to count); "X is waiting" → X is active with an open user task or job; "run completes"
   → the instance is completed.
8. **Execution sequences.** bpmn-elements' \`enter\`, \`start\`, \`end\` and \`leave\` messages map to Operon's
   \`element-activating\`, \`element-activated\`, \`element-completing\` and \`element-completed\` events, for the
   process as for its elements; \`init\`, \`discard\`, \`wait\`, \`timer\` and flow messages have no counterpart and are
   left out. Where one path runs, the test compares the whole sequence, which is stricter than bpmn-elements'
   ordered search. Where paths run concurrently, it compares the order along each path and the set of entries, not
   how the paths interleave: bpmn-elements runs a branch depth-first, Operon (like Zeebe) breadth-first.
9. **Repeated runs** of the same definition start a new instance each time; counts are per run.
10. **Timers fire by hand.** A timer that "times out" is triggered by the test after moving the virtual clock to
    its due time; the time the timer waits is asserted from its due time.
11. **"Throws on run"** for a model Operon refuses → \`parseBpmn\` returns no model and an error diagnostic.
12. **Dialect that is only incidental** is completed the way a Camunda 8 modeller would: a process or sub-process
    without a start event, where bpmn-elements starts every activity without incoming flows, gets a none start
    event with a flow to each of them; an anonymous error or escalation gets a code, an anonymous message a name
    (correlated by that name; on a catch event or a receive task) and a named message without one a correlation key,
    an anonymous signal a name (anonymous signals that bpmn-elements matches to each other get the same one); a
    gateway without an outgoing flow, where bpmn-elements ends the path, gets a none end event after it; a
    participant process that a message or a signal starts, which bpmn-elements runs although it is not marked
    executable, is marked executable. A called process marked \`isExecutable="false"\`, which bpmn-elements calls from the same
    definitions, is marked executable (and given a start event, as above); Operon reads the call activity's
    \`calledElement\` attribute as Camunda 8's \`zeebe:calledElement\` processId, so the call itself is not rewritten.
    The test plays the runtime between the calling and the called instances (\`called-processes.ts\`): a call
    activity's child is created, completed into, and cancelled with it, one command at a time.
    Scenarios whose behaviour depends on the dialect itself (two start events, a parallel join after untaken
    paths, anonymous messages sent across pools) stay not run or fail, with their reason.
13. **bpmn-elements' \`js:\` extension attributes** (its tests' JsExtension, under a prefix the models do not
    declare, so parseBpmn reads the corpus text as malformed XML) become Camunda 8's own: a multi-instance loop's
    \`js:collection="\${environment.variables.list}"\` → \`zeebe:loopCharacteristics\` with
    \`inputCollection="=list"\` and an input element \`item\` (what bpmn-elements' expressions read as
    \`content.item\`; the iteration index \`content.index\`, from 0, is \`loopCounter - 1\`); an activity's
    \`js:result="name"\` (the extension keeps the activity's output in \`environment.output.name\`) → for a
    multi-instance activity, the output collection \`name\`, filled with each iteration's output (its script's result
    variable, or the variable its job or inner job completes with); for any other activity, the attribute is removed
    and \`name\` is the variable of its output (its script's result variable, or the variable the test's job worker
    completes with). Operon, like Camunda 8, takes a multi-instance activity's instances from its input collection
    alone when it has one, where bpmn-elements also applies a \`loopCardinality\` (scenarios that depend on it fail,
    with their reason).
`;
