// Two nodes on one PostgreSQL database: a process deployed on one node is started by its message, signal,
// conditional or timer start event through the other, without restarting it.
import { createStore } from '@operon/store';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime, type RuntimeOptions } from '../src/index';

type Clock = NonNullable<RuntimeOptions['clock']>;
import { DIALECTS, POSTGRES_URL, eventually, startEventModel, type TestRuntime } from './test-runtime';

const HOUR = 3_600_000;
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

let first: TestRuntime | undefined;
let second: { runtime: Runtime; close: () => Promise<void> } | undefined;
afterEach(async () => {
  await second?.close();
  await first?.close();
  first = second = undefined;
});

const model = startEventModel;

/** Node one on a fresh schema, node two started on the same schema before anything is deployed. */
async function twoNodes(clock?: Clock): Promise<{ one: Runtime; two: Runtime }> {
  if (!postgres) throw new Error('no PostgreSQL dialect');
  first = await postgres.start();
  const store = createStore({ url: POSTGRES_URL, schema: first.directory, maxConnections: 2 });
  const runtime = await Runtime.start({ store, ...(clock === undefined ? {} : { clock }) });
  second = {
    runtime,
    close: async () => {
      await runtime.stop();
      await store.close();
    },
  };
  return { one: first.runtime, two: runtime };
}

describe.skipIf(postgres?.skipped !== false)('start events deployed on another node', () => {
  it('given a message start event deployed on node one, when node two gets the message, then an instance starts', async () => {
    const { one, two } = await twoNodes();
    await one.deploy('test', [
      {
        name: 'p.bpmn',
        content: model('<bpmn:messageEventDefinition messageRef="m"/>', '<bpmn:message id="m" name="order placed"/>'),
      },
    ]);

    const published = await two.publishMessage({ name: 'order placed', correlationKey: 'o-1', variables: { n: 1 } });

    expect(published.correlatedInstances).toHaveLength(1);
    expect((await one.queryInstances({ processId: 'p' }, { limit: 5 })).items).toHaveLength(1);
  });

  it('given a signal start event deployed on node one, when node two broadcasts the signal, then an instance starts', async () => {
    const { one, two } = await twoNodes();
    await one.deploy('test', [
      {
        name: 'p.bpmn',
        content: model('<bpmn:signalEventDefinition signalRef="s"/>', '<bpmn:signal id="s" name="go"/>'),
      },
    ]);

    const result = await two.broadcastSignal('go');

    expect(result.triggeredInstances).toHaveLength(1);
  });

  it('given a conditional start event deployed on node one, when node two evaluates conditions, then an instance starts', async () => {
    const { one, two } = await twoNodes();
    await one.deploy('test', [
      {
        name: 'p.bpmn',
        content: model(
          '<bpmn:conditionalEventDefinition><bpmn:condition>=amount &gt; 100</bpmn:condition></bpmn:conditionalEventDefinition>',
        ),
      },
    ]);

    const result = await two.evaluateConditions({ variables: { amount: 150 }, processId: 'p' });

    expect(result.startedInstances).toHaveLength(1);
  });

  it('given a timer start event deployed on node one, when it falls due on node two only, then node two starts the instance', async () => {
    const now = Date.now();
    // node two's clock runs two hours ahead: the timer falls due there, not on node one
    const { one, two } = await twoNodes({ now: () => Date.now() + 2 * HOUR });
    const due = new Date(now + HOUR).toISOString();
    await one.deploy('test', [
      {
        name: 'p.bpmn',
        content: model(`<bpmn:timerEventDefinition><bpmn:timeDate>${due}</bpmn:timeDate></bpmn:timerEventDefinition>`),
      },
    ]);

    // node two looks for new deployments every 10 s
    const started = await eventually(async () => {
      const items = (await two.queryInstances({ processId: 'p' }, { limit: 5 })).items;
      return items.length > 0 ? items : undefined;
    }, 20_000);
    expect(started).toHaveLength(1);
  }, 30_000);
});
