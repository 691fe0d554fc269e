import { describe, expect, it } from 'vitest';
import { NewerSchemaError, VersionConflictError } from '../src/index';
import { deployModel, InstanceDriver, orderVariables, TENANT } from './engine-driver';
import { ORDER, ORDER_V2, REVIEW } from './models';
import { DIALECTS, freshStore, migratedStore } from './store-dialects';

/** Every migration, in order (schema-migrations.ts). */
const ALL_MIGRATIONS = ['0001-initial', '0002-identity', '0003-bpmn-coverage', '0004-history-steps'];
const LATEST_MIGRATION = '0004-history-steps';

/** The store contract, part 1: schema, deployments, the commit path and the history. */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skipped)(`store contract: schema and commits (${dialect.name})`, () => {
    const migrated = migratedStore(dialect);

    describe('migrations', () => {
      const given = freshStore(dialect);

      it('creates the schema once; running them again changes nothing', async () => {
        const { store } = given();
        const first = await store.migrate();
        expect(first).toEqual({ applied: ALL_MIGRATIONS, current: LATEST_MIGRATION });
        const again = await store.migrate();
        expect(again).toEqual({ applied: [], current: LATEST_MIGRATION });
      });

      it('leaves nothing to do for a second node on the same database', async () => {
        const { store, database } = given();
        await store.migrate();
        expect(await database.open().migrate()).toEqual({ applied: [], current: LATEST_MIGRATION });
      });

      // Several nodes share a database only on PostgreSQL (SQLite is one process per file), so this
      // test exists only in the PostgreSQL suite.
      if (dialect.name === 'postgres') {
        it('lets several nodes migrate the same database at the same time', async () => {
          const { store, database } = given();
          const reports = await Promise.all([store.migrate(), database.open().migrate(), database.open().migrate()]);
          expect(reports.flatMap((report) => report.applied)).toEqual(ALL_MIGRATIONS);
        });
      }

      it('refuses a database a newer Operon has migrated, saying what to do', async () => {
        const { store, database } = given();
        await store.migrate();
        await database.execute(
          `insert into operon_migration (name, timestamp) values ('0002-from-the-future', '2030-01-01T00:00:00Z')`,
        );
        const refusal = await store.migrate().catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(NewerSchemaError);
        expect((refusal as NewerSchemaError).unknownMigrations).toEqual(['0002-from-the-future']);
        expect((refusal as Error).message).toMatch(/newer version of Operon.*0002-from-the-future/);
      });
    });

    describe('deployments', () => {
      it('versions a process by content: v1, the same content again is v1, changed content is v2', async () => {
        const { store } = migrated();
        const first = await deployModel(store, ORDER, 1_000);
        const same = await deployModel(store, ORDER, 2_000);
        const changed = await deployModel(store, ORDER_V2, 3_000);

        expect(first.record).toMatchObject({
          processId: 'order',
          version: 1,
          definitionKey: 'order:1',
          createdAt: 1_000,
        });
        expect(same.record).toEqual(first.record);
        expect(changed.record).toMatchObject({ processId: 'order', version: 2, definitionKey: 'order:2' });
        expect(await store.findDefinition(TENANT, 'order')).toEqual(changed.record);
        expect(await store.findDefinition(TENANT, 'order', 1)).toEqual(first.record);
        expect(await store.getDefinition(TENANT, 'order:2')).toEqual(changed.record);
        expect(await store.findDefinition('another-tenant', 'order')).toBeUndefined();
      });

      it('keeps every bundle with its resources, listed page by page', async () => {
        const { store } = migrated();
        await deployModel(store, ORDER, 1_000);
        await deployModel(store, REVIEW, 2_000);
        await deployModel(store, ORDER_V2, 3_000);

        const first = await store.listDeployments(TENANT, { limit: 2 });
        const second = await store.listDeployments(TENANT, {
          limit: 2,
          ...(first.nextCursor ? { cursor: first.nextCursor } : {}),
        });
        expect([...first.items, ...second.items].map((deployment) => deployment.resourceNames)).toEqual([
          ['order.bpmn'],
          ['review.bpmn'],
          ['order.bpmn'],
        ]);
        expect(second.nextCursor).toBeUndefined();

        const deployed = first.items[0]!;
        const resource = await store.getResource(TENANT, deployed.deploymentKey, 'order.bpmn');
        expect(resource).toMatchObject({ kind: 'bpmn', content: ORDER });
        const definitions = await store.listDefinitions(TENANT, { processId: 'order' }, { limit: 10 });
        expect(definitions.items.map((definition) => definition.version)).toEqual([1, 2]);
      });
    });

    describe('commit', () => {
      it('inserts a new instance at version 1 with its events as history, then updates it step by step', async () => {
        const { store } = migrated();
        const model = await deployModel(store, ORDER);
        const instance = new InstanceDriver(store, model, 'i-1');
        const started = await instance.start(orderVariables(), 10, 'order-4711');

        const stored = await store.loadInstance(TENANT, 'i-1');
        expect(stored).toEqual({
          tenantId: TENANT,
          instanceKey: 'i-1',
          definitionKey: 'order:1',
          state: instance.state,
          version: 1,
        });

        const completed = await instance.run(
          { type: 'complete-job', jobKey: instance.job('charge').key, variables: { charged: true } },
          20,
        );
        expect((await store.loadInstance(TENANT, 'i-1'))?.version).toBe(2);

        const history = await store.history(TENANT, 'i-1', { limit: 1_000 });
        expect(history.items.map((record) => record.event)).toEqual([...started, ...completed]);
        expect(history.items.map((record) => record.position)).toEqual(history.items.map((_, index) => index + 1));
        expect(history.items[0]).toMatchObject({ instanceKey: 'i-1', type: 'instance-created', at: 10 });
        expect(history.items.find((record) => record.type === 'job-created')?.elementId).toBe('charge');
        expect(history.items.at(-1)?.at).toBe(20);
      });

      it('refuses a stale write and writes nothing of its batch, history included', async () => {
        const { store } = migrated();
        const model = await deployModel(store, ORDER);
        const stale = new InstanceDriver(store, model, 'i-1');
        await stale.start(orderVariables(), 10);
        const fresh = new InstanceDriver(store, model, 'i-2');
        const jobKey = stale.job('charge').key;

        // another node completes the job first
        const winner = new InstanceDriver(store, model, 'i-1');
        winner.state = stale.state;
        winner.version = stale.version;
        await winner.run({ type: 'complete-job', jobKey, variables: {} }, 20);

        const batch = {
          instances: [
            fresh.step({ type: 'create-instance', instanceKey: 'i-2', variables: orderVariables() }, 30),
            stale.step({ type: 'fail-job', jobKey, retries: 2, errorMessage: 'late' }, 30),
          ],
        };
        const conflict = await store.commit(batch).catch((error: unknown) => error);

        expect(conflict).toBeInstanceOf(VersionConflictError);
        expect((conflict as VersionConflictError).instanceKeys).toEqual(['i-1']);
        expect(await store.loadInstance(TENANT, 'i-2')).toBeUndefined();
        expect((await store.history(TENANT, 'i-2', { limit: 10 })).items).toEqual([]);
        expect((await store.loadInstance(TENANT, 'i-1'))?.version).toBe(2);
        expect(await store.getJob(TENANT, stale.key(jobKey))).toBeUndefined();
      });

      it('lets only one of two nodes commit the same step of an instance', async () => {
        const { store, database } = migrated();
        const model = await deployModel(store, ORDER);
        const first = new InstanceDriver(store, model, 'i-1');
        await first.start(orderVariables(), 10);
        const jobKey = first.job('charge').key;
        // PostgreSQL: two nodes. SQLite is one process per file: two commands of that process.
        const second = new InstanceDriver(dialect.name === 'postgres' ? database.open() : store, model, 'i-1');
        second.state = first.state;
        second.version = first.version;

        const outcomes = await Promise.allSettled([
          first.run({ type: 'complete-job', jobKey, variables: { by: 'first' } }, 20),
          second.run({ type: 'complete-job', jobKey, variables: { by: 'second' } }, 20),
        ]);

        expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
        const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(VersionConflictError);
        const history = await store.history(TENANT, 'i-1', { limit: 1_000 });
        expect(history.items.filter((record) => record.type === 'job-completed')).toHaveLength(1);
        expect((await store.loadInstance(TENANT, 'i-1'))?.version).toBe(2);
      });

      it('refuses to create an instance whose key is taken', async () => {
        const { store } = migrated();
        const model = await deployModel(store, ORDER);
        await new InstanceDriver(store, model, 'i-1').start(orderVariables(), 10);
        const twin = new InstanceDriver(store, model, 'i-1');
        await expect(twin.start(orderVariables(), 20)).rejects.toBeInstanceOf(VersionConflictError);
        expect((await store.history(TENANT, 'i-1', { limit: 1_000 })).items.every((record) => record.at === 10)).toBe(
          true,
        );
      });

      it('commits several instances in one batch', async () => {
        const { store } = migrated();
        const model = await deployModel(store, ORDER);
        const drivers = ['a', 'b', 'c'].map((key) => new InstanceDriver(store, model, key));
        const writes = drivers.map((driver) =>
          driver.step({ type: 'create-instance', instanceKey: driver.instanceKey, variables: orderVariables() }, 5),
        );
        await store.commit({ instances: writes });
        writes.forEach((write, index) => drivers[index]!.accept(write));

        const page = await store.queryInstances({ tenantId: TENANT }, { limit: 10 });
        expect(page.items.map((summary) => summary.instanceKey)).toEqual(['a', 'b', 'c']);
        expect(
          await store.claimJobs({
            tenantId: TENANT,
            type: 'charge',
            max: 10,
            ownerId: 'node-1',
            leaseMs: 1_000,
            now: 5,
          }),
        ).toHaveLength(3);
      });
    });
  });
}
