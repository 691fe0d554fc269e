import { describe, expect, it } from 'vitest';
import { Scenario, bpmnWith, compensationHandler, flow, serviceTask, userTask } from './scenario';

/** A service task with a compensation handler `undo-<id>` (a job). */
const compensable = (id: string): string => `${serviceTask(id)}${compensationHandler(id)}`;

/**
 * start → booking (transaction: hotel → flight → review (user task) → decision: cancel end event, an error end
 * event, or the end) → done; the transaction's cancel boundary event leads to `cancelled`, its error boundary
 * event to `failed`. Beside the review, a `watch` job runs in parallel inside the transaction.
 */
const BOOKING = bpmnWith(
  '<bpmn:error id="broken" errorCode="BROKEN"/>',
  `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'booking')}
  <bpmn:transaction id="booking">
    <bpmn:startEvent id="t-start"/>${flow('t1', 't-start', 'hotel')}${compensable('hotel')}${flow('t2', 'hotel', 'flight')}
    ${compensable('flight')}${flow('t3', 'flight', 'fork')}<bpmn:parallelGateway id="fork"/>
    ${flow('t4', 'fork', 'review')}${userTask('review')}${flow('t5', 'fork', 'watch')}${serviceTask('watch')}
    ${flow('t6', 'review', 'decision')}<bpmn:exclusiveGateway id="decision" default="t9"/>
    ${flow('t7', 'decision', 'cancel', '=choice = "cancel"')}<bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition/></bpmn:endEvent>
    ${flow('t8', 'decision', 'break', '=choice = "break"')}<bpmn:endEvent id="break"><bpmn:errorEventDefinition errorRef="broken"/></bpmn:endEvent>
    ${flow('t9', 'decision', 't-end')}<bpmn:endEvent id="t-end"/>
  </bpmn:transaction>
  <bpmn:boundaryEvent id="on-cancel" attachedToRef="booking"><bpmn:cancelEventDefinition/></bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="on-error" attachedToRef="booking"><bpmn:errorEventDefinition errorRef="broken"/></bpmn:boundaryEvent>
  ${flow('f2', 'booking', 'done')}<bpmn:endEvent id="done"/>
  ${flow('f3', 'on-cancel', 'cancelled')}<bpmn:endEvent id="cancelled"/>
  ${flow('f4', 'on-error', 'failed')}<bpmn:endEvent id="failed"/>`,
);

async function bookedAndReviewing(): Promise<Scenario> {
  const scenario = await Scenario.of(BOOKING);
  scenario.start().completeJob('hotel').completeJob('flight');
  return scenario;
}

describe('transactions', () => {
  it('given a transaction whose work completes, then it runs as a sub-process and leaves by its outgoing flow', async () => {
    const scenario = await bookedAndReviewing();

    scenario.completeUserTask('review', { choice: 'ok' }).completeJob('watch');

    expect(scenario.completed()).toEqual(expect.arrayContaining(['booking', 'done']));
    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.status).toBe('completed');
  });

  it('given a cancel end event, then the rest of the transaction ends, its completed activities are compensated in reverse order, and it leaves by its cancel boundary event', async () => {
    const scenario = await bookedAndReviewing();

    scenario.completeUserTask('review', { choice: 'cancel' });

    expect(scenario.terminated()).toEqual(['watch']);
    expect(scenario.active()).toEqual(['booking', 'cancel', 'undo-flight']);
    scenario.completeJob('undo-flight');
    expect(scenario.openJobTypes()).toEqual(['undo-hotel']);
    scenario.completeJob('undo-hotel');

    expect(scenario.terminated()).toEqual(['watch', 'cancel', 'booking']);
    expect(scenario.completed().slice(-3)).toEqual(['undo-hotel', 'on-cancel', 'cancelled']);
    expect(scenario.completed()).not.toContain('done');
    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given a cancel end event with nothing to compensate, then the transaction leaves by its cancel boundary event at once', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'tx')}
        <bpmn:transaction id="tx"><bpmn:startEvent id="t1"/>${flow('t2', 't1', 'cancel')}
          <bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition/></bpmn:endEvent></bpmn:transaction>
        <bpmn:boundaryEvent id="on-cancel" attachedToRef="tx"><bpmn:cancelEventDefinition/></bpmn:boundaryEvent>
        ${flow('f2', 'tx', 'done')}<bpmn:endEvent id="done"/>${flow('f3', 'on-cancel', 'cancelled')}<bpmn:endEvent id="cancelled"/>`,
      ),
    );

    scenario.start();

    expect(scenario.completed()).toEqual(['start', 't1', 'on-cancel', 'cancelled']);
    expect(scenario.status).toBe('completed');
  });

  it('given a multi-instance transaction, then a cancel end event in one iteration leaves by the cancel boundary event of the whole activity', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'tx')}
        <bpmn:transaction id="tx"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality>
          </bpmn:multiInstanceLoopCharacteristics><bpmn:startEvent id="t1"/>${flow('t2', 't1', 'hotel')}${compensable('hotel')}
          ${flow('t3', 'hotel', 'cancel')}<bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition/></bpmn:endEvent></bpmn:transaction>
        <bpmn:boundaryEvent id="on-cancel" attachedToRef="tx"><bpmn:cancelEventDefinition/></bpmn:boundaryEvent>
        ${flow('f2', 'tx', 'done')}<bpmn:endEvent id="done"/>${flow('f3', 'on-cancel', 'cancelled')}<bpmn:endEvent id="cancelled"/>`,
      ),
    );
    scenario.start();
    const [first] = Object.values(scenario.state?.jobs ?? {});

    scenario.when({ type: 'complete-job', jobKey: first!.key, variables: {} });
    scenario.completeJob('undo-hotel');

    expect(scenario.completed().slice(-2)).toEqual(['on-cancel', 'cancelled']);
    expect(scenario.terminated().filter((id) => id === 'tx')).toHaveLength(3);
    expect(scenario.status).toBe('completed');
  });

  it('given an error leaving the transaction by its error boundary event, then nothing is compensated (a hazard, not a cancellation)', async () => {
    const scenario = await bookedAndReviewing();

    scenario.completeUserTask('review', { choice: 'break' });

    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.events.some((event) => event.type === 'compensation-started')).toBe(false);
    expect(scenario.completed().slice(-2)).toEqual(['on-error', 'failed']);
    expect(scenario.state?.compensable).toEqual({});
    expect(scenario.status).toBe('completed');
  });
});
