import { describe, expect, it } from 'vitest';
import { Scenario, bpmn, flow, serviceTask } from './scenario';

describe('exclusive gateway', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'check')}
    <bpmn:exclusiveGateway id="check" default="toManual"/>
    ${flow('toAuto', 'check', 'auto', '=amount &lt; 100')}
    ${flow('toReview', 'check', 'review', '=amount &gt;= 100 and amount &lt; 1000')}
    ${flow('toManual', 'check', 'manual')}
    ${serviceTask('auto')}${serviceTask('review')}${serviceTask('manual')}
    ${flow('f1', 'auto', 'merge')}${flow('f2', 'review', 'merge')}${flow('f3', 'manual', 'merge')}
    <bpmn:exclusiveGateway id="merge"/>${flow('f4', 'merge', 'end')}<bpmn:endEvent id="end"/>`);

  it.each([
    [50, 'auto'],
    [500, 'review'],
    [5000, 'manual'],
  ])('given amount %i, it takes the flow to %s', async (amount, task) => {
    const scenario = await Scenario.of(model);

    scenario.start({ amount });

    expect(scenario.openJobTypes()).toEqual([task]);
    scenario.completeJob(task);
    expect(scenario.status).toBe('completed');
  });

  it('takes only the first matching flow in document order', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'gw')}<bpmn:exclusiveGateway id="gw"/>
        ${flow('a', 'gw', 'endA', '=true')}${flow('b', 'gw', 'endB', '=true')}
        <bpmn:endEvent id="endA"/><bpmn:endEvent id="endB"/>`),
    );

    scenario.start();

    expect(scenario.completed()).toEqual(['start', 'gw', 'endA']);
  });

  it('raises an incident when no condition matches and there is no default; resolving retries', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'gw')}<bpmn:exclusiveGateway id="gw"/>
        ${flow('a', 'gw', 'endA', '=x = 1')}${flow('b', 'gw', 'endB', '=x = 2')}
        <bpmn:endEvent id="endA"/><bpmn:endEvent id="endB"/>`),
    );
    scenario.start({ x: 3 });

    const incident = scenario.incidentAt('gw');
    expect(incident.type).toBe('NO_OUTGOING_FLOW');
    expect(incident.message).toContain('Add a default flow');

    scenario.when({ type: 'set-variables', variables: { x: 2 } });
    scenario.when({ type: 'resolve-incident', incidentKey: incident.key });

    expect(scenario.status).toBe('completed');
    expect(scenario.completed()).toContain('endB');
  });

  it('raises an incident when a condition does not give a boolean', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'gw')}<bpmn:exclusiveGateway id="gw" default="b"/>
        ${flow('a', 'gw', 'endA', '=missing &gt; 5')}${flow('b', 'gw', 'endB')}
        <bpmn:endEvent id="endA"/><bpmn:endEvent id="endB"/>`),
    );

    scenario.start();

    const incident = scenario.incidentAt('gw');
    expect(incident.type).toBe('EXPRESSION_ERROR');
    expect(incident.message).toContain('must give true or false');
    expect(incident.message).toContain("Variable 'missing' not found");
  });
});

describe('conditional sequence flows on activities', () => {
  it('takes every unconditional flow and every flow whose condition holds', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 't')}<bpmn:task id="t"/>
        ${flow('always', 't', 'a')}${flow('ifVip', 't', 'b', '=vip')}${flow('ifNot', 't', 'c', '=not(vip)')}
        <bpmn:endEvent id="a"/><bpmn:endEvent id="b"/><bpmn:endEvent id="c"/>`),
    );

    scenario.start({ vip: true });

    expect(scenario.takenFlows()).toEqual(['f0', 'always', 'ifVip']);
    expect(scenario.status).toBe('completed');
  });
});

describe('default flow on an activity', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 't')}<bpmn:task id="t" default="otherwise"/>
    ${flow('ifVip', 't', 'vip', '=vip')}${flow('otherwise', 't', 'normal')}
    <bpmn:endEvent id="vip"/><bpmn:endEvent id="normal"/>`);

  it.each([
    [true, ['f0', 'ifVip']],
    [false, ['f0', 'otherwise']],
  ])('given vip=%s, takes the default flow only when no condition holds', async (vip, flows) => {
    const scenario = await Scenario.of(model);

    scenario.start({ vip });

    expect(scenario.takenFlows()).toEqual(flows);
  });
});

describe('parallel gateway', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
    ${flow('f1', 'fork', 'pack')}${flow('f2', 'fork', 'bill')}${serviceTask('pack')}${serviceTask('bill')}
    ${flow('f3', 'pack', 'join')}${flow('f4', 'bill', 'join')}<bpmn:parallelGateway id="join"/>
    ${flow('f5', 'join', 'end')}<bpmn:endEvent id="end"/>`);

  it('forks a token onto every outgoing flow', async () => {
    const scenario = await Scenario.of(model);

    scenario.start();

    expect(scenario.openJobTypes().sort()).toEqual(['bill', 'pack']);
  });

  it('joins only when a token has arrived on every incoming flow', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();

    scenario.completeJob('pack');
    expect(scenario.completed()).not.toContain('join');
    expect(scenario.status).toBe('active');

    scenario.completeJob('bill');
    expect(scenario.completed().filter((id) => id === 'join')).toHaveLength(1);
    expect(scenario.status).toBe('completed');
  });
});

describe('inclusive gateway', () => {
  const model =
    bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:inclusiveGateway id="fork" default="toC"/>
    ${flow('toA', 'fork', 'a', '=wantA')}${flow('toB', 'fork', 'b', '=wantB')}${flow('toC', 'fork', 'c')}
    ${serviceTask('a')}${serviceTask('b')}${serviceTask('c')}
    ${flow('fa', 'a', 'join')}${flow('fb', 'b', 'join')}${flow('fc', 'c', 'join')}
    <bpmn:inclusiveGateway id="join"/>${flow('f9', 'join', 'end')}<bpmn:endEvent id="end"/>`);

  it('forks onto every flow whose condition holds', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ wantA: true, wantB: true });

    expect(scenario.openJobTypes().sort()).toEqual(['a', 'b']);
  });

  it('takes the default flow when no condition holds', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ wantA: false, wantB: false });

    expect(scenario.openJobTypes()).toEqual(['c']);
  });

  it('joins when every token that can still arrive has arrived, not waiting for untaken flows', async () => {
    const scenario = await Scenario.of(model);
    scenario.start({ wantA: true, wantB: true });

    scenario.completeJob('a');
    expect(scenario.completed()).not.toContain('join');

    scenario.completeJob('b');
    expect(scenario.completed().filter((id) => id === 'join')).toHaveLength(1);
    expect(scenario.status).toBe('completed');
  });

  it('with one branch taken, joins as soon as that token arrives', async () => {
    const scenario = await Scenario.of(model);
    scenario.start({ wantA: false, wantB: true });

    scenario.completeJob('b');

    expect(scenario.status).toBe('completed');
  });

  it('stops waiting when the other token leaves by a path that cannot reach the join', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
        ${flow('f1', 'fork', 'a')}${flow('f2', 'fork', 'b')}${serviceTask('a')}${serviceTask('b')}
        <bpmn:exclusiveGateway id="route" default="toEnd"/>
        ${flow('fa', 'a', 'join')}${flow('fb', 'b', 'route')}${flow('toJoin', 'route', 'join', '=rejoin')}${flow('toEnd', 'route', 'sideEnd')}
        <bpmn:endEvent id="sideEnd"/><bpmn:inclusiveGateway id="join"/>${flow('f9', 'join', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ rejoin: false });

    scenario.completeJob('a');
    expect(scenario.completed()).not.toContain('join');

    scenario.completeJob('b');
    expect(scenario.completed()).toEqual(expect.arrayContaining(['sideEnd', 'join', 'end']));
    expect(scenario.status).toBe('completed');
  });
});
