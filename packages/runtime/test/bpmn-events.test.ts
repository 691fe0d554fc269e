// Boundary events, event sub-processes, BPMN errors and signals through the runtime: every new wait
// kind survives a restart on the same data directory.
import { afterEach, describe, expect, it } from 'vitest';
import { NAMESPACES, eventually, sqliteRuntime, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

function definitions(roots: string, processes: Record<string, string>): string {
  const body = Object.entries(processes)
    .map(([id, content]) => `<bpmn:process id="${id}" isExecutable="true">${content}</bpmn:process>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d" targetNamespace="http://operon.test">${roots}${body}</bpmn:definitions>`;
}

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
const job = (id: string, type: string): string =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>`;

async function given(xml: string): Promise<TestRuntime> {
  current = await sqliteRuntime();
  await current.runtime.deploy('test', [{ name: 'model.bpmn', content: xml }]);
  return current;
}

async function completedElements(t: TestRuntime, instanceKey: string): Promise<string[]> {
  const history = await t.runtime.history(instanceKey, { limit: 500 });
  return history.items.filter((record) => record.type === 'element-completed').map((record) => record.elementId ?? '');
}

async function until(t: TestRuntime, instanceKey: string, status: string, timeoutMs = 10_000): Promise<void> {
  await eventually(
    async () => ((await t.runtime.getInstance(instanceKey)).summary.status === status ? true : undefined),
    timeoutMs,
  );
}

describe('BPMN errors from job workers', () => {
  it('given an error boundary, when an external worker throws the error, then the boundary path runs with its variables', async () => {
    const t = await given(
      definitions('<bpmn:error id="e" errorCode="DECLINED"/>', {
        p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'charge')}${job('charge', 'payment')}${flow('f2', 'charge', 'done')}
          <bpmn:endEvent id="done"/><bpmn:boundaryEvent id="declined" attachedToRef="charge">
          <bpmn:errorEventDefinition errorRef="e"/></bpmn:boundaryEvent>${flow('f3', 'declined', 'failed')}<bpmn:endEvent id="failed"/>`,
      }),
    );
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });
    const [activated] = await eventually(async () => {
      const jobs = await t.runtime.activateJobs({ type: 'payment', maxJobs: 1, leaseMs: 60_000, worker: 'w' });
      return jobs.length > 0 ? jobs : undefined;
    });

    await t.runtime.throwError(activated!.jobKey, { errorCode: 'DECLINED', variables: { reason: 'limit' } });

    await until(t, instanceKey, 'completed');
    expect(await completedElements(t, instanceKey)).toContain('failed');
    const { state } = await t.runtime.getInstance(instanceKey);
    expect(state.variables[state.rootKey]).toEqual({ reason: 'limit' });
    expect(await t.runtime.activateJobs({ type: 'payment', maxJobs: 1, leaseMs: 1_000, worker: 'w' })).toEqual([]);
  });
});

describe('waits that survive a restart', () => {
  it('a boundary timer that fell due while the runtime was stopped interrupts its task after the restart', async () => {
    let t = await given(
      definitions('', {
        p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'review')}<bpmn:userTask id="review"/>${flow('f2', 'review', 'done')}
          <bpmn:endEvent id="done"/><bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition>
          <bpmn:timeDuration>PT0.5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
          ${flow('f3', 'late', 'escalated')}<bpmn:endEvent id="escalated"/>`,
      }),
    );
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });
    await t.runtime.stop();
    await new Promise((resolve) => setTimeout(resolve, 700));

    t = await t.restart();
    current = t;

    await until(t, instanceKey, 'completed', 5_000);
    expect(await completedElements(t, instanceKey)).toContain('escalated');
  });

  it('a message event sub-process still listens after a restart', async () => {
    let t = await given(
      definitions(
        `<bpmn:message id="m" name="cancel"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/>
         </bpmn:extensionElements></bpmn:message>`,
        {
          p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'work')}${job('work', 'never')}${flow('f2', 'work', 'done')}
            <bpmn:endEvent id="done"/><bpmn:subProcess id="onCancel" triggeredByEvent="true">
            <bpmn:startEvent id="cancelStart"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
            ${flow('c1', 'cancelStart', 'cancelled')}<bpmn:endEvent id="cancelled"/></bpmn:subProcess>`,
        },
      ),
    );
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p', variables: { orderId: 'A-1' } });

    t = await t.restart();
    current = t;
    const published = await t.runtime.publishMessage({
      name: 'cancel',
      correlationKey: 'A-1',
      variables: { why: 'x' },
    });

    expect(published.correlatedInstances).toEqual([instanceKey]);
    await until(t, instanceKey, 'completed');
    expect(await completedElements(t, instanceKey)).toContain('cancelled');
  });

  it('instances waiting for a signal receive one broadcast after a restart, and a signal thrown by a process reaches them', async () => {
    let t = await given(
      definitions('<bpmn:signal id="sig" name="stock-arrived"/>', {
        waiter: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'wait')}<bpmn:intermediateCatchEvent id="wait">
          <bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'e')}<bpmn:endEvent id="e"/>`,
        thrower: `<bpmn:startEvent id="ts"/>${flow('t1', 'ts', 'send')}<bpmn:endEvent id="send">
          <bpmn:signalEventDefinition signalRef="sig"/></bpmn:endEvent>`,
      }),
    );
    const first = await t.runtime.startInstance({ processId: 'waiter' });
    const second = await t.runtime.startInstance({ processId: 'waiter' });

    t = await t.restart();
    current = t;
    const result = await t.runtime.broadcastSignal('stock-arrived', { lot: 7 });

    expect(result.triggeredInstances).toEqual([first.instanceKey, second.instanceKey].sort());
    await until(t, first.instanceKey, 'completed');
    const { state } = await t.runtime.getInstance(first.instanceKey);
    expect(state.variables[state.rootKey]).toEqual({ lot: 7 });

    const third = await t.runtime.startInstance({ processId: 'waiter' });
    await t.runtime.startInstance({ processId: 'thrower' });
    await until(t, third.instanceKey, 'completed');
  });
});
