import { describe, expect, it } from 'vitest';
import { InvalidCursorError, type Page, type PageRequest, type Store } from '../src/index';
import { deployModel, InstanceDriver, orderVariables, TENANT, type DeployedModel } from './engine-driver';
import { ORDER } from './models';
import { DIALECTS, migratedStore } from './store-dialects';

/** Follows cursors to the end: every item of every page. */
async function allPages<T>(limit: number, fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit, ...(cursor === undefined ? {} : { cursor }) });
    pages.push([...page.items]);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

/** The store contract, part 4: the query views. */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skipped)(`store contract: queries (${dialect.name})`, () => {
    const given = migratedStore(dialect);

    async function start(
      store: Store,
      model: DeployedModel,
      key: string,
      now: number,
      variables = orderVariables(),
      businessKey?: string,
    ) {
      const instance = new InstanceDriver(store, model, key);
      await instance.start(variables, now, businessKey);
      return instance;
    }

    /** An ORDER instance waiting at its user task. */
    async function atApproval(
      store: Store,
      model: DeployedModel,
      key: string,
      now: number,
      variables: Record<string, unknown>,
    ) {
      const instance = await start(store, model, key, now, orderVariables(variables));
      await instance.run({ type: 'complete-job', jobKey: instance.job('charge').key }, now);
      return instance;
    }

    describe('instances', () => {
      it('pages by start time, then key, in both directions, without gaps or repeats', async () => {
        const { store } = given();
        const model = await deployModel(store, ORDER);
        for (const [key, startedAt] of [
          ['e', 30],
          ['a', 10],
          ['c', 20],
          ['b', 20],
          ['d', 20],
        ] as const)
          await start(store, model, key, startedAt);

        const ascending = await allPages(2, (page) => store.queryInstances({ tenantId: TENANT }, page));
        expect(ascending.map((items) => items.map((item) => item.instanceKey))).toEqual([
          ['a', 'b'],
          ['c', 'd'],
          ['e'],
        ]);
        const descending = await allPages(3, (page) => store.queryInstances({ tenantId: TENANT, order: 'desc' }, page));
        expect(descending.flat().map((item) => item.instanceKey)).toEqual(['e', 'd', 'c', 'b', 'a']);
      });

      it('refuses a cursor it did not hand out for that query', async () => {
        const { store } = given();
        const model = await deployModel(store, ORDER);
        for (const key of ['a', 'b']) await start(store, model, key, 0);
        const { nextCursor } = await store.queryInstances({ tenantId: TENANT }, { limit: 1 });

        await expect(
          store.queryInstances({ tenantId: TENANT }, { limit: 1, cursor: 'not-a-cursor' }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
        await expect(
          store.queryIncidents({ tenantId: TENANT }, { limit: 1, cursor: nextCursor! }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
      });

      it('filters by process, status, business key, start time and key', async () => {
        const { store } = given();
        const model = await deployModel(store, ORDER);
        await start(store, model, 'running', 10, orderVariables(), 'order-1');
        const failing = await start(store, model, 'failing', 20);
        await failing.run(
          { type: 'fail-job', jobKey: failing.job('charge').key, retries: 0, errorMessage: 'down' },
          25,
        );
        const cancelled = await start(store, model, 'cancelled', 30);
        await cancelled.run({ type: 'cancel-instance' }, 35);
        const keys = async (filter: Omit<Parameters<Store['queryInstances']>[0], 'tenantId'>) =>
          (await store.queryInstances({ tenantId: TENANT, ...filter }, { limit: 10 })).items.map(
            (item) => item.instanceKey,
          );

        expect(await keys({ status: 'active' })).toEqual(['running', 'failing']);
        expect(await keys({ status: 'incident' })).toEqual(['failing']);
        expect(await keys({ status: 'terminated' })).toEqual(['cancelled']);
        expect(await keys({ businessKey: 'order-1' })).toEqual(['running']);
        expect(await keys({ startedAfter: 20, startedBefore: 30 })).toEqual(['failing', 'cancelled']);
        expect(await keys({ processId: 'order', instanceKey: 'failing' })).toEqual(['failing']);
        expect(await keys({ processId: 'review' })).toEqual([]);
        expect(await keys({ definitionKey: 'order:1' })).toHaveLength(3);
        expect((await store.queryInstances({ tenantId: 'another-tenant' }, { limit: 10 })).items).toEqual([]);
      });

      it('finds instances by a variable, by name alone or by name and JSON value', async () => {
        const { store } = given();
        const model = await deployModel(store, ORDER);
        await start(store, model, 'small', 0, orderVariables({ total: 10, customer: { id: 'c-1' }, vip: false }));
        await start(store, model, 'large', 1, orderVariables({ total: 5000, customer: { id: 'c-2' }, vip: true }));
        const keys = async (variable: { name: string; value?: unknown }) =>
          (await store.queryInstances({ tenantId: TENANT, variable }, { limit: 10 })).items.map(
            (item) => item.instanceKey,
          );

        expect(await keys({ name: 'total' })).toEqual(['small', 'large']);
        expect(await keys({ name: 'total', value: 5000 })).toEqual(['large']);
        expect(await keys({ name: 'vip', value: false })).toEqual(['small']);
        expect(await keys({ name: 'customer', value: { id: 'c-1' } })).toEqual(['small']);
        expect(await keys({ name: 'orderId', value: 'o-1' })).toEqual(['small', 'large']);
        expect(await keys({ name: 'approver', value: null })).toEqual(['small', 'large']);
        expect(await keys({ name: 'missing' })).toEqual([]);
      });
    });

    it('pages through an instance history by position', async () => {
      const { store } = given();
      const instance = await start(store, await deployModel(store, ORDER), 'i-1', 0);
      await instance.run({ type: 'complete-job', jobKey: instance.job('charge').key }, 10);

      const pages = await allPages(4, (page) => store.history(TENANT, 'i-1', page));
      const positions = pages.flat().map((record) => record.position);
      expect(positions).toEqual(positions.map((_, index) => index + 1));
      expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true);
    });

    describe('user tasks', () => {
      it('finds open tasks any of my groups may claim, and tasks offered to me', async () => {
        const { store } = given();
        const model = await deployModel(store, ORDER);
        await atApproval(store, model, 'sales', 0, { groups: ['sales'] });
        await atApproval(store, model, 'finance', 0, { groups: ['finance', 'managers'] });
        await atApproval(store, model, 'nobody', 0, { groups: [] });
        const instances = async (filter: Omit<Parameters<Store['queryUserTasks']>[0], 'tenantId'>) =>
          (await store.queryUserTasks({ tenantId: TENANT, ...filter }, { limit: 10 })).items.map(
            (task) => task.instanceKey,
          );

        expect(await instances({ candidateGroups: ['managers', 'sales'] })).toEqual(['finance', 'sales']);
        expect(await instances({ candidateGroups: ['hr'] })).toEqual([]);
        expect(await instances({ candidateGroups: [] })).toEqual([]);
        expect(await instances({ candidateUser: 'ann', state: 'open' })).toHaveLength(3);
        expect(await instances({ candidateUser: 'bob' })).toEqual([]);
      });

      it('claims a task only when it is still as expected, and finds it by assignee', async () => {
        const { store } = given();
        const instance = await atApproval(store, await deployModel(store, ORDER), 'i-1', 0, {});
        const taskKey = instance.key(instance.userTask('approve').key);

        expect(await store.assignUserTask(TENANT, taskKey, 'ann', null)).toBe(true);
        expect(await store.assignUserTask(TENANT, taskKey, 'bob', null)).toBe(false);
        expect(await store.assignUserTask(TENANT, taskKey, 'bob', 'carl')).toBe(false);
        expect((await store.queryUserTasks({ tenantId: TENANT, assignee: 'ann' }, { limit: 10 })).items).toHaveLength(
          1,
        );
        expect((await store.queryUserTasks({ tenantId: TENANT, unassigned: true }, { limit: 10 })).items).toEqual([]);

        expect(await store.assignUserTask(TENANT, taskKey, undefined, 'ann')).toBe(true);
        expect(await store.getUserTask(TENANT, taskKey)).toMatchObject({ assignee: undefined });
        expect(await store.assignUserTask(TENANT, taskKey, 'bob')).toBe(true);
        await instance.run({ type: 'complete-user-task', userTaskKey: instance.userTask('approve').key }, 10);
        expect(await store.assignUserTask(TENANT, taskKey, 'carl')).toBe(false);
      });

      it('sorts by due date (undated last), priority or creation, page by page', async () => {
        const { store } = given();
        const model = await deployModel(store, ORDER);
        await atApproval(store, model, 'late', 1, { due: '2030-03-01T00:00:00Z', priority: 10 });
        await atApproval(store, model, 'undated', 2, { priority: 90 });
        await atApproval(store, model, 'soon', 3, { due: '2030-01-01T00:00:00Z', priority: 50 });
        await atApproval(store, model, 'vague', 4, { priority: 50 });
        const order = async (sort: 'dueDate' | 'priority' | 'createdAt', direction: 'asc' | 'desc') =>
          (await allPages(3, (page) => store.queryUserTasks({ tenantId: TENANT, sort, order: direction }, page)))
            .flat()
            .map((task) => task.instanceKey);

        expect(await order('dueDate', 'asc')).toEqual(['soon', 'late', 'undated', 'vague']);
        expect(await order('priority', 'desc')).toEqual(['undated', 'vague', 'soon', 'late']);
        expect(await order('createdAt', 'asc')).toEqual(['late', 'undated', 'soon', 'vague']);
      });
    });

    it('pages through incidents and tells open from resolved', async () => {
      const { store } = given();
      const model = await deployModel(store, ORDER);
      for (const key of ['a', 'b', 'c']) {
        const instance = await start(store, model, key, 0);
        await instance.run(
          { type: 'fail-job', jobKey: instance.job('charge').key, retries: 0, errorMessage: 'down' },
          10,
        );
        if (key === 'b')
          await instance.run(
            { type: 'resolve-incident', incidentKey: Object.values(instance.state!.incidents)[0]!.key },
            20,
          );
      }
      const open = await allPages(1, (page) => store.queryIncidents({ tenantId: TENANT, state: 'open' }, page));
      expect(open.flat().map((incident) => incident.instanceKey)).toEqual(['a', 'c']);
      expect((await store.queryIncidents({ tenantId: TENANT, state: 'resolved' }, { limit: 10 })).items).toMatchObject([
        { instanceKey: 'b' },
      ]);
    });

    it('counts per element what is active, completed, terminated and in incident', async () => {
      const { store } = given();
      const model = await deployModel(store, ORDER);
      await start(store, model, 'at-charge', 0);
      await atApproval(store, model, 'at-approve', 0, {});
      const failing = await start(store, model, 'failing', 0);
      await failing.run({ type: 'fail-job', jobKey: failing.job('charge').key, retries: 0, errorMessage: 'down' }, 10);
      const done = await atApproval(store, model, 'done', 0, {});
      await done.run({ type: 'complete-user-task', userTaskKey: done.userTask('approve').key }, 10);
      const cancelled = await start(store, model, 'cancelled', 0);
      await cancelled.run({ type: 'cancel-instance' }, 10);

      const statistics = await store.elementStatistics(TENANT, 'order:1');
      expect(statistics).toEqual([
        // 'done' reached the approval at 0 and completed it at 10: the only element that took time
        { elementId: 'approve', active: 1, completed: 1, terminated: 0, incidents: 0, averageDurationMs: 10 },
        { elementId: 'charge', active: 2, completed: 2, terminated: 1, incidents: 1, averageDurationMs: 0 },
        { elementId: 'end', active: 0, completed: 1, terminated: 0, incidents: 0, averageDurationMs: 0 },
        { elementId: 'order', active: 3, completed: 1, terminated: 1, incidents: 0, averageDurationMs: 10 },
        { elementId: 'start', active: 0, completed: 5, terminated: 0, incidents: 0, averageDurationMs: 0 },
      ]);
      expect(await store.elementStatistics(TENANT, 'order:2')).toEqual([]);
    });
  });
}
