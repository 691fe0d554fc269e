import { describe, expect, it } from 'vitest';
import { startConditionHolds } from '../src/index';
import { Scenario, bpmn, bpmnWith, flow } from './scenario';

const MODEL = bpmnWith(
  '<bpmn:message id="m" name="order placed"/>',
  `<bpmn:startEvent id="byHand"/>${flow('f0', 'byHand', 'work')}
   <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>${flow('f1', 'byMessage', 'work')}
   <bpmn:userTask id="work"/>${flow('f2', 'work', 'end')}<bpmn:endEvent id="end"/>`,
);

describe('process start events', () => {
  it('given a message start event beside the none start event, then an instance can start at either', async () => {
    const byMessage = await Scenario.of(MODEL);
    expect(byMessage.definition.triggeredStartEventIds).toEqual(['byMessage']);

    byMessage.when({ type: 'create-instance', instanceKey: 'i', variables: { total: 5 }, startEventId: 'byMessage' });

    expect(byMessage.completed()).toEqual(['byMessage']);
    expect(byMessage.variables()).toEqual({ total: 5 });
    const byHand = (await Scenario.of(MODEL)).start();
    expect(byHand.completed()).toEqual(['byHand']);
  });

  it('refuses to start at an element that is not a start event with a trigger', async () => {
    const scenario = await Scenario.of(MODEL);

    expect(scenario.rejected({ type: 'create-instance', instanceKey: 'i', startEventId: 'work' })).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('conditional start events of a process', () => {
  const model = bpmn(`<bpmn:startEvent id="bigOrder"><bpmn:conditionalEventDefinition>
      <bpmn:condition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=amount &gt; 100</bpmn:condition>
    </bpmn:conditionalEventDefinition></bpmn:startEvent>${flow('f1', 'bigOrder', 'review')}
    <bpmn:userTask id="review"/>${flow('f2', 'review', 'end')}<bpmn:endEvent id="end"/>`);

  it('given a process started only by a conditional start event, then an instance starts there with the variables', async () => {
    const scenario = await Scenario.of(model);
    expect(scenario.definition.triggeredStartEventIds).toEqual(['bigOrder']);
    expect(scenario.definition.startEventId).toBe('');

    scenario.when({ type: 'create-instance', instanceKey: 'i', variables: { amount: 500 }, startEventId: 'bigOrder' });

    expect(scenario.completed()).toEqual(['bigOrder']);
    expect(scenario.active()).toEqual(['review']);
    expect(scenario.variables()).toEqual({ amount: 500 });
  });

  it('startConditionHolds is true only when the condition gives true', () => {
    expect(startConditionHolds('amount > 100', { amount: 500 }, 0)).toBe(true);
    expect(startConditionHolds('amount > 100', { amount: 5 }, 0)).toBe(false);
    // a missing variable gives null, which is not true
    expect(startConditionHolds('amount > 100', {}, 0)).toBe(false);
    expect(startConditionHolds('"yes"', {}, 0)).toBe(false);
  });
});
