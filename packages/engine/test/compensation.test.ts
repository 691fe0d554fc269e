import { describe, expect, it } from 'vitest';
import type { EngineEvent, InstanceState } from '../src/index';
import { Scenario, bpmn, bpmnWith, compensationHandler, flow, serviceTask } from './scenario';

/** A service task (job type = id) with a compensation handler `undo-<id>`. */
function compensable(id: string, extensions = ''): string {
  return `${serviceTask(id, id, extensions)}${compensationHandler(id)}`;
}

function compensateThrow(id: string, activityRef?: string): string {
  const ref = activityRef === undefined ? '' : ` activityRef="${activityRef}"`;
  return `<bpmn:intermediateThrowEvent id="${id}"><bpmn:compensateEventDefinition${ref}/></bpmn:intermediateThrowEvent>`;
}

/** Which activity each started handler compensated, in order. */
function compensations(events: readonly EngineEvent[]): string[] {
  return events.flatMap((event) =>
    event.type === 'compensation-handler-started' ? [`${event.elementId}→${event.handlerId}`] : [],
  );
}

/** start → a → b → compensate (throw) → after (job) → end. */
function twoTasksThenThrow(activityRef?: string): string {
  return bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'a')}${compensable('a')}${flow('f2', 'a', 'b')}
    ${compensable('b')}${flow('f3', 'b', 'compensate')}${compensateThrow('compensate', activityRef)}
    ${flow('f4', 'compensate', 'after')}${serviceTask('after')}${flow('f5', 'after', 'end')}<bpmn:endEvent id="end"/>`);
}

describe('compensation throw events', () => {
  it('given two completed tasks, when a compensation throw event is reached, then their handlers run one at a time, the last completed first, while the throw event waits', async () => {
    const scenario = await Scenario.of(twoTasksThenThrow());
    scenario.start().completeJob('a').completeJob('b');

    expect(scenario.openJobTypes()).toEqual(['undo-b']);
    expect(scenario.active()).toEqual(['compensate', 'undo-b']);
    scenario.completeJob('undo-b');
    expect(scenario.openJobTypes()).toEqual(['undo-a']);
    scenario.completeJob('undo-a');

    expect(compensations(scenario.events)).toEqual(['b→undo-b', 'a→undo-a']);
    expect(scenario.completed().slice(-3)).toEqual(['undo-b', 'undo-a', 'compensate']);
    expect(scenario.openJobTypes()).toEqual(['after']);
    expect(scenario.state?.compensable).toEqual({});
    scenario.completeJob('after');
    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given a throw event naming one activity (activityRef), then only that activity is compensated', async () => {
    const scenario = await Scenario.of(twoTasksThenThrow('a'));
    scenario.start().completeJob('a').completeJob('b');

    expect(scenario.openJobTypes()).toEqual(['undo-a']);
    scenario.completeJob('undo-a');

    expect(compensations(scenario.events)).toEqual(['a→undo-a']);
    expect(scenario.openJobTypes()).toEqual(['after']);
    expect(Object.values(scenario.state?.compensable ?? {}).map((activity) => activity.elementId)).toEqual(['b']);
  });

  it('given nothing completed yet, when a compensation throw event is reached, then it compensates nothing and goes on at once', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
        ${flow('f2', 'fork', 'a')}${compensable('a')}${flow('f3', 'a', 'end-a')}<bpmn:endEvent id="end-a"/>
        ${flow('f4', 'fork', 'compensate')}${compensateThrow('compensate')}${flow('f5', 'compensate', 'end')}
        <bpmn:endEvent id="end"/>`),
    );

    scenario.start();

    // a is still active: the handlers of active activities are not invoked
    expect(scenario.completed()).toContain('compensate');
    expect(compensations(scenario.events)).toEqual([]);
    expect(scenario.openJobTypes()).toEqual(['a']);
    scenario.completeJob('a');
    expect(scenario.status).toBe('completed');
  });

  it('given an activity already compensated, then a second throw event does not compensate it again', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'a')}${compensable('a')}${flow('f2', 'a', 'first')}
        ${compensateThrow('first')}${flow('f3', 'first', 'second')}${compensateThrow('second')}
        ${flow('f4', 'second', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start().completeJob('a').completeJob('undo-a');

    expect(compensations(scenario.events)).toEqual(['a→undo-a']);
    expect(scenario.completed()).toContain('second');
    expect(scenario.status).toBe('completed');
  });

  it('given a compensation end event, then the handlers run before the instance completes', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'a')}${compensable('a')}${flow('f2', 'a', 'end')}
        <bpmn:endEvent id="end"><bpmn:compensateEventDefinition/></bpmn:endEvent>`),
    );
    scenario.start().completeJob('a');

    expect(scenario.status).toBe('active');
    expect(scenario.active()).toEqual(['end', 'undo-a']);
    scenario.completeJob('undo-a');

    expect(scenario.completed().slice(-2)).toEqual(['undo-a', 'end']);
    expect(scenario.status).toBe('completed');
  });

  it('gives the handler the variables visible at the throw event and the local variables the activity completed with', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'a')}
        ${compensable('a', '<zeebe:ioMapping><zeebe:input source="=orderId" target="reservation"/></zeebe:ioMapping>')}
        ${flow('f2', 'a', 'compensate')}${compensateThrow('compensate')}${flow('f3', 'compensate', 'end')}
        <bpmn:endEvent id="end"/>`),
    );
    scenario.start({ orderId: 'A-1' }).completeJob('a', { charged: 42 });

    const handler = scenario.job('undo-a');
    const visible = scenario.effects.filter(
      (effect) => effect.type === 'activate-job' && effect.job.key === handler.key,
    );
    expect(visible.at(-1)).toMatchObject({ variables: { orderId: 'A-1', charged: 42, reservation: 'A-1' } });
  });

  it('given a handler whose job fails without retries, then an incident stops it, and resolving it lets the compensation finish', async () => {
    const scenario = await Scenario.of(twoTasksThenThrow());
    scenario.start().completeJob('a').completeJob('b');

    scenario.when({ type: 'fail-job', jobKey: scenario.job('undo-b').key, retries: 0, errorMessage: 'refund refused' });
    expect(scenario.incidents().map((incident) => incident.elementId)).toEqual(['undo-b']);
    expect(scenario.active()).toEqual(['compensate', 'undo-b']);

    scenario.when({ type: 'resolve-incident', incidentKey: scenario.incidentAt('undo-b').key, retries: 1 });
    scenario.completeJob('undo-b').completeJob('undo-a');

    expect(compensations(scenario.events)).toEqual(['b→undo-b', 'a→undo-a']);
    expect(scenario.openJobTypes()).toEqual(['after']);
  });

  it('reads a state stored before compensation existed (no compensable records) as empty', async () => {
    const scenario = await Scenario.of(twoTasksThenThrow());
    scenario.start();
    const { compensable: _none, ...stored } = JSON.parse(JSON.stringify(scenario.state)) as InstanceState;
    scenario.state = stored;

    scenario.completeJob('a').completeJob('b').completeJob('undo-b').completeJob('undo-a');

    expect(compensations(scenario.events)).toEqual(['b→undo-b', 'a→undo-a']);
  });
});

describe('compensation of sub-processes and multi-instance activities', () => {
  it('given a completed sub-process, when compensated, then its completed inner activities are compensated, the last first', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'booking')}
        <bpmn:subProcess id="booking"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'hotel')}${compensable('hotel')}
          ${flow('g2', 'hotel', 'flight')}${compensable('flight')}${flow('g3', 'flight', 'plain')}
          <bpmn:task id="plain"/>${flow('g4', 'plain', 's2')}<bpmn:endEvent id="s2"/></bpmn:subProcess>
        ${flow('f2', 'booking', 'car')}${compensable('car')}${flow('f3', 'car', 'compensate')}${compensateThrow('compensate')}
        ${flow('f4', 'compensate', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start().completeJob('hotel').completeJob('flight').completeJob('car');

    scenario.completeJob('undo-car').completeJob('undo-flight').completeJob('undo-hotel');

    expect(compensations(scenario.events)).toEqual(['car→undo-car', 'flight→undo-flight', 'hotel→undo-hotel']);
    expect(scenario.status).toBe('completed');
  });

  it('given a multi-instance task, then its handler runs once per completed iteration, with that iteration’s item', async () => {
    const loop = `<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>
      <zeebe:loopCharacteristics inputCollection="=items" inputElement="item"/></bpmn:extensionElements>
      </bpmn:multiInstanceLoopCharacteristics>`;
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'reserve')}
        <bpmn:serviceTask id="reserve"><bpmn:extensionElements><zeebe:taskDefinition type="reserve"/></bpmn:extensionElements>${loop}</bpmn:serviceTask>
        ${compensationHandler('reserve')}${flow('f2', 'reserve', 'compensate')}${compensateThrow('compensate')}
        ${flow('f3', 'compensate', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ items: ['x', 'y', 'z'] });
    const jobs = Object.values(scenario.state?.jobs ?? {});
    // the iterations complete in the order y, x, z
    for (const index of [1, 0, 2]) scenario.when({ type: 'complete-job', jobKey: jobs[index]!.key, variables: {} });

    const items: unknown[] = [];
    for (let run = 0; run < 3; run++) {
      const handler = scenario.job('undo-reserve');
      items.push(scenario.state?.variables[handler.elementInstanceKey]?.['item']);
      scenario.completeJob('undo-reserve');
    }

    expect(items).toEqual(['z', 'x', 'y']);
    expect(compensations(scenario.events)).toHaveLength(3);
    expect(scenario.status).toBe('completed');
  });

  it('given a sub-process with a compensation event sub-process, then that runs instead of compensating its inner activities, and can compensate them itself', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'booking')}
        <bpmn:subProcess id="booking"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'hotel')}${compensable('hotel')}
          ${flow('g2', 'hotel', 's2')}<bpmn:endEvent id="s2"/>
          <bpmn:subProcess id="on-compensation" triggeredByEvent="true">
            <bpmn:startEvent id="c1"><bpmn:compensateEventDefinition/></bpmn:startEvent>${flow('h1', 'c1', 'notify')}
            ${serviceTask('notify')}${flow('h2', 'notify', 'inner')}${compensateThrow('inner')}
            ${flow('h3', 'inner', 'c2')}<bpmn:endEvent id="c2"/>
          </bpmn:subProcess></bpmn:subProcess>
        ${flow('f2', 'booking', 'compensate')}${compensateThrow('compensate')}${flow('f3', 'compensate', 'end')}
        <bpmn:endEvent id="end"/>`),
    );
    scenario.start().completeJob('hotel');

    expect(scenario.openJobTypes()).toEqual(['notify']);
    expect(scenario.active()).toEqual(['compensate', 'notify', 'on-compensation']);
    scenario.completeJob('notify').completeJob('undo-hotel');

    expect(compensations(scenario.events)).toEqual(['booking→on-compensation', 'hotel→undo-hotel']);
    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given an error event sub-process that throws compensation, then it compensates the activities of the process', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '<bpmn:error id="failed" errorCode="FAILED"/>',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'a')}${compensable('a')}${flow('f2', 'a', 'b')}
        ${serviceTask('b')}${flow('f3', 'b', 'end')}<bpmn:endEvent id="end"/>
        <bpmn:subProcess id="on-error" triggeredByEvent="true">
          <bpmn:startEvent id="e1"><bpmn:errorEventDefinition errorRef="failed"/></bpmn:startEvent>
          ${flow('h1', 'e1', 'undo-all')}<bpmn:endEvent id="undo-all"><bpmn:compensateEventDefinition/></bpmn:endEvent>
        </bpmn:subProcess>`,
      ),
    );
    scenario.start().completeJob('a').throwError('b', 'FAILED');

    expect(scenario.openJobTypes()).toEqual(['undo-a']);
    scenario.completeJob('undo-a');
    expect(compensations(scenario.events)).toEqual(['a→undo-a']);
    expect(scenario.status).toBe('completed');
  });

  it('given an interrupted sub-process, then its inner activities can no longer be compensated', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
        <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'a')}${compensable('a')}
          ${flow('g2', 'a', 'wait')}${serviceTask('wait')}${flow('g3', 'wait', 's2')}<bpmn:endEvent id="s2"/></bpmn:subProcess>
        <bpmn:boundaryEvent id="timeout" attachedToRef="sub"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        ${flow('f2', 'timeout', 'compensate')}${compensateThrow('compensate')}${flow('f3', 'compensate', 'end')}
        ${flow('f4', 'sub', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start().completeJob('a');
    expect(Object.keys(scenario.state?.compensable ?? {})).toHaveLength(1);

    scenario.fireTimer('timeout');

    expect(compensations(scenario.events)).toEqual([]);
    expect(scenario.state?.compensable).toEqual({});
    expect(scenario.status).toBe('completed');
  });
});
