import { describe, expect, it } from 'vitest';
import { executableProcess, expectDiagnostic, parse, startToEnd } from '../test/bpmn-document';

/** start → the task (id 't' unless told) → end. */
function withTask(task: string, id = 't'): string {
  return executableProcess(
    startToEnd(`${task}
      <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="${id}" />
      <bpmn:sequenceFlow id="out" sourceRef="${id}" targetRef="end" />`),
  );
}

const extensions = (inner: string): string => `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;

describe('task configuration', () => {
  it('refuses a service task without a job type with MISSING_TASK_TYPE, saying what to add', async () => {
    const outcome = await parse(withTask('<bpmn:serviceTask id="charge" />', 'charge'));

    expect(expectDiagnostic(outcome, 'MISSING_TASK_TYPE', 'charge').message).toBe(
      'Service task \'charge\' has no job type. Add a zeebe:taskDefinition with a type, e.g. type="payment" ' +
        '(in Camunda Modeler: Task definition > Type), so that a job worker can pick it up.',
    );
  });

  it('refuses a service task whose taskDefinition has an empty type with MISSING_TASK_TYPE', async () => {
    const outcome = await parse(
      withTask(`<bpmn:serviceTask id="t">${extensions('<zeebe:taskDefinition type=" " />')}</bpmn:serviceTask>`),
    );

    expectDiagnostic(outcome, 'MISSING_TASK_TYPE', 't');
  });

  it('refuses a script task with neither script nor job type with MISSING_TASK_TYPE', async () => {
    const outcome = await parse(withTask('<bpmn:scriptTask id="t" />'));

    expect(expectDiagnostic(outcome, 'MISSING_TASK_TYPE', 't').message).toContain('zeebe:script');
  });

  it.each([
    [
      'both a script and a job',
      '<zeebe:script expression="=1" resultVariable="r" /><zeebe:taskDefinition type="x" />',
      'both',
    ],
    ['a script without expression', '<zeebe:script resultVariable="r" />', 'without an expression'],
    ['a script without result variable', '<zeebe:script expression="=1" />', 'without a resultVariable'],
  ])('refuses a script task with %s with SCRIPT_INVALID', async (_, inner, words) => {
    const outcome = await parse(withTask(`<bpmn:scriptTask id="t">${extensions(inner)}</bpmn:scriptTask>`));

    expect(expectDiagnostic(outcome, 'SCRIPT_INVALID', 't').message).toContain(words);
  });

  it('refuses retries that are not a whole number with RETRIES_INVALID', async () => {
    const outcome = await parse(
      withTask(
        `<bpmn:serviceTask id="t">${extensions('<zeebe:taskDefinition type="x" retries="many" />')}</bpmn:serviceTask>`,
      ),
    );

    expectDiagnostic(outcome, 'RETRIES_INVALID', 't');
  });

  it('refuses a user task priority outside 0..100 with PRIORITY_INVALID', async () => {
    const outcome = await parse(
      withTask(`<bpmn:userTask id="t">${extensions('<zeebe:priorityDefinition priority="101" />')}</bpmn:userTask>`),
    );

    expectDiagnostic(outcome, 'PRIORITY_INVALID', 't');
  });

  it.each([
    ['a missing target', '<zeebe:input source="=a" />'],
    ['a blank target', '<zeebe:input source="=a" target="  " />'],
    ['a path ending in a dot', '<zeebe:input source="=a" target="order." />'],
    ['a target that is an expression', '<zeebe:output source="=a" target="=b" />'],
    ['a path with an empty segment', '<zeebe:output source="=a" target="order..id" />'],
  ])('refuses a mapping with %s with MAPPING_TARGET_INVALID', async (_, mapping) => {
    const outcome = await parse(
      withTask(`<bpmn:task id="t">${extensions(`<zeebe:ioMapping>${mapping}</zeebe:ioMapping>`)}</bpmn:task>`),
    );

    expectDiagnostic(outcome, 'MAPPING_TARGET_INVALID', 't');
  });

  it('accepts a FEEL name with blanks as a mapping target', async () => {
    const outcome = await parse(
      withTask(
        `<bpmn:task id="t">${extensions('<zeebe:ioMapping><zeebe:output source="=x" target="Current Vacation Status.days" /></zeebe:ioMapping>')}</bpmn:task>`,
      ),
    );

    expect(outcome.ok && outcome.model.processes[0]?.nodes.get('t')?.outputs[0]?.target).toBe(
      'Current Vacation Status.days',
    );
  });

  it('reads a mapping without source as null, as Camunda 8 does', async () => {
    const outcome = await parse(
      withTask(
        `<bpmn:task id="t">${extensions('<zeebe:ioMapping><zeebe:input target="x" /></zeebe:ioMapping>')}</bpmn:task>`,
      ),
    );

    expect(outcome.ok && outcome.model.processes[0]?.nodes.get('t')?.inputs).toEqual([
      { source: { kind: 'feel', expression: 'null' }, target: 'x' },
    ]);
  });
});

describe('FEEL syntax (FEEL_SYNTAX)', () => {
  it.each([
    [
      'a job type',
      '<bpmn:serviceTask id="t">' + extensions('<zeebe:taskDefinition type="=&quot;pay" />') + '</bpmn:serviceTask>',
      'job type',
    ],
    [
      'job retries',
      '<bpmn:serviceTask id="t">' +
        extensions('<zeebe:taskDefinition type="pay" retries="=1 +" />') +
        '</bpmn:serviceTask>',
      'job retries',
    ],
    [
      'a mapping source',
      '<bpmn:task id="t">' +
        extensions('<zeebe:ioMapping><zeebe:input source="=a +* b" target="c" /></zeebe:ioMapping>') +
        '</bpmn:task>',
      'source of the input mapping 1',
    ],
    [
      'an assignee',
      '<bpmn:userTask id="t">' + extensions('<zeebe:assignmentDefinition assignee="=)" />') + '</bpmn:userTask>',
      'assignee',
    ],
    [
      'a due date',
      '<bpmn:userTask id="t">' + extensions('<zeebe:taskSchedule dueDate="=now() +" />') + '</bpmn:userTask>',
      'due date',
    ],
    [
      'a script',
      '<bpmn:scriptTask id="t">' +
        extensions('<zeebe:script expression="=sum([1,2" resultVariable="r" />') +
        '</bpmn:scriptTask>',
      'script',
    ],
    [
      'an empty expression',
      '<bpmn:userTask id="t">' + extensions('<zeebe:assignmentDefinition assignee="=" />') + '</bpmn:userTask>',
      'empty',
    ],
  ])("refuses %s that is not valid FEEL, naming the element and the checker's finding", async (_, task, words) => {
    const outcome = await parse(withTask(task));

    expect(outcome.ok).toBe(false);
    const { message } = expectDiagnostic(outcome, 'FEEL_SYNTAX', 't');
    expect(message).toContain(words);
    expect(message).toMatch(/is not valid FEEL: .+/);
  });

  it('refuses a condition that is not valid FEEL, naming the flow', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" default="b" />
        <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="g" />
        <bpmn:sequenceFlow id="a" sourceRef="g" targetRef="end"><bpmn:conditionExpression>= amount &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="b" sourceRef="g" targetRef="end" /><bpmn:endEvent id="end" />`),
    );

    expect(expectDiagnostic(outcome, 'FEEL_SYNTAX', 'a').message).toContain(
      "The condition of sequence flow 'a' is not valid FEEL",
    );
  });

  it('does not check static values (no "=") as FEEL', async () => {
    const outcome = await parse(
      withTask(`<bpmn:serviceTask id="t">${extensions('<zeebe:taskDefinition type="pay (v2)" />')}</bpmn:serviceTask>`),
    );

    expect(outcome.ok).toBe(true);
  });
});
