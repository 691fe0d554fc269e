import { describe, expect, it } from 'vitest';
import { codesOf, executableProcess, expectDiagnostic, onlyProcess, parse } from '../test/bpmn-document';

const HANDLED_TASK = `<bpmn:task id="book" />
  <bpmn:boundaryEvent id="bookCompensation" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
  <bpmn:task id="undoBook" isForCompensation="true" />
  <bpmn:association id="link" sourceRef="bookCompensation" targetRef="undoBook" />`;

/** start → book (with its handler) → the given throw event(s) → end. */
function bookThen(thrower: string): string {
  return executableProcess(`<bpmn:startEvent id="start" />${HANDLED_TASK}
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="book" />
    <bpmn:sequenceFlow id="f2" sourceRef="book" targetRef="throw" />${thrower}`);
}

/** start → tx (a transaction: its start → the given content) → end, with the given boundary events on tx. */
function transaction(content: string, boundaries = ''): string {
  return executableProcess(`<bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tx" />
    <bpmn:transaction id="tx"><bpmn:startEvent id="txStart" />${content}</bpmn:transaction>${boundaries}
    <bpmn:sequenceFlow id="f2" sourceRef="tx" targetRef="end" /><bpmn:endEvent id="end" />`);
}

const CANCEL_END = `<bpmn:sequenceFlow id="t1" sourceRef="txStart" targetRef="cancel" />
  <bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition /></bpmn:endEvent>`;
const CANCEL_BOUNDARY = `<bpmn:boundaryEvent id="onCancel" attachedToRef="tx"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f3" sourceRef="onCancel" targetRef="cancelled" /><bpmn:endEvent id="cancelled" />`;

describe('compensation in the model', () => {
  it('reads a compensation boundary event with its handler (by association) and a throw event naming an activity', async () => {
    const process = onlyProcess(
      await parse(
        bookThen(`<bpmn:intermediateThrowEvent id="throw"><bpmn:compensateEventDefinition activityRef="book" /></bpmn:intermediateThrowEvent>
          <bpmn:sequenceFlow id="f3" sourceRef="throw" targetRef="end" /><bpmn:endEvent id="end" />`),
      ),
    );

    expect(process.nodes.get('bookCompensation')).toMatchObject({
      eventDefinition: { kind: 'compensation' },
      compensationHandlerId: 'undoBook',
    });
    expect(process.nodes.get('undoBook')).toMatchObject({ isForCompensation: true });
    expect(process.nodes.get('throw')).toMatchObject({
      eventDefinition: { kind: 'compensation', activityId: 'book', waitForCompletion: true },
    });
  });

  it('reads a compensation end event and a compensation event sub-process inside a sub-process', async () => {
    const process = onlyProcess(
      await parse(
        executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
          <bpmn:subProcess id="sub"><bpmn:startEvent id="s1" /><bpmn:sequenceFlow id="g1" sourceRef="s1" targetRef="s2" />
            <bpmn:endEvent id="s2" />
            <bpmn:subProcess id="undoSub" triggeredByEvent="true">
              <bpmn:startEvent id="c1"><bpmn:compensateEventDefinition /></bpmn:startEvent>
              <bpmn:sequenceFlow id="h1" sourceRef="c1" targetRef="c2" /><bpmn:endEvent id="c2" />
            </bpmn:subProcess></bpmn:subProcess>
          <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
          <bpmn:endEvent id="end"><bpmn:compensateEventDefinition /></bpmn:endEvent>`),
      ),
    );

    expect(process.nodes.get('c1')).toMatchObject({ eventDefinition: { kind: 'compensation' } });
    expect(process.nodes.get('end')).toMatchObject({
      eventDefinition: { kind: 'compensation', activityId: undefined },
    });
  });

  it('refuses a compensation boundary event without an associated handler with COMPENSATION_INVALID', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="book" />
        <bpmn:task id="book" /><bpmn:boundaryEvent id="c" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="book" targetRef="end" /><bpmn:endEvent id="end" />`),
    );

    expect(expectDiagnostic(outcome, 'COMPENSATION_INVALID', 'c').message).toContain('without a handler');
  });

  it('refuses a compensation handler that nothing is associated with, or that has sequence flows', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="undo" />
        <bpmn:task id="undo" isForCompensation="true" /><bpmn:sequenceFlow id="f2" sourceRef="undo" targetRef="end" />
        <bpmn:endEvent id="end" />`),
    );

    const messages = outcome.diagnostics.filter((d) => d.code === 'COMPENSATION_INVALID').map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining('no compensation boundary event is associated'),
      expect.stringContaining('with sequence flows (f1, f2)'),
    ]);
  });

  it('refuses a throw event whose activityRef is not an activity of its scope', async () => {
    const outcome = await parse(
      bookThen(`<bpmn:intermediateThrowEvent id="throw"><bpmn:compensateEventDefinition activityRef="end" /></bpmn:intermediateThrowEvent>
        <bpmn:sequenceFlow id="f3" sourceRef="throw" targetRef="end" /><bpmn:endEvent id="end" />`),
    );

    expect(expectDiagnostic(outcome, 'COMPENSATION_INVALID', 'throw').message).toContain("compensates 'end'");
  });

  it('warns that waitForCompletion="false" is ignored', async () => {
    const outcome = await parse(
      bookThen(`<bpmn:intermediateThrowEvent id="throw"><bpmn:compensateEventDefinition waitForCompletion="false" /></bpmn:intermediateThrowEvent>
        <bpmn:sequenceFlow id="f3" sourceRef="throw" targetRef="end" /><bpmn:endEvent id="end" />`),
    );

    expect(outcome.ok).toBe(true);
    expect(expectDiagnostic(outcome, 'COMPENSATION_INVALID', 'throw').severity).toBe('warning');
  });

  it('refuses a compensation event sub-process of the process itself', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
        <bpmn:endEvent id="end" /><bpmn:subProcess id="esp" triggeredByEvent="true">
          <bpmn:startEvent id="c1"><bpmn:compensateEventDefinition /></bpmn:startEvent>
          <bpmn:sequenceFlow id="h1" sourceRef="c1" targetRef="c2" /><bpmn:endEvent id="c2" /></bpmn:subProcess>`),
    );

    expect(expectDiagnostic(outcome, 'COMPENSATION_INVALID', 'esp').message).toContain('of the process itself');
  });
});

describe('transactions in the model', () => {
  it('reads a transaction as a sub-process marked transaction, with its cancel end and boundary events', async () => {
    const process = onlyProcess(await parse(transaction(CANCEL_END, CANCEL_BOUNDARY)));

    expect(process.nodes.get('tx')).toMatchObject({ kind: 'subProcess', transaction: true, startEventId: 'txStart' });
    expect(process.nodes.get('cancel')).toMatchObject({ eventDefinition: { kind: 'cancel' } });
    expect(process.nodes.get('onCancel')).toMatchObject({ eventDefinition: { kind: 'cancel' }, attachedToId: 'tx' });
  });

  it('refuses a transaction with a cancel end event but no cancel boundary event with CANCEL_EVENT_INVALID', async () => {
    const outcome = await parse(transaction(CANCEL_END));

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'CANCEL_EVENT_INVALID', 'tx').message).toContain('no cancel boundary event');
  });

  it('refuses a cancel end event outside a transaction with CANCEL_EVENT_INVALID', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="cancel" />
        <bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition /></bpmn:endEvent>`),
    );

    expect(codesOf(outcome)).toEqual(['CANCEL_EVENT_INVALID']);
    expect(expectDiagnostic(outcome, 'CANCEL_EVENT_INVALID', 'cancel').message).toContain(
      'not directly inside a transaction',
    );
  });

  it('refuses a cancel boundary event on an activity that is not a transaction', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
        <bpmn:task id="t" /><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="end" /><bpmn:endEvent id="end" />`),
    );

    expect(expectDiagnostic(outcome, 'CANCEL_EVENT_INVALID', 'b').message).toContain('not a transaction');
  });
});

describe('compensation handlers per activity', () => {
  it('refuses a second compensation boundary event on one activity with COMPENSATION_INVALID', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="book" />
        ${HANDLED_TASK}<bpmn:boundaryEvent id="again" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
        <bpmn:task id="undoAgain" isForCompensation="true" /><bpmn:association id="link2" sourceRef="again" targetRef="undoAgain" />
        <bpmn:sequenceFlow id="f2" sourceRef="book" targetRef="end" /><bpmn:endEvent id="end" />`),
    );

    expect(expectDiagnostic(outcome, 'COMPENSATION_INVALID', 'again').message).toContain(
      'second compensation boundary',
    );
  });
});
