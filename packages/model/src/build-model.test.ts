import { describe, expect, it } from 'vitest';
import {
  codesOf,
  definitions,
  executableProcess,
  expectDiagnostic,
  onlyProcess,
  parse,
  startToEnd,
} from '../test/bpmn-document';

describe('processes in a document', () => {
  it('refuses a document without any process with NO_PROCESS', async () => {
    const outcome = await parse(definitions('<bpmn:message id="m" name="hello" />'));

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'NO_PROCESS', 'definitions').message).toContain('contains no process');
  });

  it('refuses a document whose processes are not executable with NO_PROCESS, saying how to mark one', async () => {
    const outcome = await parse(definitions(`<bpmn:process id="draft">${startToEnd()}</bpmn:process>`));

    expect(expectDiagnostic(outcome, 'NO_PROCESS', 'definitions').message).toContain('isExecutable="true"');
  });

  it('skips a non-executable pool of a collaboration, unchecked, with a PROCESS_NOT_EXECUTABLE warning', async () => {
    // given an executable process and a documentation pool that uses unsupported elements
    const xml = definitions(`
      <bpmn:collaboration id="c">
        <bpmn:participant id="shop" processRef="order" /><bpmn:participant id="customer" processRef="buyer" />
      </bpmn:collaboration>
      <bpmn:process id="order" isExecutable="true">${startToEnd()}</bpmn:process>
      <bpmn:process id="buyer" isExecutable="false">
        <bpmn:startEvent id="b1"><bpmn:messageEventDefinition /></bpmn:startEvent>
      </bpmn:process>`);

    // when parsed
    const outcome = await parse(xml);

    // then the executable process is the model, and the other is only mentioned
    expect(onlyProcess(outcome).id).toBe('order');
    expect(outcome.ok && outcome.model.processes).toHaveLength(1);
    expect(codesOf(outcome)).toEqual(['PROCESS_NOT_EXECUTABLE']);
    expectDiagnostic(outcome, 'PROCESS_NOT_EXECUTABLE', 'buyer');
  });

  it('refuses a process without a none start event with NO_START_EVENT', async () => {
    const outcome = await parse(executableProcess('<bpmn:task id="t" />', 'orders'));

    expect(expectDiagnostic(outcome, 'NO_START_EVENT', 'orders').message).toContain(
      'Add a start event without an event definition',
    );
  });

  it('refuses a process with two none start events with NO_START_EVENT', async () => {
    const outcome = await parse(executableProcess('<bpmn:startEvent id="a" /><bpmn:startEvent id="b" />', 'orders'));

    expect(expectDiagnostic(outcome, 'NO_START_EVENT', 'orders').message).toContain("2 none start events ('a', 'b')");
  });

  it('accepts a process whose only start event is a timer, and refuses the timer without a time with TIMER_MISSING', async () => {
    const outcome = await parse(
      executableProcess('<bpmn:startEvent id="timer"><bpmn:timerEventDefinition /></bpmn:startEvent>'),
    );

    expect(codesOf(outcome).sort()).toEqual(['TIMER_MISSING']);
  });

  it('refuses a sub-process without a none start event with NO_START_EVENT on the sub-process', async () => {
    const outcome = await parse(
      executableProcess(`${startToEnd()}<bpmn:subProcess id="sub"><bpmn:task id="inside" /></bpmn:subProcess>`),
    );

    expect(expectDiagnostic(outcome, 'NO_START_EVENT', 'sub').message).toContain(
      "Sub-process 'sub' has no none start event",
    );
  });
});

describe('what moddle reports while reading', () => {
  it('refuses an id used twice with DUPLICATE_ID', async () => {
    const outcome = await parse(executableProcess('<bpmn:startEvent id="start" /><bpmn:task id="start" />'));

    expect(outcome.ok).toBe(false);
    expectDiagnostic(outcome, 'DUPLICATE_ID', 'start');
  });

  it('warns about a reference to an unknown id with UNRESOLVED_REFERENCE, and still runs the model', async () => {
    // given a diagram plane that points at an element that does not exist
    const xml = executableProcess(startToEnd()).replace(
      '</bpmn:definitions>',
      '<bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="gone" /></bpmndi:BPMNDiagram></bpmn:definitions>',
    );

    const outcome = await parse(xml);

    expect(outcome.ok).toBe(true);
    expect(expectDiagnostic(outcome, 'UNRESOLVED_REFERENCE', 'plane').message).toContain("refers to 'gone'");
  });
});
