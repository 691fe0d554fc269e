import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES, oneJobProcess, startTestServer, type TestServer } from './test-server';

const BIG_ORDERS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-big" targetNamespace="http://operon.test">
  <bpmn:process id="big-orders" isExecutable="true">
    <bpmn:startEvent id="big"><bpmn:conditionalEventDefinition><bpmn:condition>=amount &gt; 100</bpmn:condition>
    </bpmn:conditionalEventDefinition></bpmn:startEvent>
    <bpmn:userTask id="review"/><bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="big" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

/** POST /api/v1/conditions/evaluate: conditional start events, evaluated on request (Camunda 7). */
describe('conditions API', () => {
  let server: TestServer;
  let operator: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    operator = await server.bearer(['operator']);
    await server.runtime.deploy('conditions', [
      { name: 'big-orders.bpmn', content: BIG_ORDERS },
      { name: 'plain.bpmn', content: oneJobProcess('plain', 'work') },
    ]);
  });
  afterAll(() => server.close());

  const evaluate = (headers: Record<string, string>, body: object) =>
    server.app.inject({ method: 'POST', url: '/api/v1/conditions/evaluate', headers, payload: body });

  it('starts an instance at each conditional start event whose condition holds, and lists them', async () => {
    const response = await evaluate(operator, { variables: { amount: 250 } });

    expect(response.statusCode).toBe(201);
    const { startedInstances } = response.json<{ startedInstances: { instanceKey: string }[] }>();
    expect(startedInstances).toMatchObject([
      { processId: 'big-orders', startEventId: 'big', version: 1, status: 'active' },
    ]);
    const instance = await server.app.inject({
      method: 'GET',
      url: `/api/v1/process-instances/${startedInstances[0]?.instanceKey ?? ''}`,
      headers: operator,
    });
    expect(instance.json()).toMatchObject({ processId: 'big-orders', status: 'active' });
  });

  it('starts nothing when no condition holds', async () => {
    const response = await evaluate(operator, { variables: { amount: 5 } });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ startedInstances: [] });
  });

  it('refuses a body without variables with VALIDATION_FAILED', async () => {
    const response = await evaluate(operator, { processId: 'big-orders' });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a process without conditional start events with VALIDATION_FAILED, naming it', async () => {
    const response = await evaluate(operator, { variables: {}, processId: 'plain' });

    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; message: string }>()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.json<{ message: string }>().message).toContain("'plain' has no conditional start event");
  });

  it('lets a grant narrowed to one process evaluate that process only', async () => {
    const narrowed = await server.bearer([{ role: 'operator', processId: 'big-orders' }]);

    expect((await evaluate(narrowed, { variables: { amount: 500 } })).statusCode).toBe(403);
    expect((await evaluate(narrowed, { variables: { amount: 500 }, processId: 'plain' })).statusCode).toBe(403);
    expect((await evaluate(narrowed, { variables: { amount: 500 }, processId: 'big-orders' })).statusCode).toBe(201);
  });
});
