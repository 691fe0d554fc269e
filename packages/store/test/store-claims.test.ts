import { describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { deployModel, InstanceDriver, orderVariables, TENANT } from './engine-driver';
import { ORDER, WAITS } from './models';
import { DIALECTS, migratedStore } from './store-dialects';

const HOUR = 3_600_000;

/** The store contract, part 3: jobs and timers handed out under leases. */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skipped)(`store contract: leases (${dialect.name})`, () => {
    const given = migratedStore(dialect);

    /** `count` ORDER instances started at `now`, each with an open 'charge' job. */
    async function chargeJobs(store: Store, count: number, now = 0, tenantId = TENANT): Promise<InstanceDriver[]> {
      const model = await deployModel(store, ORDER, 0, tenantId);
      const drivers = Array.from(
        { length: count },
        (_, index) => new InstanceDriver(store, model, `${tenantId}-i-${index}`, tenantId),
      );
      const writes = drivers.map((driver) =>
        driver.step({ type: 'create-instance', instanceKey: driver.instanceKey, variables: orderVariables() }, now),
      );
      await store.commit({ instances: writes });
      writes.forEach((write, index) => drivers[index]!.accept(write));
      return drivers;
    }

    const claim = (store: Store, ownerId: string, now: number, max = 10, leaseMs = 30_000) =>
      store.claimJobs({ tenantId: TENANT, type: 'charge', max, ownerId, leaseMs, now });

    it('never gives the same job to two claimers', async () => {
      const { store, database } = given();
      await chargeJobs(store, 10);
      // PostgreSQL: two nodes. SQLite is one process per file: two workers of that process.
      const other = dialect.name === 'postgres' ? database.open() : store;

      const rounds = await Promise.all([
        claim(store, 'node-1', 0, 4),
        claim(other, 'node-2', 0, 4),
        claim(store, 'node-3', 0, 4),
      ]);
      const keys = rounds.flat().map((job) => job.jobKey);

      expect(keys).toHaveLength(10);
      expect(new Set(keys).size).toBe(10);
      expect(rounds[1].every((job) => job.leaseOwner === 'node-2' && job.leaseUntil === 30_000)).toBe(true);
      expect(await claim(store, 'node-4', 1_000)).toEqual([]);
    });

    it('hands out a job again once its lease has expired', async () => {
      const { store } = given();
      await chargeJobs(store, 1);
      const [first] = await claim(store, 'node-1', 0, 1, 1_000);

      expect(await claim(store, 'node-2', 999)).toEqual([]);
      expect(await claim(store, 'node-2', 1_001)).toMatchObject([
        { jobKey: first!.jobKey, leaseOwner: 'node-2', leaseUntil: 31_001 },
      ]);
    });

    it('writes a job leased to the node that created it, for others only once that lease expires', async () => {
      const { store } = given();
      const model = await deployModel(store, ORDER, 0);
      const driver = new InstanceDriver(store, model, 'leased', TENANT);
      const write = driver.step(
        { type: 'create-instance', instanceKey: driver.instanceKey, variables: orderVariables() },
        0,
      );
      driver.accept(write);
      const jobKey = driver.key(driver.job('charge').key);
      await store.commit({
        instances: [write],
        jobLeases: { ownerId: 'node-1', leaseUntil: new Map([[jobKey, 2_000]]) },
      });

      expect(await store.getJob(TENANT, jobKey)).toMatchObject({ leaseOwner: 'node-1', leaseUntil: 2_000 });
      expect(await claim(store, 'node-2', 1_999)).toEqual([]);
      expect(await claim(store, 'node-2', 2_001)).toMatchObject([{ jobKey, leaseOwner: 'node-2' }]);
    });

    it('hands out a failed job only after its retry backoff', async () => {
      const { store } = given();
      const [instance] = await chargeJobs(store, 1);
      await claim(store, 'node-1', 0);
      await instance!.run(
        {
          type: 'fail-job',
          jobKey: instance!.job('charge').key,
          retries: 2,
          errorMessage: 'timeout',
          retryBackoffMs: 10_000,
        },
        1_000,
      );

      expect(await claim(store, 'node-2', 10_999)).toEqual([]);
      expect(await claim(store, 'node-2', 11_000)).toMatchObject([{ retries: 2, errorMessage: 'timeout' }]);
    });

    it('gives up the leases of a node that stops', async () => {
      const { store } = given();
      await chargeJobs(store, 3);
      await claim(store, 'node-1', 0, 2);
      await store.releaseLeases('node-1');
      expect(await claim(store, 'node-2', 0)).toHaveLength(3);
    });

    it('claims in the order jobs became available, within a tenant or across all', async () => {
      const { store } = given();
      await chargeJobs(store, 2, 500);
      await chargeJobs(store, 1, 100, 'other-tenant');

      expect((await claim(store, 'node-1', 1_000)).map((job) => job.tenantId)).toEqual([TENANT, TENANT]);
      await store.releaseLeases('node-1');
      const all = await store.claimJobs({
        tenantId: undefined,
        type: 'charge',
        max: 10,
        ownerId: 'node-1',
        leaseMs: 1,
        now: 1_000,
      });
      expect(all.map((job) => job.availableAt)).toEqual([100, 500, 500]);
      expect(
        await store.claimJobs({ tenantId: TENANT, type: 'ship', max: 10, ownerId: 'node-1', leaseMs: 1, now: 1_000 }),
      ).toEqual([]);
    });

    it('leases due timers like jobs: once, until the lease expires or is given up', async () => {
      const { store, database } = given();
      const model = await deployModel(store, WAITS);
      for (const key of ['a', 'b', 'c']) await new InstanceDriver(store, model, key).start({ orderId: key }, 0);
      const claimTimers = (on: Store, ownerId: string, now: number, max = 10) =>
        on.claimDueTimers({ now, max, ownerId, leaseMs: 1_000 });
      const other = dialect.name === 'postgres' ? database.open() : store;

      const rounds = await Promise.all([claimTimers(store, 'node-1', HOUR, 2), claimTimers(other, 'node-2', HOUR, 2)]);
      expect(new Set(rounds.flat().map((timer) => timer.instanceKey))).toEqual(new Set(['a', 'b', 'c']));
      expect(await claimTimers(store, 'node-3', HOUR + 1_000)).toEqual([]);
      expect(await claimTimers(store, 'node-3', HOUR + 1_001)).toHaveLength(3);
      await store.releaseLeases('node-3');
      expect(await claimTimers(store, 'node-4', HOUR + 1_001)).toHaveLength(3);
    });

    it('reschedules or removes the timers the runtime reports fired', async () => {
      const { store } = given();
      const model = await deployModel(store, WAITS);
      for (const key of ['a', 'b']) await new InstanceDriver(store, model, key).start({ orderId: key }, 0);
      const [a, b] = await store.claimDueTimers({ now: HOUR, max: 10, ownerId: 'node-1', leaseMs: 1_000 });

      await store.commit({
        instances: [],
        firedTimers: [
          { tenantId: TENANT, timerKey: a!.timerKey, nextDueAt: 2 * HOUR, repetitionsLeft: 1 },
          { tenantId: TENANT, timerKey: b!.timerKey, nextDueAt: undefined, repetitionsLeft: undefined },
        ],
      });

      expect(await store.claimDueTimers({ now: 2 * HOUR, max: 10, ownerId: 'node-2', leaseMs: 1_000 })).toMatchObject([
        { timerKey: a!.timerKey, dueAt: 2 * HOUR, repetitionsLeft: 1, leaseOwner: 'node-2' },
      ]);
    });
  });
}
