import type { AddressInfo } from 'node:net';
import { CLIENT_ROUTES, createWorker, OperonApiError, OperonClient } from '@operon/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, startTestServer, type TestServer } from './test-server';

/**
 * Through real HTTP, as a new user would: deploy with the client, start an instance, let workers
 * written with the SDK do the service tasks, complete the user task, see the instance completed.
 */
describe('end to end over HTTP, with the client and the worker SDK', () => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    await server.addUser('sam', ['task-user'], ['sales-managers']);
  });
  afterAll(() => server.close());

  it('calls only routes the OpenAPI document has', async () => {
    const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as { paths: Record<string, object> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toEqual(expect.arrayContaining([...CLIENT_ROUTES]));
  });

  it('fulfils an order', async () => {
    const client = new OperonClient({ baseUrl, token: (await server.bearer(['admin'])).authorization.slice(7) });
    const samClient = new OperonClient({
      baseUrl,
      token: (await server.bearer(['task-user'], 'sam')).authorization.slice(7),
    });

    const deployment = await client.deploy([
      { name: 'order-fulfilment.bpmn', content: example('order-fulfilment.bpmn') },
    ]);
    expect(deployment.definitions.map((definition) => definition.processId)).toEqual(['order-fulfilment']);

    let chargeAttempts = 0;
    const workers = [
      createWorker({
        client,
        type: 'charge-payment',
        backoff: () => 0,
        handler: (job) => {
          chargeAttempts++;
          if (chargeAttempts === 1) throw new Error('card network busy');
          return { paymentId: `P-${String(job.variables.amount)}` };
        },
      }),
      createWorker({ client, type: 'reserve-stock', requestTimeout: 2_000, handler: () => undefined }),
      createWorker({ client, type: 'ship-order', concurrency: 2, handler: () => ({ shipped: true }) }),
    ];
    try {
      const { instanceKey } = await client.startInstance({
        processId: 'order-fulfilment',
        variables: { items: [{ sku: 'KB-01', price: 1200, quantity: 1 }] },
      });
      const task = await eventually(async () => (await samClient.listUserTasks({ view: 'candidate' })).items[0]);
      await samClient.claimUserTask(task.taskKey);
      await samClient.completeUserTask(task.taskKey, { approved: true });

      const done = await eventually(async () => {
        const instance = await client.getInstance(instanceKey);
        return instance.status === 'completed' ? instance : undefined;
      });
      expect(done.variables).toMatchObject({ paymentId: 'P-1200', shipped: true, approved: true });
      expect(chargeAttempts).toBe(2);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  it('throws the API error code', async () => {
    const client = new OperonClient({ baseUrl, token: (await server.bearer(['worker'])).authorization.slice(7) });
    const error = await client.startInstance({ processId: 'order-fulfilment' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperonApiError);
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});

/** Polls until `probe` gives a value (the workers run on their own; there is no event to await). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
