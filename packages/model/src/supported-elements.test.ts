import { describe, expect, it } from 'vitest';
import { codesOf, executableProcess, expectDiagnostic, onlyProcess, parse, startToEnd } from '../test/bpmn-document';

/** start → element → end, so that only the element itself can be wrong. */
function around(element: string, id: string): string {
  return executableProcess(
    startToEnd(`${element}
      <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="${id}" />
      <bpmn:sequenceFlow id="out" sourceRef="${id}" targetRef="end" />`),
  );
}

describe('elements Operon does not run yet', () => {
  it.each([
    ['error start event', '<bpmn:startEvent id="x"><bpmn:errorEventDefinition /></bpmn:startEvent>'],
    ['escalation start event', '<bpmn:startEvent id="x"><bpmn:escalationEventDefinition /></bpmn:startEvent>'],
  ])('refuses a %s with UNSUPPORTED_ELEMENT, naming its type', async (label, element) => {
    // given a process using the element
    // when parsed
    const outcome = await parse(around(element, 'x'));

    // then the element is named, with what to do
    expect(outcome.ok).toBe(false);
    const { message } = expectDiagnostic(outcome, 'UNSUPPORTED_ELEMENT', 'x');
    expect(message.toLowerCase()).toContain(`${label} 'x' is not supported`);
    expect(message).toContain('Operon does not run');
  });

  it('refuses a conditional boundary event without a condition with CONDITION_MISSING', async () => {
    const outcome = await parse(
      around(
        '<bpmn:task id="t" /><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:conditionalEventDefinition /></bpmn:boundaryEvent>',
        't',
      ),
    );

    expect(expectDiagnostic(outcome, 'CONDITION_MISSING', 'b').message).toContain('without a condition');
  });

  it('refuses an event sub-process whose start event has no trigger with EVENT_SUB_PROCESS_INVALID', async () => {
    const outcome = await parse(
      around(
        '<bpmn:task id="x" /><bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="xs" /></bpmn:subProcess>',
        'x',
      ),
    );

    expect(expectDiagnostic(outcome, 'EVENT_SUB_PROCESS_INVALID', 'esp').message).toContain(
      'start event with a trigger',
    );
  });

  it('does not also report the flows of an unsupported element', async () => {
    const outcome = await parse(
      around('<bpmn:intermediateCatchEvent id="x"><bpmn:errorEventDefinition /></bpmn:intermediateCatchEvent>', 'x'),
    );

    expect(codesOf(outcome)).toEqual(['UNSUPPORTED_ELEMENT']);
  });

  it('ignores data objects and text annotations, which do not run', async () => {
    const outcome = await parse(
      executableProcess(`${startToEnd()}<bpmn:dataObject id="data" /><bpmn:dataObjectReference id="ref" dataObjectRef="data" />
        <bpmn:textAnnotation id="note"><bpmn:text>hello</bpmn:text></bpmn:textAnnotation>`),
    );

    expect(outcome.diagnostics).toEqual([]);
  });

  it('warns with UNSUPPORTED_EXTENSION about execution listeners, which are ignored', async () => {
    const outcome = await parse(
      around(
        `<bpmn:task id="t"><bpmn:extensionElements><zeebe:executionListeners>
           <zeebe:executionListener eventType="start" type="audit" />
         </zeebe:executionListeners></bpmn:extensionElements></bpmn:task>`,
        't',
      ),
    );

    expect(outcome.ok).toBe(true);
    expect(expectDiagnostic(outcome, 'UNSUPPORTED_EXTENSION', 't').message).toContain('zeebe:executionListeners');
  });

  it('warns with UNSUPPORTED_EXTENSION about a zeebe element it does not know, and still runs the model', async () => {
    const outcome = await parse(
      around(
        '<bpmn:task id="t"><bpmn:extensionElements><zeebe:somethingNew a="1" /></bpmn:extensionElements></bpmn:task>',
        't',
      ),
    );

    expect(onlyProcess(outcome).nodes.get('t')?.kind).toBe('task');
    expect(expectDiagnostic(outcome, 'UNSUPPORTED_EXTENSION', undefined).message).toContain('<zeebe:somethingNew>');
  });

  it('refuses a flow node without an id with MISSING_ID, naming its process', async () => {
    const outcome = await parse(executableProcess(`${startToEnd()}<bpmn:task name="nameless" />`));

    expect(expectDiagnostic(outcome, 'MISSING_ID', 'process').message).toContain(
      "A task without an id in process 'process'",
    );
  });

  it('refuses sub-processes nested deeper than 32 levels with NESTING_TOO_DEEP', async () => {
    // given 40 sub-processes inside each other
    let inner = '<bpmn:startEvent id="s40" />';
    for (let level = 40; level >= 1; level--) {
      inner = `<bpmn:startEvent id="s${level}" /><bpmn:subProcess id="sub${level}">${inner}</bpmn:subProcess>`;
    }

    const outcome = await parse(
      executableProcess(inner.replace('<bpmn:startEvent id="s1" />', '<bpmn:startEvent id="start" />')),
    );

    expect(outcome.ok).toBe(false);
    expectDiagnostic(outcome, 'NESTING_TOO_DEEP', 'sub33');
  });
});

describe('message throw events and send tasks', () => {
  const sender =
    '<bpmn:extensionElements><zeebe:taskDefinition type="send-invoice" retries="5" /></bpmn:extensionElements>';

  it.each([
    ['send task', 'sendTask', `<bpmn:sendTask id="x">${sender}</bpmn:sendTask>`, undefined],
    [
      'message intermediate throw event',
      'intermediateThrowEvent',
      `<bpmn:intermediateThrowEvent id="x">${sender}<bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>`,
      'message',
    ],
  ])(
    'reads a %s as a job for the worker that sends the message, as Camunda 8 does',
    async (_label, kind, element, definition) => {
      // given a process using the element with a task definition
      // when parsed
      const outcome = await parse(around(element, 'x'));

      // then it is a job: type and retries
      const node = onlyProcess(outcome).nodes.get('x');
      const job = { type: { kind: 'static', value: 'send-invoice' }, retries: { kind: 'static', value: '5' } };
      expect(node).toMatchObject(
        definition === undefined ? { kind, job } : { kind, eventDefinition: { kind: definition, job } },
      );
    },
  );

  it('reads a message end event as a job', async () => {
    const outcome = await parse(
      executableProcess(
        `<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="in" sourceRef="start" targetRef="x" />
         <bpmn:endEvent id="x">${sender}<bpmn:messageEventDefinition /></bpmn:endEvent>`,
      ),
    );

    expect(onlyProcess(outcome).nodes.get('x')).toMatchObject({
      kind: 'endEvent',
      eventDefinition: { kind: 'message', job: { type: { kind: 'static', value: 'send-invoice' } } },
    });
  });

  it.each([
    ['Send task', '<bpmn:sendTask id="x" />'],
    [
      'Intermediate throw event',
      '<bpmn:intermediateThrowEvent id="x"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>',
    ],
  ])('refuses a %s without a task definition with MISSING_TASK_TYPE, as a service task', async (label, element) => {
    const outcome = await parse(around(element, 'x'));

    expect(expectDiagnostic(outcome, 'MISSING_TASK_TYPE', 'x').message).toContain(
      `${label} 'x' has no job type. Add a zeebe:taskDefinition with a type`,
    );
  });
});

describe('conditional start events of a process', () => {
  it('accepts one as a start event with a trigger, evaluated on request', async () => {
    const outcome = await parse(
      executableProcess(
        `<bpmn:startEvent id="big"><bpmn:conditionalEventDefinition><bpmn:condition>=amount &gt; 100</bpmn:condition>
         </bpmn:conditionalEventDefinition></bpmn:startEvent>
         <bpmn:sequenceFlow id="f" sourceRef="big" targetRef="end" /><bpmn:endEvent id="end" />`,
      ),
    );

    const process = onlyProcess(outcome);
    expect(process.triggeredStartEventIds).toEqual(['big']);
    expect(process.nodes.get('big')).toMatchObject({
      eventDefinition: { kind: 'conditional', condition: 'amount > 100' },
    });
  });
});

describe('timer and message waits', () => {
  it('reads a timer catch event: its kind and its ISO 8601 text', async () => {
    const outcome = await parse(
      around(
        '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>PT15M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        'x',
      ),
    );

    expect(outcome.ok && outcome.model.processes[0]?.nodes.get('x')).toMatchObject({
      kind: 'intermediateCatchEvent',
      eventDefinition: { kind: 'timer', timerKind: 'duration', expression: { kind: 'static', value: 'PT15M' } },
    });
  });

  it('refuses a timer without a time with TIMER_MISSING', async () => {
    const outcome = await parse(
      around('<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>', 'x'),
    );

    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ code: 'TIMER_MISSING', elementId: 'x' }));
  });

  it('refuses a receive task without a message with MESSAGE_MISSING', async () => {
    const outcome = await parse(around('<bpmn:receiveTask id="x" />', 'x'));

    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ code: 'MESSAGE_MISSING', elementId: 'x' }));
  });
});
