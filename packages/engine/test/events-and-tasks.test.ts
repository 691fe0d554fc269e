import { parseBpmn } from '@operon/model';
import { describe, expect, it } from 'vitest';
import { Scenario, bpmn, flow, serviceTask } from './scenario';

describe('none start and end events', () => {
  it('given start → end, when an instance is created, then it completes at once', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start({ orderId: 'A-1' });

    expect(scenario.status).toBe('completed');
    expect(scenario.completed()).toEqual(['start', 'end']);
    expect(scenario.takenFlows()).toEqual(['f1']);
    expect(scenario.variables()).toEqual({ orderId: 'A-1' });
    expect(scenario.effects).toContainEqual({ type: 'instance-ended', status: 'completed' });
  });

  it('records the lifecycle of each element in order', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'end')}<bpmn:endEvent id="end"/>`),
    );

    const events = scenario.when({ type: 'create-instance', instanceKey: 'i', variables: {} });

    expect(events.map((event) => ('elementId' in event ? `${event.type}:${event.elementId}` : event.type))).toEqual([
      'instance-created',
      'element-activating:process',
      'element-activated:process',
      'element-activating:start',
      'element-activated:start',
      'element-completing:start',
      'element-completed:start',
      'flow-taken',
      'element-activating:end',
      'element-activated:end',
      'element-completing:end',
      'element-completed:end',
      'element-completing:process',
      'element-completed:process',
    ]);
  });
});

describe('task and manual task', () => {
  it('pass the token on without waiting', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}<bpmn:task id="t"/>${flow('f2', 't', 'm')}
        <bpmn:manualTask id="m"/>${flow('f3', 'm', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start();

    expect(scenario.completed()).toEqual(['start', 't', 'm', 'end']);
    expect(scenario.status).toBe('completed');
  });
});

describe('service task', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'charge')}
    ${serviceTask('charge', 'payment', '<zeebe:taskHeaders><zeebe:header key="currency" value="EUR"/></zeebe:taskHeaders>')}
    ${flow('f2', 'charge', 'end')}<bpmn:endEvent id="end"/>`);

  it('given a service task, when the instance reaches it, then a job is handed out and the instance waits', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ amount: 42 });

    expect(scenario.status).toBe('active');
    expect(scenario.active()).toEqual(['charge']);
    const activation = scenario.effects.find((effect) => effect.type === 'activate-job');
    expect(activation).toMatchObject({
      type: 'activate-job',
      job: { type: 'payment', retries: 3, headers: { currency: 'EUR' }, elementId: 'charge' },
      variables: { amount: 42 },
      backoffMs: 0,
    });
  });

  it('when the job completes with variables, then they are merged into the process and the instance completes', async () => {
    const scenario = await Scenario.of(model);
    scenario.start({ amount: 42 });

    scenario.completeJob('payment', { paid: true, amount: 40 });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ amount: 40, paid: true });
    expect(scenario.completed()).toEqual(['start', 'charge', 'end']);
  });

  it('evaluates a FEEL job type and retries', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}
        <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;pay-&quot; + region" retries="=tries"/></bpmn:extensionElements></bpmn:serviceTask>
        ${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start({ region: 'eu', tries: 5 });

    expect(scenario.job('pay-eu').retries).toBe(5);
  });

  it('raises an incident when the job type expression gives no text', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 't')}
        <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="=region"/></bpmn:extensionElements></bpmn:serviceTask>
        ${flow('f2', 't', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start();

    expect(scenario.incidentAt('t').type).toBe('EXPRESSION_ERROR');
    expect(scenario.incidentAt('t').message).toContain("Variable 'region' not found");

    scenario.when({ type: 'set-variables', variables: { region: 'eu' } });
    scenario.when({ type: 'resolve-incident', incidentKey: scenario.incidentAt('t').key });
    expect(scenario.job('eu').elementId).toBe('t');
  });
});

describe('failing jobs', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'charge')}${serviceTask('charge', 'payment')}
    ${flow('f2', 'charge', 'end')}<bpmn:endEvent id="end"/>`);

  it('given retries left, when the job fails, then it is handed out again after the backoff', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const jobKey = scenario.job('payment').key;

    scenario.when({ type: 'fail-job', jobKey, retries: 2, errorMessage: 'gateway timeout', retryBackoffMs: 5000 });

    expect(scenario.incidents()).toEqual([]);
    expect(scenario.job('payment')).toMatchObject({ retries: 2, errorMessage: 'gateway timeout' });
    expect(scenario.effects.at(-1)).toMatchObject({
      type: 'activate-job',
      job: { key: jobKey, retries: 2 },
      backoffMs: 5000,
    });
  });

  it('given no retries left, when the job fails, then an incident is raised; resolving it hands the job out again', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const jobKey = scenario.job('payment').key;

    scenario.when({ type: 'fail-job', jobKey, retries: 0, errorMessage: 'card declined' });

    const incident = scenario.incidentAt('charge');
    expect(incident).toMatchObject({ type: 'JOB_NO_RETRIES', jobKey });
    expect(incident.message).toContain('card declined');

    scenario.when({ type: 'resolve-incident', incidentKey: incident.key, retries: 2 });

    expect(scenario.incidents()).toEqual([]);
    expect(scenario.effects.at(-1)).toMatchObject({ type: 'activate-job', job: { key: jobKey, retries: 2 } });
    scenario.completeJob('payment');
    expect(scenario.status).toBe('completed');
  });
});

describe('user task', () => {
  it('opens a task with assignee, candidate groups and form, and waits for a person', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'approve')}
        <bpmn:userTask id="approve" name="Approve order"><bpmn:extensionElements>
          <zeebe:assignmentDefinition assignee="=requester.manager" candidateGroups="sales, finance"/>
          <zeebe:formDefinition formId="approval-form"/>
          <zeebe:priorityDefinition priority="80"/>
        </bpmn:extensionElements></bpmn:userTask>
        ${flow('f2', 'approve', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start({ requester: { manager: 'mia' } });

    expect(scenario.userTask('approve')).toMatchObject({
      name: 'Approve order',
      assignee: 'mia',
      candidateGroups: ['sales', 'finance'],
      formId: 'approval-form',
      priority: 80,
    });
    expect(scenario.effects.some((effect) => effect.type === 'open-user-task')).toBe(true);

    scenario.completeUserTask('approve', { approved: true });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toMatchObject({ approved: true });
    expect(scenario.effects).toContainEqual({ type: 'close-user-task', userTaskKey: expect.any(Number) });
  });

  it('accepts candidate groups as a FEEL list', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'approve')}
        <bpmn:userTask id="approve"><bpmn:extensionElements>
          <zeebe:assignmentDefinition candidateGroups="=[&quot;a&quot;, region]"/>
        </bpmn:extensionElements></bpmn:userTask>${flow('f2', 'approve', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start({ region: 'emea' });

    expect(scenario.userTask('approve')).toMatchObject({
      candidateGroups: ['a', 'emea'],
      priority: 50,
      assignee: undefined,
    });
  });
});

describe('script task', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sum')}
    <bpmn:scriptTask id="sum"><bpmn:extensionElements><zeebe:script expression="=a + b" resultVariable="total"/></bpmn:extensionElements></bpmn:scriptTask>
    ${flow('f2', 'sum', 'end')}<bpmn:endEvent id="end"/>`);

  it('evaluates its FEEL expression into the result variable', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ a: 2, b: 3 });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ a: 2, b: 3, total: 5 });
  });

  it('stores null when a variable is missing, as Camunda 8.3+ does', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ a: 2 });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toMatchObject({ total: null });
  });

  it('raises an incident when the expression cannot be evaluated, and retries it when resolved', async () => {
    const xml = model.replace('=a + b', '=a +');
    const outcome = await parseBpmn(xml); // no FEEL check: the broken expression reaches the engine
    if (!outcome.ok) throw new Error('expected the model to parse without a FEEL checker');
    const scenario = new Scenario(outcome.model.processes[0]!);

    scenario.start({ a: 1 });

    const incident = scenario.incidentAt('sum');
    expect(incident.type).toBe('EXPRESSION_ERROR');
    expect(incident.message).toContain("The script 'a +' of 'sum' failed");

    scenario.when({ type: 'resolve-incident', incidentKey: incident.key });

    expect(scenario.incidentAt('sum').key).not.toBe(incident.key);
    expect(scenario.status).toBe('active');
  });
});
