import { describe, expect, it } from 'vitest';
import { Scenario, bpmnWith, flow } from './scenario';

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
