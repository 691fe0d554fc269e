import { parseBpmn } from '@operon/model';
import { describe, expect, it } from 'vitest';
import { Scenario, bpmn, flow, serviceTask } from './scenario';

const io = (inputs: [string, string][], outputs: [string, string][]) =>
  `<zeebe:ioMapping>${inputs.map(([source, target]) => `<zeebe:input source="${source}" target="${target}"/>`).join('')}${outputs
    .map(([source, target]) => `<zeebe:output source="${source}" target="${target}"/>`)
    .join('')}</zeebe:ioMapping>`;

describe('input and output mappings', () => {
  it('input mappings create local variables the job sees but the process does not', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}
        ${serviceTask('t', 'work', io([['=order.total * 2', 'doubled']], []))}${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start({ order: { total: 21 } });

    expect(scenario.effects.find((effect) => effect.type === 'activate-job')).toMatchObject({
      variables: { doubled: 42 },
    });
    scenario.completeJob('work', { doubled: 0 });
    // The job's variable of the same name updates the local one and stops there.
    expect(scenario.variables()).toEqual({ order: { total: 21 } });
  });

  it('with output mappings, only the mapped values leave the element', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}
        ${serviceTask('t', 'score', io([], [['=result.score', 'customer.score']]))}${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ customer: { name: 'Ada' } });

    scenario.completeJob('score', { result: { score: 7 }, noise: 1 });

    expect(scenario.variables()).toEqual({ customer: { name: 'Ada', score: 7 } });
  });

  it('an input mapping that cannot be evaluated raises an incident while activating', async () => {
    const xml = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}
      ${serviceTask('t', 'work', io([['=1 +', 'broken']], []))}${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`);
    const outcome = await parseBpmn(xml); // no FEEL check: the broken mapping reaches the engine
    if (!outcome.ok) throw new Error('expected the model to parse without a FEEL checker');
    const scenario = new Scenario(outcome.model.processes[0]!);

    scenario.start();

    expect(scenario.incidentAt('t').message).toContain("The input mapping '=1 +' → 'broken' of 't' failed");
    expect(scenario.state?.elements[scenario.incidentAt('t').elementInstanceKey]?.phase).toBe('activating');
    expect(scenario.openJobTypes()).toEqual([]);
  });

  it('a task attribute of the wrong type raises an incident; fixing the variable and resolving continues', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'review')}
        <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:priorityDefinition priority="=urgency"/></bpmn:extensionElements></bpmn:userTask>
        ${flow('f2', 'review', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ urgency: 'high' });
    const incident = scenario.incidentAt('review');
    expect(incident.message).toContain('expected a whole number from 0 to 100');

    scenario.when({ type: 'set-variables', variables: { urgency: 90 } });
    scenario.when({ type: 'resolve-incident', incidentKey: incident.key });

    expect(scenario.incidents()).toEqual([]);
    expect(scenario.userTask('review').priority).toBe(90);
  });

  it('output mappings see the job variables and the element locals', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}
        ${serviceTask('t', 'quote', io([['=10', 'base']], [['=base + extra', 'price']]))}${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start();

    scenario.completeJob('quote', { extra: 5 });

    expect(scenario.variables()).toEqual({ price: 15 });
  });
});

describe('variable propagation', () => {
  it('job variables update the innermost scope that defines them, else the process', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
        <bpmn:subProcess id="sub"><bpmn:extensionElements>${io([['=0', 'attempts']], [])}</bpmn:extensionElements>
          <bpmn:startEvent id="subStart"/>${flow('s1', 'subStart', 't')}${serviceTask('t', 'try')}${flow('s2', 't', 'subEnd')}<bpmn:endEvent id="subEnd"/>
        </bpmn:subProcess>${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ customer: 'Ada' });

    scenario.completeJob('try', { attempts: 1, outcome: 'ok', customer: 'Bob' });

    // `attempts` lived in the sub-process and died with it; the rest reached the process.
    expect(scenario.variables()).toEqual({ customer: 'Bob', outcome: 'ok' });
  });

  it('set-variables with local keeps a variable in the given scope', async () => {
    const scenario = await Scenario.of(
      bpmn(
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}${serviceTask('t', 'work')}${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`,
      ),
    );
    scenario.start();
    const taskKey = scenario.job('work').elementInstanceKey;

    scenario.when({ type: 'set-variables', scopeKey: taskKey, variables: { note: 'local' }, local: true });
    scenario.when({ type: 'set-variables', variables: { global: true } });

    expect(scenario.state?.variables[taskKey]).toEqual({ note: 'local' });
    expect(scenario.variables()).toEqual({ global: true });
  });
});

describe('embedded sub-process', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
    <bpmn:subProcess id="sub"><bpmn:extensionElements>${io([['=items', 'lines']], [['=count(lines)', 'lineCount']])}</bpmn:extensionElements>
      <bpmn:startEvent id="subStart"/>${flow('s1', 'subStart', 'pick')}${serviceTask('pick')}${flow('s2', 'pick', 'subEnd')}<bpmn:endEvent id="subEnd"/>
    </bpmn:subProcess>${flow('f2', 'sub', 'after')}${serviceTask('after')}${flow('f3', 'after', 'end')}<bpmn:endEvent id="end"/>`);

  it('runs its inner flow, then completes and continues the outer flow', async () => {
    const scenario = await Scenario.of(model);
    scenario.start({ items: [1, 2, 3] });

    expect(scenario.active()).toEqual(['pick', 'sub']);
    scenario.completeJob('pick');

    expect(scenario.completed()).toEqual(['start', 'subStart', 'pick', 'subEnd', 'sub']);
    expect(scenario.variables()).toEqual({ items: [1, 2, 3], lineCount: 3 });
    expect(scenario.openJobTypes()).toEqual(['after']);
  });

  it('a terminate end event inside ends only the sub-process, which completes', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
        <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"/>${flow('s0', 'subStart', 'fork')}<bpmn:parallelGateway id="fork"/>
          ${flow('s1', 'fork', 'slow')}${flow('s2', 'fork', 'stop')}${serviceTask('slow')}<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>
          ${flow('s3', 'slow', 'subEnd')}<bpmn:endEvent id="subEnd"/>
        </bpmn:subProcess>${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start();

    expect(scenario.terminated()).toEqual(['slow']);
    expect(scenario.effects).toContainEqual({ type: 'cancel-job', jobKey: expect.any(Number) });
    expect(scenario.completed()).toEqual(expect.arrayContaining(['stop', 'sub', 'end']));
    expect(scenario.status).toBe('completed');
  });
});

describe('terminate end event at the process level', () => {
  it('terminates every other branch and completes the instance, as Camunda 8 does', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
        ${flow('f1', 'fork', 'wait')}${flow('f2', 'fork', 'stop')}
        <bpmn:userTask id="wait"/>${flow('f3', 'wait', 'end')}<bpmn:endEvent id="end"/>
        <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>`),
    );

    scenario.start();

    expect(scenario.status).toBe('completed');
    expect(scenario.terminated()).toEqual(['wait']);
    expect(scenario.completed()).toEqual(['start', 'fork', 'stop']);
    expect(scenario.effects).toContainEqual({ type: 'close-user-task', userTaskKey: expect.any(Number) });
    expect(scenario.effects).toContainEqual({ type: 'instance-ended', status: 'completed' });
  });
});
