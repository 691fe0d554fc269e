import { createStore, type Store } from '@operon/store';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandLoop, type CommittedStep } from '../src/command-loop';
import { DefinitionRegistry } from '../src/definition-registry';
import { UserError } from '../src/index';
import { sequenceOfJobs } from './test-runtime';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** A command loop on an in-memory SQLite store with one process deployed. */
async function givenLoop(): Promise<{ loop: CommandLoop; definitionKey: string; committed: CommittedStep[] }> {
  store = createStore({ filename: ':memory:' });
  await store.migrate();
  const registry = new DefinitionRegistry(store);
  await registry.deploy('default', 'd-1', 'test', [{ name: 'order.bpmn', content: sequenceOfJobs('order', ['a']) }], 0);
  const { definitionKey } = (await registry.find('default', 'order')).record;
  const committed: CommittedStep[] = [];
  const loop = new CommandLoop(
    store,
    registry,
    { now: () => 0 },
    {
      maxBatch: 100,
      databaseRetries: 0,
      onCommitted: (steps) => committed.push(...steps),
      onDatabaseTrouble: () => undefined,
    },
    () => undefined,
  );
  return { loop, definitionKey, committed };
}

describe('the command loop and an instance key that exists already', () => {
  it('fails only the duplicate create with INSTANCE_EXISTS; the other commands of its batch are written', async () => {
    // given an instance created with a fixed key (as a call activity's child or a timer start's occurrence is)
    const { loop, definitionKey, committed } = await givenLoop();
    const create = (instanceKey: string) =>
      loop.submit({
        tenantId: 'default',
        instanceKey,
        definitionKey,
        command: { type: 'create-instance', instanceKey, variables: {} },
      });
    await create('child-1');

    // when the same create arrives again in one batch with other work (another node's recovery, say)
    const [duplicate, other] = await Promise.allSettled([create('child-1'), create('child-2')]);

    // then only the duplicate fails, saying why, and the other instance is created
    expect(duplicate.status).toBe('rejected');
    const reason = (duplicate as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(UserError);
    expect((reason as UserError).code).toBe('INSTANCE_EXISTS');
    expect(other.status).toBe('fulfilled');
    expect(committed.map((step) => step.instanceKey)).toEqual(['child-1', 'child-2']);
  });
});
