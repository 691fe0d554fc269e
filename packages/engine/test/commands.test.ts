import { describe, expect, it } from 'vitest';
import { process } from '../src/index';
import { Scenario, bpmn, flow, serviceTask } from './scenario';

const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
  ${flow('f1', 'fork', 'charge')}${flow('f2', 'fork', 'approve')}${serviceTask('charge')}<bpmn:userTask id="approve"/>
  ${flow('f3', 'charge', 'join')}${flow('f4', 'approve', 'join')}<bpmn:parallelGateway id="join"/>${flow('f5', 'join', 'end')}<bpmn:endEvent id="end"/>`);

describe('cancel instance', () => {
  it('terminates every element, withdraws jobs and tasks, and refuses later commands', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const jobKey = scenario.job('charge').key;

    scenario.when({ type: 'cancel-instance' });

    expect(scenario.status).toBe('terminated');
    expect(scenario.terminated().sort()).toEqual(['approve', 'charge']);
    expect(scenario.effects).toContainEqual({ type: 'cancel-job', jobKey });
    expect(scenario.effects).toContainEqual({ type: 'instance-ended', status: 'terminated' });
    expect(scenario.rejected({ type: 'complete-job', jobKey })).toBe('INSTANCE_NOT_ACTIVE');
  });
});

describe('rejections leave the state untouched', () => {
  it('refuses unknown jobs, tasks and incidents, bad variables, and a second create', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();

    expect(scenario.rejected({ type: 'complete-job', jobKey: 999 })).toBe('JOB_NOT_FOUND');
    expect(scenario.rejected({ type: 'fail-job', jobKey: 999, retries: 1, errorMessage: 'x' })).toBe('JOB_NOT_FOUND');
    expect(scenario.rejected({ type: 'complete-user-task', userTaskKey: 999 })).toBe('USER_TASK_NOT_FOUND');
    expect(scenario.rejected({ type: 'resolve-incident', incidentKey: 999 })).toBe('INCIDENT_NOT_FOUND');
    expect(scenario.rejected({ type: 'set-variables', scopeKey: 999, variables: {} })).toBe('SCOPE_NOT_FOUND');
    expect(
      scenario.rejected({ type: 'complete-job', jobKey: scenario.job('charge').key, variables: [1, 2] as never }),
    ).toBe('INVALID_VARIABLES');
    expect(scenario.rejected({ type: 'create-instance', instanceKey: 'again' })).toBe('INSTANCE_EXISTS');
  });

  it('refuses commands for an instance that does not exist', async () => {
    const scenario = await Scenario.of(model);

    expect(scenario.rejected({ type: 'cancel-instance' })).toBe('INSTANCE_NOT_FOUND');
  });

  it('completing the same job twice is refused the second time (completion is idempotent)', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const jobKey = scenario.job('charge').key;

    scenario.when({ type: 'complete-job', jobKey });

    expect(scenario.rejected({ type: 'complete-job', jobKey })).toBe('JOB_NOT_FOUND');
  });
});

describe('events are the source of truth', () => {
  it('folding apply over the history rebuilds the state process returned', async () => {
    const scenario = await Scenario.of(model);
    scenario.start({ a: 1 });
    scenario.completeJob('charge', { paid: true });
    scenario.completeUserTask('approve', { ok: true });

    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('the same state, command and context give the same events', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const command = { type: 'complete-job', jobKey: scenario.job('charge').key, variables: { x: 1 } } as const;
    const context = { now: 1_000, definition: scenario.definition };

    const first = process(scenario.state, command, context);
    const second = process(scenario.state, command, context);

    expect(second.events).toEqual(first.events);
    expect(second.effects).toEqual(first.effects);
  });

  it('never changes the state it is given', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const before = structuredClone(scenario.state);

    process(scenario.state, { type: 'cancel-instance' }, { now: 0, definition: scenario.definition });

    expect(scenario.state).toEqual(before);
  });
});
