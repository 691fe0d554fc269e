// Message, signal and conditional start events wait in the deployed definitions, not in an instance: after a
// restart on the same database (SQLite, PostgreSQL) the runtime reads them again and they still start instances.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, NAMESPACES, eventually, type RuntimeDialect, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

/** A process `processId`: a start event with `definition` → end. */
function model(processId: string, definition: string, roots = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-${processId}" targetNamespace="http://operon.test">${roots}
  <bpmn:process id="${processId}" isExecutable="true"><bpmn:startEvent id="start">${definition}</bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/><bpmn:endEvent id="end"/></bpmn:process>
</bpmn:definitions>`;
}

/** The processes deployed on a runtime of the dialect, which is then restarted before anything is started. */
async function deployedThenRestarted(dialect: RuntimeDialect, models: Record<string, string>): Promise<TestRuntime> {
  current = await dialect.start();
  await current.runtime.deploy(
    'test',
    Object.entries(models).map(([processId, content]) => ({ name: `${processId}.bpmn`, content })),
  );
  current = await current.restart();
  return current;
}

async function instancesOf(t: TestRuntime, processId: string): Promise<{ instanceKey: string; status: string }[]> {
  return [...(await t.runtime.queryInstances({ processId }, { limit: 10 })).items];
}

async function completedInstance(t: TestRuntime, instanceKey: string): Promise<Record<string, unknown>> {
  await eventually(async () =>
    (await t.runtime.getInstance(instanceKey)).summary.status === 'completed' ? true : undefined,
  );
  const { state } = await t.runtime.getInstance(instanceKey);
  return { ...state.variables[state.rootKey] };
}

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`start events that survive a restart (${dialect.name})`, () => {
    it('given a message start event and a signal start event deployed before a restart, when the message and the signal arrive after it, then each starts an instance', async () => {
      const t = await deployedThenRestarted(dialect, {
        onOrder: model(
          'onOrder',
          '<bpmn:messageEventDefinition messageRef="m"/>',
          '<bpmn:message id="m" name="order placed"/>',
        ),
        onStock: model(
          'onStock',
          '<bpmn:signalEventDefinition signalRef="s"/>',
          '<bpmn:signal id="s" name="restocked"/>',
        ),
      });
      expect(await instancesOf(t, 'onOrder')).toEqual([]);
      expect(await instancesOf(t, 'onStock')).toEqual([]);

      const published = await t.runtime.publishMessage({
        name: 'order placed',
        correlationKey: 'o-1',
        variables: { total: 5 },
      });
      const broadcast = await t.runtime.broadcastSignal('restocked', { lot: 7 });

      const [ordered] = await instancesOf(t, 'onOrder');
      expect(published.correlatedInstances).toEqual([ordered?.instanceKey]);
      expect(await completedInstance(t, ordered?.instanceKey ?? '')).toEqual({ total: 5 });
      const [stocked] = await instancesOf(t, 'onStock');
      expect(broadcast.triggeredInstances).toEqual([stocked?.instanceKey]);
      expect(await completedInstance(t, stocked?.instanceKey ?? '')).toEqual({ lot: 7 });
    });

    it('given a conditional start event deployed before a restart, when the conditions are evaluated after it, then an instance starts', async () => {
      const t = await deployedThenRestarted(dialect, {
        bigOrders: model(
          'bigOrders',
          '<bpmn:conditionalEventDefinition><bpmn:condition>=amount &gt; 100</bpmn:condition></bpmn:conditionalEventDefinition>',
        ),
      });
      expect(await instancesOf(t, 'bigOrders')).toEqual([]);

      const { startedInstances } = await t.runtime.evaluateConditions({ variables: { amount: 500 } });

      expect(startedInstances).toHaveLength(1);
      expect(startedInstances[0]).toMatchObject({ processId: 'bigOrders', startEventId: 'start', version: 1 });
      expect(await completedInstance(t, startedInstances[0]?.instanceKey ?? '')).toEqual({ amount: 500 });
      expect(await instancesOf(t, 'bigOrders')).toHaveLength(1);
    });
  });
