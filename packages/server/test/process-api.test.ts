import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, multipart, NAMESPACES, oneJobProcess, startTestServer, type TestServer } from './test-server';

/**
 * The order-fulfilment example through the API, as the people and systems around it would work it:
 * deploy, start, approve the user task, external workers take the service tasks, an incident is resolved.
 */
describe('process API', () => {
  let server: TestServer;
  let admin: Record<string, string>;
  let worker: Record<string, string>;
  let operator: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.bearer(['admin']);
    worker = await server.bearer(['worker']);
    operator = await server.bearer(['operator']);
    await server.addUser('sam', ['task-user'], ['sales-managers']);
    await server.addUser('kim', ['task-user']);
    await server.identity.addMember(server.runtime.tenantId, 'sales-managers', 'kim');
  });
  afterAll(() => server.close());

  const inject = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => server.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });

  async function activate(type: string) {
    const response = await inject('POST', '/api/v1/jobs/activate', worker, { type, maxJobs: 5, timeout: 60_000 });
    expect(response.statusCode).toBe(200);
    return response.json<{ jobs: { jobKey: string; variables: Record<string, unknown>; retries: number }[] }>().jobs;
  }

  it('runs the order-fulfilment example from deployment to completion', async () => {
    // given the example, deployed as a bundle
    const upload = multipart([{ name: 'order-fulfilment.bpmn', content: example('order-fulfilment.bpmn') }], 'orders');
    const deployed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...upload.headers },
      payload: upload.payload,
    });
    expect(deployed.statusCode).toBe(201);
    expect(deployed.json()).toMatchObject({
      name: 'orders',
      definitions: [{ processId: 'order-fulfilment', version: 1 }],
    });

    // when a large order starts
    const started = await inject('POST', '/api/v1/process-instances', operator, {
      processId: 'order-fulfilment',
      businessKey: 'A-1001',
      variables: { orderId: 'A-1001', items: [{ sku: 'KB-01', price: 1500, quantity: 2 }] },
    });
    expect(started.statusCode).toBe(201);
    const { instanceKey } = started.json<{ instanceKey: string }>();

    // then the approval waits in the sales managers' inbox
    const sam = await server.bearer(['task-user'], 'sam');
    const kim = await server.bearer(['task-user'], 'kim');
    const inbox = await inject('GET', '/api/v1/user-tasks?view=candidate&sort=priority&order=desc', sam);
    expect(inbox.statusCode).toBe(200);
    const [task] = inbox.json<{ items: { taskKey: string; name: string; priority: number }[] }>().items;
    expect(task).toMatchObject({ name: 'Approve order', priority: 60 });
    const taskKey = task!.taskKey;

    // sam claims it; kim cannot take it any more, nor complete it
    expect((await inject('POST', `/api/v1/user-tasks/${taskKey}/claim`, sam)).json()).toMatchObject({
      assignee: 'sam',
    });
    const stolen = await inject('POST', `/api/v1/user-tasks/${taskKey}/claim`, kim);
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json()).toMatchObject({ code: 'TASK_ALREADY_CLAIMED', assignee: 'sam' });
    expect((await inject('POST', `/api/v1/user-tasks/${taskKey}/complete`, kim, {})).json()).toMatchObject({
      code: 'TASK_NOT_ASSIGNED_TO_YOU',
    });
    const mine = await inject('GET', '/api/v1/user-tasks', sam);
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(1);
    const approved = await inject('POST', `/api/v1/user-tasks/${taskKey}/complete`, sam, {
      variables: { approved: true },
    });
    expect(approved.statusCode).toBe(200);

    // the payment worker completes its job with a result
    const [charge] = await activate('charge-payment');
    expect(charge?.variables).toMatchObject({ amount: 3000 });
    expect(
      (await inject('POST', `/api/v1/jobs/${charge!.jobKey}/complete`, worker, { variables: { paymentId: 'P-1' } }))
        .statusCode,
    ).toBe(200);

    // the stock worker gives up: an incident
    const [reserve] = await activate('reserve-stock');
    const failed = await inject('POST', `/api/v1/jobs/${reserve!.jobKey}/fail`, worker, {
      retries: 0,
      errorMessage: 'warehouse offline',
    });
    expect(failed.statusCode).toBe(200);
    const incidents = await inject('GET', `/api/v1/incidents?instanceKey=${instanceKey}&state=open`, operator);
    const [incident] = incidents.json<{ items: { incidentKey: string; message: string }[] }>().items;
    expect(incident?.message).toContain('warehouse offline');

    // an operator resolves it, and the job is handed out again
    const resolved = await inject('POST', `/api/v1/incidents/${incident!.incidentKey}/resolve`, operator, {
      retries: 2,
    });
    expect(resolved.statusCode).toBe(200);
    const [again] = await activate('reserve-stock');
    expect(again?.retries).toBe(2);
    await inject('POST', `/api/v1/jobs/${again!.jobKey}/complete`, worker);
    const [ship] = await activate('ship-order');
    await inject('POST', `/api/v1/jobs/${ship!.jobKey}/complete`, worker, {});

    // then the instance has completed, with the variables the workers gave it
    const instance = await inject('GET', `/api/v1/process-instances/${instanceKey}`, operator);
    expect(instance.json()).toMatchObject({
      instanceKey,
      status: 'completed',
      businessKey: 'A-1001',
      activeElements: [],
      variables: { paymentId: 'P-1', approved: true },
    });
    const history = await inject('GET', `/api/v1/process-instances/${instanceKey}/history?limit=500`, operator);
    const types = history.json<{ items: { type: string }[] }>().items.map((event) => event.type);
    expect(types).toContain('incident-raised');
    expect(types).toContain('user-task-completed');

    // and the search finds it by status, business key and variable value
    const search = (query: string) =>
      inject('GET', `/api/v1/process-instances?${query}`, operator).then((response) =>
        response.json<{ items: { instanceKey: string }[] }>().items.map((item) => item.instanceKey),
      );
    expect(await search('status=completed&businessKey=A-1001')).toEqual([instanceKey]);
    expect(await search(`variableName=orderId&variableValue=${encodeURIComponent('"A-1001"')}`)).toEqual([instanceKey]);
    expect(await search('status=active&processId=order-fulfilment')).toEqual([]);

    // the definition's statistics and XML are there for the heatmap
    const stats = await inject('GET', '/api/v1/process-definitions/order-fulfilment:1/statistics', operator);
    expect(stats.json<{ items: { elementId: string; completed: number }[] }>().items).toContainEqual(
      expect.objectContaining({ elementId: 'ServiceTask_Ship', completed: 1 }),
    );
    const xml = await inject('GET', '/api/v1/process-definitions/order-fulfilment:1/xml', operator);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain('order-fulfilment');

    // metrics count what happened
    const metrics = await inject('GET', '/metrics', admin);
    expect(metrics.body).toMatch(/operon_instances_started_total\{process_id="order-fulfilment"\} 1/);
    expect(metrics.body).toMatch(/operon_instances_completed_total\{process_id="order-fulfilment"\} 1/);
    expect(metrics.body).toMatch(
      /operon_incidents_raised_total\{process_id="order-fulfilment",type="JOB_NO_RETRIES"\} 1/,
    );
    expect(metrics.body).toMatch(/operon_job_latency_seconds_count\{type="charge-payment"\} 1/);
    expect(metrics.body).toContain('operon_http_request_duration_seconds_bucket');
  });

  it('long-polls: an activation waits until a job of its type appears', async () => {
    const upload = multipart([{ name: 'later.bpmn', content: oneJobProcess('later', 'later-work') }]);
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...upload.headers },
      payload: upload.payload,
    });

    const waiting = inject('POST', '/api/v1/jobs/activate', worker, { type: 'later-work', requestTimeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await inject('POST', '/api/v1/process-instances', operator, { processId: 'later' });

    const { jobs } = (await waiting).json<{ jobs: { type: string }[] }>();
    expect(jobs).toEqual([expect.objectContaining({ type: 'later-work' })]);
  });

  it('publishes messages with a time to live', async () => {
    const published = await inject('POST', '/api/v1/messages', worker, {
      name: 'payment-received',
      correlationKey: 'A-1',
      timeToLive: 60_000,
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ buffered: true, correlatedInstances: [] });
  });

  it('cancels an instance and sets variables, recording both in the audit trail', async () => {
    const { instanceKey } = (
      await inject('POST', '/api/v1/process-instances', operator, { processId: 'later', variables: { a: 1 } })
    ).json<{ instanceKey: string }>();
    const set = await inject('POST', `/api/v1/process-instances/${instanceKey}/variables`, operator, {
      variables: { b: 2 },
    });
    expect(set.json()).toMatchObject({ variables: { a: 1, b: 2 } });
    const cancelled = await inject('POST', `/api/v1/process-instances/${instanceKey}/cancel`, operator);
    expect(cancelled.json()).toMatchObject({ status: 'terminated' });
    const again = await inject('POST', `/api/v1/process-instances/${instanceKey}/cancel`, operator);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INSTANCE_NOT_ACTIVE' });

    const audit = await inject('GET', '/api/v1/audit-events?action=instance.cancelled', admin);
    expect(audit.json()).toMatchObject({
      items: [{ action: 'instance.cancelled', target: instanceKey, actor: 'admin' }],
    });
  });

  it('lets a worker throw a BPMN error, and broadcasts signals', async () => {
    const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-events" targetNamespace="http://operon.test">
  <bpmn:error id="declined" errorCode="DECLINED"/>
  <bpmn:signal id="arrived" name="stock-arrived"/>
  <bpmn:process id="charge" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:serviceTask id="pay"><bpmn:extensionElements><zeebe:taskDefinition type="card"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="paid"/>
    <bpmn:boundaryEvent id="refused" attachedToRef="pay"><bpmn:errorEventDefinition errorRef="declined"/></bpmn:boundaryEvent>
    <bpmn:endEvent id="not-paid"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="pay"/>
    <bpmn:sequenceFlow id="f2" sourceRef="pay" targetRef="paid"/>
    <bpmn:sequenceFlow id="f3" sourceRef="refused" targetRef="not-paid"/>
  </bpmn:process>
  <bpmn:process id="waiter" isExecutable="true">
    <bpmn:startEvent id="ws"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="arrived"/></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="we"/>
    <bpmn:sequenceFlow id="w1" sourceRef="ws" targetRef="wait"/>
    <bpmn:sequenceFlow id="w2" sourceRef="wait" targetRef="we"/>
  </bpmn:process>
</bpmn:definitions>`;
    const upload = multipart([{ name: 'events.bpmn', content: model }]);
    const deployed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...upload.headers },
      payload: upload.payload,
    });
    expect(deployed.statusCode).toBe(201);

    const charge = (await inject('POST', '/api/v1/process-instances', operator, { processId: 'charge' })).json<{
      instanceKey: string;
    }>();
    const [job] = await activate('card');
    const thrown = await inject('POST', `/api/v1/jobs/${job!.jobKey}/error`, worker, {
      errorCode: 'DECLINED',
      variables: { reason: 'limit' },
    });
    expect(thrown.statusCode).toBe(200);
    const afterError = await inject('GET', `/api/v1/process-instances/${charge.instanceKey}`, operator);
    expect(afterError.json()).toMatchObject({ status: 'completed' });

    const waiting = (await inject('POST', '/api/v1/process-instances', operator, { processId: 'waiter' })).json<{
      instanceKey: string;
    }>();
    const signalled = await inject('POST', '/api/v1/signals', worker, { name: 'stock-arrived' });
    expect(signalled.statusCode).toBe(201);
    expect(signalled.json()).toMatchObject({ triggeredInstances: [waiting.instanceKey] });
  });

  it('serves the form a user task links, from the same deployment', async () => {
    const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-form" targetNamespace="http://operon.test">
  <bpmn:process id="with-form" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:formDefinition formId="review-form"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    const form = { id: 'review-form', type: 'default', components: [{ type: 'textfield', key: 'comment' }] };
    const upload = multipart([
      { name: 'with-form.bpmn', content: model },
      { name: 'review.form', content: JSON.stringify(form) },
    ]);
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...upload.headers },
      payload: upload.payload,
    });
    const { instanceKey } = (
      await inject('POST', '/api/v1/process-instances', operator, {
        processId: 'with-form',
        variables: { comment: 'hi' },
      })
    ).json<{ instanceKey: string }>();
    const tasks = await inject('GET', `/api/v1/user-tasks?view=all&instanceKey=${instanceKey}`, operator);
    const [task] = tasks.json<{ items: { taskKey: string; formId: string }[] }>().items;
    expect(task?.formId).toBe('review-form');

    const linked = await inject('GET', `/api/v1/user-tasks/${task!.taskKey}/form`, operator);
    expect(linked.json()).toMatchObject({ formId: 'review-form', schema: form, variables: { comment: 'hi' } });
  });
});
