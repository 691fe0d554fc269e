import { describe, expect, it } from 'vitest';
import { deployModel, InstanceDriver, orderVariables, TENANT } from './engine-driver';
import { ORDER, REVIEW, WAITS } from './models';
import { DIALECTS, migratedStore } from './store-dialects';

const HOUR = 3_600_000;

/** The store contract, part 2: the rows a commit derives from the engine's events and effects. */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skipped)(`store contract: rows derived from events (${dialect.name})`, () => {
    const given = migratedStore(dialect);

    async function orderInstance(key = 'i-1', variables = orderVariables()) {
      const { store } = given();
      const model = await deployModel(store, ORDER);
      const instance = new InstanceDriver(store, model, key);
      await instance.start(variables, 1_000);
      return { store, instance, model };
    }

    describe('jobs', () => {
      it('opens a job with its headers and the variables its worker receives', async () => {
        const { store, instance } = await orderInstance();
        const job = instance.job('charge');
        expect(await store.getJob(TENANT, instance.key(job.key))).toEqual({
          tenantId: TENANT,
          jobKey: instance.key(job.key),
          instanceKey: 'i-1',
          localKey: job.key,
          processId: 'order',
          definitionKey: 'order:1',
          elementId: 'charge',
          elementInstanceKey: job.elementInstanceKey,
          type: 'charge',
          retries: 3,
          headers: { currency: 'EUR' },
          variables: orderVariables(),
          errorMessage: undefined,
          availableAt: 1_000,
          leaseOwner: undefined,
          leaseUntil: undefined,
        });
      });

      it('after a failure keeps the job, with fewer retries, no lease, due after the backoff', async () => {
        const { store, instance } = await orderInstance();
        const job = instance.job('charge');
        await store.claimJobs({
          tenantId: TENANT,
          type: 'charge',
          max: 1,
          ownerId: 'worker-1',
          leaseMs: 60_000,
          now: 1_000,
        });
        await instance.run(
          { type: 'fail-job', jobKey: job.key, retries: 2, errorMessage: 'card declined', retryBackoffMs: 5_000 },
          2_000,
        );

        expect(await store.getJob(TENANT, instance.key(job.key))).toMatchObject({
          retries: 2,
          errorMessage: 'card declined',
          availableAt: 7_000,
          leaseOwner: undefined,
          leaseUntil: undefined,
        });
      });

      it('holds a job out of retries for its incident; resolving the incident hands it out again', async () => {
        const { store, instance } = await orderInstance();
        const job = instance.job('charge');
        const claim = (now: number) =>
          store.claimJobs({ tenantId: TENANT, type: 'charge', max: 5, ownerId: 'w', leaseMs: 1_000, now });
        await instance.run({ type: 'fail-job', jobKey: job.key, retries: 0, errorMessage: 'card declined' }, 2_000);

        expect(await store.getJob(TENANT, instance.key(job.key))).toMatchObject({ retries: 0 });
        expect(await claim(3_000)).toEqual([]);
        const [incident] = (await store.queryIncidents({ tenantId: TENANT, state: 'open' }, { limit: 10 })).items;
        expect(incident).toMatchObject({
          elementId: 'charge',
          type: 'JOB_NO_RETRIES',
          jobKey: instance.key(job.key),
          createdAt: 2_000,
        });
        expect(
          (await store.queryInstances({ tenantId: TENANT, status: 'incident' }, { limit: 10 })).items,
        ).toMatchObject([{ instanceKey: 'i-1', status: 'active', openIncidents: 1 }]);

        const localIncidentKey = Object.values(instance.state!.incidents)[0]!.key;
        await instance.run({ type: 'resolve-incident', incidentKey: localIncidentKey, retries: 2 }, 4_000);

        expect(await claim(4_000)).toMatchObject([{ jobKey: instance.key(job.key), retries: 2 }]);
        expect((await store.queryIncidents({ tenantId: TENANT }, { limit: 10 })).items).toMatchObject([
          { state: 'resolved', resolvedAt: 4_000 },
        ]);
        expect((await store.queryInstances({ tenantId: TENANT, status: 'incident' }, { limit: 10 })).items).toEqual([]);
      });

      it('removes a completed job; completing it again finds nothing', async () => {
        const { store, instance } = await orderInstance();
        const job = instance.job('charge');
        await instance.run({ type: 'complete-job', jobKey: job.key, variables: { charged: true } }, 2_000);
        expect(await store.getJob(TENANT, instance.key(job.key))).toBeUndefined();
      });
    });

    describe('user tasks', () => {
      it('opens a task with its candidates, schedule, form and the variables its form shows', async () => {
        const { store, instance } = await orderInstance(
          'i-1',
          orderVariables({ due: '2030-01-02T09:00:00Z', priority: 80 }),
        );
        await instance.run(
          { type: 'complete-job', jobKey: instance.job('charge').key, variables: { charged: true } },
          2_000,
        );
        const task = instance.userTask('approve');

        expect(await store.getUserTask(TENANT, instance.key(task.key))).toEqual({
          tenantId: TENANT,
          taskKey: instance.key(task.key),
          instanceKey: 'i-1',
          localKey: task.key,
          processId: 'order',
          definitionKey: 'order:1',
          elementId: 'approve',
          name: 'Approve order',
          assignee: undefined,
          candidateGroups: ['sales', 'managers'],
          candidateUsers: ['ann'],
          dueDate: '2030-01-02T09:00:00Z',
          followUpDate: undefined,
          priority: 80,
          formId: 'approval-form',
          formKey: undefined,
          headers: {},
          state: 'open',
          variables: { ...orderVariables({ due: '2030-01-02T09:00:00Z', priority: 80 }), charged: true },
          createdAt: 2_000,
          completedAt: undefined,
        });
      });

      it('keeps a completed task, and a task cancelled with its instance, for history', async () => {
        const { store, instance, model } = await orderInstance('i-1');
        await instance.run({ type: 'complete-job', jobKey: instance.job('charge').key }, 2_000);
        const done = instance.userTask('approve');
        await instance.run({ type: 'complete-user-task', userTaskKey: done.key, variables: { approved: true } }, 3_000);

        const other = new InstanceDriver(store, model, 'i-2');
        await other.start(orderVariables(), 1_000);
        await other.run({ type: 'complete-job', jobKey: other.job('charge').key }, 2_000);
        const cancelled = other.userTask('approve');
        await other.run({ type: 'cancel-instance' }, 4_000);

        expect(await store.getUserTask(TENANT, instance.key(done.key))).toMatchObject({
          state: 'completed',
          completedAt: 3_000,
        });
        expect(await store.getUserTask(TENANT, other.key(cancelled.key))).toMatchObject({
          state: 'cancelled',
          completedAt: 4_000,
        });
        expect((await store.queryInstances({ tenantId: TENANT }, { limit: 10 })).items).toMatchObject([
          { instanceKey: 'i-1', status: 'completed', endedAt: 3_000 },
          { instanceKey: 'i-2', status: 'terminated', endedAt: 4_000 },
        ]);
      });
    });

    describe('incidents', () => {
      it('records an expression failure as an open incident without a job', async () => {
        const { store, instance } = await orderInstance('i-1', orderVariables({ groups: 42 }));
        await instance.run({ type: 'complete-job', jobKey: instance.job('charge').key }, 2_000);

        const { items } = await store.queryIncidents({ tenantId: TENANT, instanceKey: 'i-1' }, { limit: 10 });
        expect(items).toMatchObject([
          { elementId: 'approve', type: 'EXPRESSION_ERROR', jobKey: undefined, state: 'open', resolvedAt: undefined },
        ]);
        expect(items[0]?.message).toMatch(/candidate groups/);
      });
    });

    describe('variables', () => {
      it("keeps a scope's variables while it is active, and the process's for good", async () => {
        const { store } = given();
        const instance = new InstanceDriver(store, await deployModel(store, REVIEW), 'i-1');
        const withVariable = (name: string) =>
          store.queryInstances({ tenantId: TENANT, variable: { name } }, { limit: 10 });
        await instance.start({ amount: 5 }, 1_000);

        expect((await withVariable('limit')).items.map((summary) => summary.instanceKey)).toEqual(['i-1']);
        await instance.run(
          { type: 'complete-job', jobKey: instance.job('check').key, variables: { checked: true } },
          2_000,
        );

        expect(instance.state?.status).toBe('completed');
        expect((await withVariable('limit')).items).toEqual([]);
        expect((await withVariable('amount')).items.map((summary) => summary.instanceKey)).toEqual(['i-1']);
        expect((await withVariable('checked')).items.map((summary) => summary.instanceKey)).toEqual(['i-1']);
      });
    });

    describe('timers and message subscriptions', () => {
      it('schedules a timer, fires it, then waits for a message on a subscription', async () => {
        const { store } = given();
        const instance = new InstanceDriver(store, await deployModel(store, WAITS), 'i-1');
        await instance.start({ orderId: 'o-1' }, 1_000);
        const claimTimers = (now: number) => store.claimDueTimers({ now, max: 10, ownerId: 'node-1', leaseMs: 30_000 });

        expect(await claimTimers(1_000 + HOUR - 1)).toEqual([]);
        const [timer] = await claimTimers(1_000 + HOUR);
        expect(timer).toMatchObject({
          tenantId: TENANT,
          instanceKey: 'i-1',
          elementId: 'wait',
          dueAt: 1_000 + HOUR,
          leaseOwner: 'node-1',
        });

        await instance.run({ type: 'trigger-timer', timerKey: timer!.localKey }, 1_000 + HOUR);
        expect(await claimTimers(1_000 + 3 * HOUR)).toEqual([]);
        const [subscription] = await store.findSubscriptions(TENANT, 'paid', 'o-1');
        expect(subscription).toMatchObject({
          instanceKey: 'i-1',
          elementId: 'paid',
          messageName: 'paid',
          correlationKey: 'o-1',
        });
        expect(subscription?.subscriptionKey).toBe(instance.key(subscription!.localKey));

        await instance.run(
          { type: 'correlate-message', subscriptionKey: subscription!.localKey, variables: { paid: true } },
          2 * HOUR,
        );
        expect(await store.findSubscriptions(TENANT, 'paid', 'o-1')).toEqual([]);
        expect(instance.state?.status).toBe('completed');
      });

      it('drops the timer of a cancelled instance', async () => {
        const { store } = given();
        const instance = new InstanceDriver(store, await deployModel(store, WAITS), 'i-1');
        await instance.start({ orderId: 'o-1' }, 1_000);
        await instance.run({ type: 'cancel-instance' }, 2_000);
        expect(await store.claimDueTimers({ now: 10 * HOUR, max: 10, ownerId: 'node-1', leaseMs: 1_000 })).toEqual([]);
      });

      it('buffers a message until it is consumed by a commit, or expires', async () => {
        const { store } = given();
        const message = {
          tenantId: TENANT,
          name: 'paid',
          correlationKey: 'o-1',
          variables: { paid: true },
          publishedAt: 1_000,
          expiresAt: 61_000,
        };
        await store.saveMessage({ ...message, messageKey: 'm-1' });
        await store.saveMessage({ ...message, messageKey: 'm-2', publishedAt: 2_000 });

        expect(await store.findMessage(TENANT, 'paid', 'o-1', 5_000)).toEqual({ ...message, messageKey: 'm-1' });
        expect(await store.findMessage('another-tenant', 'paid', 'o-1', 5_000)).toBeUndefined();
        await store.commit({ instances: [], consumedMessages: [{ tenantId: TENANT, messageKey: 'm-1' }] });
        expect((await store.findMessage(TENANT, 'paid', 'o-1', 5_000))?.messageKey).toBe('m-2');
        expect(await store.findMessage(TENANT, 'paid', 'o-1', 61_000)).toBeUndefined();
        expect(await store.purgeExpiredMessages(61_000)).toBe(1);
      });
    });
  });
}
