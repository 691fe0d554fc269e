import { describe, expect, it } from 'vitest';
import { runInMemory } from '../src/index';
import { Scenario, boundary, bpmnWith, deploy, flow, serviceTask, userTask } from './scenario';

const SIGNAL = '<bpmn:signal id="sig" name="stock-arrived"/><bpmn:signal id="dyn" name="=&quot;stock-&quot; + lot"/>';
const onSignal = '<bpmn:signalEventDefinition signalRef="sig"/>';

describe('signal events', () => {
  it('given a signal catch event, then it subscribes by name and moves on with the broadcast variables', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        SIGNAL,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'wait')}
         <bpmn:intermediateCatchEvent id="wait">${onSignal}</bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end"/>`,
      ),
    );
    scenario.start();
    const [subscription] = Object.values(scenario.state?.signalSubscriptions ?? {});
    expect(subscription).toMatchObject({ elementId: 'wait', signalName: 'stock-arrived' });
    expect(scenario.effects).toContainEqual({ type: 'open-signal-subscription', subscription });

    scenario.when({ type: 'trigger-signal', subscriptionKey: subscription!.key, variables: { lot: 7 } });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ lot: 7 });
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given a signal end event, then it broadcasts the signal with its input mappings as the variables', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        SIGNAL,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'send')}
         <bpmn:endEvent id="send"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=lot" target="lot"/>
         </zeebe:ioMapping></bpmn:extensionElements><bpmn:signalEventDefinition signalRef="dyn"/></bpmn:endEvent>`,
      ),
    );

    scenario.start({ lot: 'A', other: 1 });

    expect(scenario.effects).toContainEqual({
      type: 'broadcast-signal',
      signalName: 'stock-A',
      variables: { lot: 'A' },
      excludeInstanceKey: 'instance-1',
    });
    expect(scenario.status).toBe('completed');
  });

  it('given a non-interrupting signal boundary, then each signal runs its path and the task goes on', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        SIGNAL,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'review')}${userTask('review')}${flow('f2', 'review', 'end')}
         <bpmn:endEvent id="end"/>${boundary('ping', 'review', onSignal, false)}${flow('f3', 'ping', 'notify')}${serviceTask('notify')}`,
      ),
    );
    scenario.start();
    const key = (): number => Object.values(scenario.state?.signalSubscriptions ?? {})[0]!.key;

    scenario.when({ type: 'trigger-signal', subscriptionKey: key() });
    scenario.when({ type: 'trigger-signal', subscriptionKey: key() });

    expect(scenario.openJobTypes()).toEqual(['notify', 'notify']);
    expect(scenario.active()).toContain('review');
  });

  it('given an interrupting signal event sub-process, then the signal ends the process flow', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        SIGNAL,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'work')}${serviceTask('work')}${flow('f2', 'work', 'end')}
         <bpmn:endEvent id="end"/><bpmn:subProcess id="stop" triggeredByEvent="true">
         <bpmn:startEvent id="stopStart">${onSignal}</bpmn:startEvent>${flow('s1', 'stopStart', 'stopEnd')}
         <bpmn:endEvent id="stopEnd"/></bpmn:subProcess>`,
      ),
    );
    scenario.start();
    const [subscription] = Object.values(scenario.state?.signalSubscriptions ?? {});

    scenario.when({ type: 'trigger-signal', subscriptionKey: subscription!.key });

    expect(scenario.terminated()).toEqual(['work']);
    expect(scenario.status).toBe('completed');
  });

  it('given a signal throw and catch in parallel branches of one instance, then operon run delivers the signal', async () => {
    const definition = await deploy(
      bpmnWith(
        SIGNAL,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
         ${flow('f2', 'fork', 'wait')}<bpmn:intermediateCatchEvent id="wait">${onSignal}</bpmn:intermediateCatchEvent>
         ${flow('f3', 'wait', 'e1')}<bpmn:endEvent id="e1"/>
         ${flow('f4', 'fork', 'send')}<bpmn:intermediateThrowEvent id="send">${onSignal}</bpmn:intermediateThrowEvent>
         ${flow('f5', 'send', 'e2')}<bpmn:endEvent id="e2"/>`,
      ),
    );

    const run = runInMemory(definition);

    expect(run.status).toBe('completed');
    expect(run.completedElements).toContain('wait');
  });
});
