// Process-level conditional start events, evaluated on request as in Camunda 7: `evaluateConditions`
// starts one instance per conditional start event (of the latest versions) whose condition holds.
import { afterEach, describe, expect, it } from 'vitest';
import { NAMESPACES, sqliteRuntime, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const conditional = (id: string, condition: string): string =>
  `<bpmn:startEvent id="${id}"><bpmn:conditionalEventDefinition><bpmn:condition>${condition}</bpmn:condition>
   </bpmn:conditionalEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id="from-${id}" sourceRef="${id}" targetRef="work"/>`;

/** A process with the given start events, all leading to a user task. */
function model(processId: string, startEvents: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-${processId}" targetNamespace="http://operon.test">
  <bpmn:process id="${processId}" isExecutable="true">${startEvents}<bpmn:userTask id="work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/><bpmn:endEvent id="end"/></bpmn:process>
</bpmn:definitions>`;
}

async function given(models: Record<string, string>): Promise<TestRuntime> {
  current = await sqliteRuntime();
  await current.runtime.deploy(
    'test',
    Object.entries(models).map(([processId, startEvents]) => ({
      name: `${processId}.bpmn`,
      content: model(processId, startEvents),
    })),
  );
  return current;
}

describe('conditional start events', () => {
  it('starts one instance per conditional start event whose condition holds, with the variables', async () => {
    const t = await given({
      bigOrders: conditional('big', '=amount &gt; 100') + conditional('vip', '=customer = "vip"'),
      smallOrders: conditional('small', '=amount &lt;= 100'),
      unrelated: '<bpmn:startEvent id="plain"/><bpmn:sequenceFlow id="f1" sourceRef="plain" targetRef="work"/>',
    });

    const { startedInstances } = await t.runtime.evaluateConditions({ variables: { amount: 500, customer: 'vip' } });

    expect(startedInstances.map(({ processId, startEventId }) => `${processId}/${startEventId}`).sort()).toEqual([
      'bigOrders/big',
      'bigOrders/vip',
    ]);
    expect(startedInstances[0]).toMatchObject({ version: 1, status: 'active' });
    const details = await t.runtime.getInstance(startedInstances[0]?.instanceKey ?? '');
    expect(details.state.variables[details.state.rootKey]).toEqual({ amount: 500, customer: 'vip' });
  });

  it('a condition that reads a missing variable does not hold', async () => {
    const t = await given({ bigOrders: conditional('big', '=amount &gt; 100') });

    const { startedInstances } = await t.runtime.evaluateConditions({ variables: { other: 1 } });

    expect(startedInstances).toEqual([]);
    expect((await t.runtime.queryInstances({}, { limit: 10 })).items).toEqual([]);
  });

  it('with a process id, only that process is evaluated', async () => {
    const t = await given({
      first: conditional('a', '=amount &gt; 1'),
      second: conditional('b', '=amount &gt; 1'),
    });

    const { startedInstances } = await t.runtime.evaluateConditions({ variables: { amount: 5 }, processId: 'second' });

    expect(startedInstances.map((started) => started.processId)).toEqual(['second']);
  });

  it('evaluates only the latest version of a process', async () => {
    const t = await given({ orders: conditional('old', '=amount &gt; 1') });
    await t.runtime.deploy('v2', [
      { name: 'orders.bpmn', content: model('orders', conditional('new', '=amount &gt; 1')) },
    ]);

    const { startedInstances } = await t.runtime.evaluateConditions({ variables: { amount: 5 } });

    expect(startedInstances).toMatchObject([{ processId: 'orders', version: 2, startEventId: 'new' }]);
  });

  it('naming a process without conditional start events is a VALIDATION_FAILED user error', async () => {
    const t = await given({
      plain: '<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work"/>',
    });

    await expect(t.runtime.evaluateConditions({ variables: {}, processId: 'plain' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining("process 'plain' has no conditional start event") as unknown,
    });
  });

  it('variables that are not an object are an INVALID_VARIABLES user error', async () => {
    const t = await given({ orders: conditional('c', '=true') });

    await expect(
      t.runtime.evaluateConditions({ variables: [1, 2] as unknown as Record<string, unknown> }),
    ).rejects.toMatchObject({ code: 'INVALID_VARIABLES' });
  });
});
