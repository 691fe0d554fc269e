import { describe, expect, it } from 'vitest';
import { Scenario, bpmnWith, flow } from './scenario';

const ROOTS =
  '<bpmn:message id="paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>' +
  '<bpmn:signal id="cancel" name="cancel"/>';

/** start → gateway → (payment message | one-day timer | cancel signal | receive task) → an end each. */
const MODEL = bpmnWith(
  ROOTS,
  `<bpmn:startEvent id="start"/>${flow('f0', 'start', 'gw')}<bpmn:eventBasedGateway id="gw"/>
   ${flow('f1', 'gw', 'payment')}<bpmn:intermediateCatchEvent id="payment"><bpmn:messageEventDefinition messageRef="paid"/></bpmn:intermediateCatchEvent>
   ${flow('f2', 'gw', 'timeout')}<bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
   ${flow('f3', 'gw', 'cancelled')}<bpmn:intermediateCatchEvent id="cancelled"><bpmn:signalEventDefinition signalRef="cancel"/></bpmn:intermediateCatchEvent>
   ${flow('f4', 'payment', 'shipped')}<bpmn:endEvent id="shipped"/>
   ${flow('f5', 'timeout', 'expired')}<bpmn:endEvent id="expired"/>
   ${flow('f6', 'cancelled', 'voided')}<bpmn:endEvent id="voided"/>`,
);

describe('event-based gateway', () => {
  it('given an event-based gateway, then it waits for every event after it at once', async () => {
    const scenario = await Scenario.of(MODEL);
    scenario.start({ orderId: 'o-1' });

    expect(scenario.active()).toEqual(['gw']);
    expect(scenario.subscription('payment').correlationKey).toBe('o-1');
    expect(scenario.timer('timeout').dueAt).toBe(86_400_000);
    expect(Object.values(scenario.state?.signalSubscriptions ?? {}).map((s) => s.elementId)).toEqual(['cancelled']);
  });

  it('when the message arrives first, then its path is taken with its variables and the other waits end', async () => {
    const scenario = await Scenario.of(MODEL);
    scenario.start({ orderId: 'o-1' });

    scenario.correlate('payment', { amount: 10 });

    expect(scenario.completed()).toEqual(['start', 'gw', 'payment', 'shipped']);
    expect(scenario.takenFlows()).toEqual(['f0', 'f1', 'f4']);
    expect(scenario.variables()).toEqual({ orderId: 'o-1', amount: 10 });
    expect(scenario.timers()).toEqual([]);
    expect(scenario.effects).toContainEqual({ type: 'close-signal-subscription', subscriptionKey: expect.any(Number) });
    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('when the timer fires first, then the timer path is taken', async () => {
    const scenario = await Scenario.of(MODEL);
    scenario.start({ orderId: 'o-1' });

    scenario.fireTimer('timeout');

    expect(scenario.completed()).toEqual(['start', 'gw', 'timeout', 'expired']);
    expect(scenario.subscriptions()).toEqual([]);
  });

  it('when the signal comes first, then the signal path is taken', async () => {
    const scenario = await Scenario.of(MODEL);
    scenario.start({ orderId: 'o-1' });
    const subscription = Object.values(scenario.state?.signalSubscriptions ?? {})[0];

    scenario.when({ type: 'trigger-signal', subscriptionKey: subscription?.key ?? -1 });

    expect(scenario.completed()).toEqual(['start', 'gw', 'cancelled', 'voided']);
  });
});
