import { describe, expect, it } from 'vitest';
import { runInMemory } from '../src/index';
import { Scenario, boundary, bpmnWith, deploy, flow, serviceTask, userTask } from './scenario';

// A signal an instance throws reaches its own subscriptions in the command that threw it, at the next step of the
// agenda (Zeebe's follow-up BROADCAST command): only those open then receive it, each once.

const SIGNAL = '<bpmn:signal id="sig" name="alarm"/>';
const onSignal = '<bpmn:signalEventDefinition signalRef="sig"/>';
const throwSignal = (id: string): string =>
  `<bpmn:intermediateThrowEvent id="${id}">${onSignal}</bpmn:intermediateThrowEvent>`;

/** start → fork → `branch` (the first path) and → throw `send` → end `e2`; `rest` is added to the process. */
function forkWithThrow(branch: string, rest = ''): string {
  return bpmnWith(
    SIGNAL,
    `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
     ${flow('f2', 'fork', branch)}${flow('f4', 'fork', 'send')}${throwSignal('send')}${flow('f5', 'send', 'e2')}
     <bpmn:endEvent id="e2"/>${rest}`,
  );
}

/** An event sub-process started by the signal, ending at once. */
function signalEventSubProcess(id: string, interrupting: boolean): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">
    <bpmn:startEvent id="${id}-start" isInterrupting="${interrupting}">${onSignal}</bpmn:startEvent>
    ${flow(`${id}-f`, `${id}-start`, `${id}-end`)}<bpmn:endEvent id="${id}-end"/></bpmn:subProcess>`;
}

/** start → fork → service task `work` → end, and → signal end event `send`; `rest` is added to the process. */
function signalEndEventBeside(rest: string): string {
  return bpmnWith(
    SIGNAL,
    `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
     ${flow('f2', 'fork', 'work')}${serviceTask('work')}${flow('f3', 'work', 'e1')}<bpmn:endEvent id="e1"/>
     ${flow('f4', 'fork', 'send')}<bpmn:endEvent id="send">${onSignal}</bpmn:endEvent>${rest}`,
  );
}

function received(scenario: Scenario): number {
  return scenario.events.filter((event) => event.type === 'signal-received').length;
}

function timesCompleted(ids: readonly string[], id: string): number {
  return ids.filter((candidate) => candidate === id).length;
}

describe('signals an instance throws to itself', () => {
  it('given a signal throw event followed by a catch event of the same signal, then the catch event misses it and waits', async () => {
    const xml = bpmnWith(
      SIGNAL,
      `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'send')}${throwSignal('send')}${flow('f2', 'send', 'wait')}
       <bpmn:intermediateCatchEvent id="wait">${onSignal}</bpmn:intermediateCatchEvent>${flow('f3', 'wait', 'end')}
       <bpmn:endEvent id="end"/>`,
    );
    const scenario = await Scenario.of(xml);

    scenario.start();

    expect(scenario.status).toBe('active');
    expect(scenario.active()).toEqual(['wait']);
    expect(received(scenario)).toBe(0);
    expect(scenario.effects).toContainEqual({
      type: 'broadcast-signal',
      signalName: 'alarm',
      variables: {},
      excludeInstanceKey: 'instance-1',
    });
    // runInMemory does not hand the thrower its own signal again after the command
    const run = runInMemory(await deploy(xml));
    expect(run.status).toBe('waiting');
    expect(run.completedElements).not.toContain('wait');
  });

  it('given a non-interrupting signal boundary open when a parallel branch throws, then it fires exactly once', async () => {
    const xml = forkWithThrow(
      'review',
      `${userTask('review')}${flow('f3', 'review', 'e1')}<bpmn:endEvent id="e1"/>
       ${boundary('ping', 'review', onSignal, false)}${flow('f6', 'ping', 'notify')}${serviceTask('notify')}`,
    );
    const scenario = await Scenario.of(xml);

    scenario.start();

    expect(received(scenario)).toBe(1);
    expect(scenario.openJobTypes()).toEqual(['notify']);
    expect(scenario.active()).toEqual(['notify', 'review']);
    // the boundary event keeps listening under a new subscription
    expect(Object.values(scenario.state?.signalSubscriptions ?? {}).map((s) => s.elementId)).toEqual(['ping']);
    expect(scenario.replayed()).toEqual(scenario.state);
    const run = runInMemory(await deploy(xml), { completeJobs: true });
    expect(timesCompleted(run.completedElements, 'ping')).toBe(1);
    expect(timesCompleted(run.completedElements, 'notify')).toBe(1);
    expect(run.status).toBe('waiting');
  });

  it('given an interrupting signal boundary open when a parallel branch throws, then it ends its task once', async () => {
    const scenario = await Scenario.of(
      forkWithThrow(
        'review',
        `${userTask('review')}${flow('f3', 'review', 'e1')}<bpmn:endEvent id="e1"/>
         ${boundary('stop', 'review', onSignal)}${flow('f6', 'stop', 'stopped')}<bpmn:endEvent id="stopped"/>`,
      ),
    );

    scenario.start();

    expect(received(scenario)).toBe(1);
    expect(scenario.terminated()).toEqual(['review']);
    expect(timesCompleted(scenario.completed(), 'stopped')).toBe(1);
    expect(scenario.status).toBe('completed');
  });

  it('given a signal end event beside an interrupting signal event sub-process, then the sub-process interrupts once', async () => {
    const scenario = await Scenario.of(signalEndEventBeside(signalEventSubProcess('stop', true)));

    scenario.start();

    expect(received(scenario)).toBe(1);
    // the end event had not completed yet: as in Zeebe, the broadcast runs before the thrower's completion
    expect(scenario.terminated()).toEqual(['work', 'send']);
    expect(timesCompleted(scenario.completed(), 'stop')).toBe(1);
    expect(scenario.status).toBe('completed');
  });

  it('given a signal end event beside a non-interrupting signal event sub-process, then the sub-process runs once beside the flow', async () => {
    const scenario = await Scenario.of(signalEndEventBeside(signalEventSubProcess('tick', false)));

    scenario.start();

    expect(received(scenario)).toBe(1);
    expect(timesCompleted(scenario.completed(), 'tick')).toBe(1);
    expect(scenario.active()).toEqual(['work']);
    scenario.completeJob('work');
    expect(scenario.status).toBe('completed');
    expect(timesCompleted(scenario.completed(), 'tick')).toBe(1);
  });

  it('given a signal end event in each iteration of a parallel multi-instance sub-process, then each throw reaches every listener once', async () => {
    const xml = bpmnWith(
      SIGNAL,
      `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'each')}<bpmn:subProcess id="each">
       <bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:loopCardinality>3</bpmn:loopCardinality>
       </bpmn:multiInstanceLoopCharacteristics><bpmn:startEvent id="inner"/>${flow('i1', 'inner', 'send')}
       <bpmn:endEvent id="send">${onSignal}</bpmn:endEvent></bpmn:subProcess>${flow('f2', 'each', 'end')}
       <bpmn:endEvent id="end"/>${boundary('heard', 'each', onSignal, false)}${flow('f3', 'heard', 'noted')}
       <bpmn:endEvent id="noted"/>${signalEventSubProcess('tick', false)}`,
    );
    const scenario = await Scenario.of(xml);

    scenario.start();

    expect(received(scenario)).toBe(6);
    expect(timesCompleted(scenario.completed(), 'noted')).toBe(3);
    expect(timesCompleted(scenario.completed(), 'tick')).toBe(3);
    expect(scenario.status).toBe('completed');
    const run = runInMemory(await deploy(xml));
    expect(timesCompleted(run.completedElements, 'tick')).toBe(3);
  });
});
