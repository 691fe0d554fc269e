import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, oneJobProcess, startTestServer, type TestServer } from './test-server';

/** The server-sent-events stream, through a real HTTP connection. */
describe('GET /api/v1/events', () => {
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.bearer(['admin']);
    const upload = multipart([{ name: 'streamed.bpmn', content: oneJobProcess('streamed', 'stream-work') }]);
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { ...admin, ...upload.headers },
      payload: upload.payload,
    });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('sends instance changes as they are committed', async () => {
    const { port } = server.app.server.address() as AddressInfo;
    const received: string[] = [];
    const seen = new Promise<void>((resolve, reject) => {
      const stream = request({ host: '127.0.0.1', port, path: '/api/v1/events', headers: admin }, (response) => {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toContain('text/event-stream');
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          received.push(chunk);
          if (chunk.includes(': connected')) {
            void server.app.inject({
              method: 'POST',
              url: '/api/v1/process-instances',
              headers: admin,
              payload: { processId: 'streamed' },
            });
          }
          if (received.join('').includes('event: instance')) {
            stream.destroy();
            resolve();
          }
        });
      });
      stream.on('error', reject);
      stream.end();
    });
    await seen;
    const event = /event: instance\ndata: (.*)\n/.exec(received.join(''));
    expect(JSON.parse(event![1]!)).toMatchObject({ kind: 'instance', processId: 'streamed', status: 'active' });
  });
});
