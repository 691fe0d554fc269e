// Process-level timer, message and signal start events: instances start by themselves, and timer start
// events keep their schedule across a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, sqliteRuntime, startEventModel, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const HOUR = 3_600_000;

const model = startEventModel;

async function instances(t: TestRuntime): Promise<{ instanceKey: string; businessKey?: string | undefined }[]> {
  return [...(await t.runtime.queryInstances({ processId: 'p' }, { limit: 50 })).items];
}

describe('start events', () => {
  it('a message start event starts one instance per message, and one active instance per correlation key', async () => {
    current = await sqliteRuntime();
    await current.runtime.deploy('test', [
      {
        name: 'p.bpmn',
        content: model('<bpmn:messageEventDefinition messageRef="m"/>', '<bpmn:message id="m" name="order placed"/>'),
      },
    ]);

    const first = await current.runtime.publishMessage({
      name: 'order placed',
      correlationKey: 'o-1',
      variables: { total: 5 },
    });
    await current.runtime.publishMessage({ name: 'order placed', correlationKey: 'o-1' });
    await current.runtime.publishMessage({ name: 'order placed', correlationKey: 'o-2' });

    expect(first.correlatedInstances).toHaveLength(1);
    const started = await instances(current);
    expect(started.map((instance) => instance.businessKey).sort()).toEqual(['o-1', 'o-2']);
    const details = await current.runtime.getInstance(first.correlatedInstances[0] ?? '');
    expect(details.state.variables[details.state.rootKey]).toEqual({ total: 5 });
  });

  it('a signal start event starts an instance when the signal is broadcast', async () => {
    current = await sqliteRuntime();
    await current.runtime.deploy('test', [
      {
        name: 'p.bpmn',
        content: model('<bpmn:signalEventDefinition signalRef="s"/>', '<bpmn:signal id="s" name="go"/>'),
      },
    ]);

    const result = await current.runtime.broadcastSignal('go', { from: 'test' });

    expect(result.triggeredInstances).toHaveLength(1);
    expect(await instances(current)).toHaveLength(1);
  });

  it('a timer start event with a cycle starts an instance per occurrence, and keeps counting across a restart', async () => {
    let now = Date.UTC(2030, 0, 1);
    const clock = { now: () => now };
    current = await sqliteRuntime({ clock });
    await current.runtime.deploy('test', [
      {
        name: 'p.bpmn',
        content: model(
          '<bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>',
        ),
      },
    ]);
    expect(await instances(current)).toHaveLength(0);

    now += HOUR;
    await eventually(async () => ((await instances(current as TestRuntime)).length === 1 ? true : undefined));

    current = await current.restart();
    expect(await instances(current)).toHaveLength(1); // the first occurrence is not repeated
    now += HOUR;
    await eventually(async () => ((await instances(current as TestRuntime)).length === 2 ? true : undefined));
    now += 5 * HOUR; // R3: the third and last occurrence (missed ones catch up once), then no more
    await eventually(async () => ((await instances(current as TestRuntime)).length === 3 ? true : undefined));
  });

  it('a timer start event with a date in the past starts an instance at once after the deployment', async () => {
    current = await sqliteRuntime();
    await current.runtime.deploy('test', [
      {
        name: 'p.bpmn',
        content: model(
          '<bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>',
        ),
      },
    ]);

    await eventually(async () => ((await instances(current as TestRuntime)).length === 1 ? true : undefined));
  });
});
