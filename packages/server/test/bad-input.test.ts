import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, startTestServer, type TestServer } from './test-server';

/** Bad requests get a clear code, the field at fault, and never a stack trace. */
describe('bad input', () => {
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ OPERON_BODY_LIMIT: '2048', OPERON_UPLOAD_LIMIT: '4096' });
    admin = await server.bearer(['admin']);
  });
  afterAll(() => server.close());

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { ...admin, 'content-type': 'application/json', ...headers },
      payload,
    });

  it('refuses malformed JSON', async () => {
    const response = await post('/api/v1/process-instances', '{"processId": "x",');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('names the field of a wrong type, a missing field and an unknown field', async () => {
    const wrongType = await post('/api/v1/process-instances', JSON.stringify({ processId: 'x', variables: 'nope' }));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.variables' });

    const missing = await post('/api/v1/process-instances', JSON.stringify({ variables: {} }));
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.processId' });

    const unknown = await post('/api/v1/process-instances', JSON.stringify({ processId: 'x', variabels: {} }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const query = await server.app.inject({ method: 'GET', url: '/api/v1/process-instances?limit=0', headers: admin });
    expect(query.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.limit' });
  });

  it('answers 404 for unknown ids and routes', async () => {
    const get = (url: string) => server.app.inject({ method: 'GET', url, headers: admin });
    expect((await get('/api/v1/process-instances/nope')).json()).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    expect((await get('/api/v1/process-definitions/nope:1')).json()).toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    expect((await get('/api/v1/user-tasks/nope.1')).statusCode).toBe(404);
    expect((await get('/api/v1/deployments/nope/resources/x.bpmn')).json()).toMatchObject({
      code: 'DEPLOYMENT_NOT_FOUND',
    });
    expect((await get('/api/v1/users/nobody')).json()).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect((await get('/api/v1/nothing-here')).json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const start = await post('/api/v1/process-instances', JSON.stringify({ processId: 'never-deployed' }));
    expect(start.statusCode).toBe(404);
    expect(start.json()).toMatchObject({ code: 'DEFINITION_NOT_FOUND', processId: 'never-deployed' });
    const job = await post('/api/v1/jobs/nope.3/complete', '{}');
    expect(job.statusCode).toBe(404);
    const incident = await post('/api/v1/incidents/nope.3/resolve', '{}');
    expect(incident.json()).toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
  });

  it('answers 409 when the thing exists already', async () => {
    const body = JSON.stringify({ username: 'twice', password: 'long-enough-password' });
    expect((await post('/api/v1/users', body)).statusCode).toBe(201);
    const again = await post('/api/v1/users', body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'USER_EXISTS' });
  });

  it('answers 413 for a body or an upload over the limit', async () => {
    const big = JSON.stringify({ processId: 'x', variables: { text: 'x'.repeat(4000) } });
    const response = await post('/api/v1/process-instances', big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });

    const upload = multipart([{ name: 'big.bpmn', content: 'x'.repeat(10_000) }]);
    const uploaded = await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode).toBe(413);
  });

  it('validates a model without deploying it, for live validation in the modeler', async () => {
    const xml = `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:process id="unsaved" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="charge"/>
      <bpmn:serviceTask id="charge"/><bpmn:sequenceFlow id="g" sourceRef="charge" targetRef="e"/><bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>`;

    const response = await post('/api/v1/models/validate', JSON.stringify({ xml }));

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      ok: false,
      diagnostics: [expect.objectContaining({ code: 'MISSING_TASK_TYPE', elementId: 'charge' })],
    });
    const definitions = await server.app.inject({ method: 'GET', url: '/api/v1/process-definitions', headers: admin });
    expect(JSON.stringify(definitions.json())).not.toContain('unsaved');
    expect((await post('/api/v1/models/validate', '{}')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('returns the diagnostics of an invalid model, and refuses unknown file types', async () => {
    const broken = multipart([
      {
        name: 'broken.bpmn',
        content: `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="broken" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="missing"/></bpmn:process></bpmn:definitions>`,
      },
    ]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...broken.headers },
      payload: broken.payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'MODEL_INVALID',
      resources: [{ resource: 'broken.bpmn', diagnostics: [expect.objectContaining({ severity: 'error' })] }],
    });

    const text = multipart([{ name: 'notes.txt', content: 'hello' }]);
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...text.headers },
      payload: text.payload,
    });
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const json = await post('/api/v1/deployments', '{}');
    expect(json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses a cursor it did not hand out', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/v1/process-instances?cursor=bogus',
      headers: admin,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
