// Boundary events, event sub-processes, BPMN errors and signals through the runtime: every new wait
// kind survives a restart on the same database (SQLite and PostgreSQL).
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, NAMESPACES, eventually, sqliteRuntime, type TestRuntime } from './test-runtime';

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

async function given(xml: string, start: () => Promise<TestRuntime> = sqliteRuntime): Promise<TestRuntime> {
  current = await start();
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

describe('message throw events and send tasks', () => {
  it('given a send task, a message throw event and a message end event, in-process workers send the messages and complete the jobs', async () => {
    const sender = (type: string): string =>
      `<bpmn:extensionElements><zeebe:taskDefinition type="${type}"/><zeebe:taskHeaders>
       <zeebe:header key="message" value="${type}"/></zeebe:taskHeaders></bpmn:extensionElements>`;
    const t = await given(
      definitions(
        `<bpmn:message id="m" name="order-news"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/>
         </bpmn:extensionElements></bpmn:message>`,
        {
          listener: `<bpmn:startEvent id="ls"/>${flow('l1', 'ls', 'hear')}<bpmn:receiveTask id="hear" messageRef="m"/>
            ${flow('l2', 'hear', 'le')}<bpmn:endEvent id="le"/>`,
          sender: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'notify')}<bpmn:sendTask id="notify">${sender('notify')}</bpmn:sendTask>
            ${flow('f2', 'notify', 'announce')}<bpmn:intermediateThrowEvent id="announce">${sender('announce')}
            <bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>
            ${flow('f3', 'announce', 'receipt')}<bpmn:endEvent id="receipt">${sender('receipt')}
            <bpmn:messageEventDefinition messageRef="m"/></bpmn:endEvent>`,
        },
      ),
    );
    const listener = await t.runtime.startInstance({ processId: 'listener', variables: { orderId: 'A-1' } });
    const sent: string[] = [];
    for (const type of ['notify', 'announce', 'receipt']) {
      t.runtime.worker(type, async (activated) => {
        // the worker is what sends the message, as a Camunda 8 worker does
        const orderId = String(activated.variables['orderId']);
        await t.runtime.publishMessage({ name: 'order-news', correlationKey: orderId, variables: { [type]: true } });
        sent.push(activated.headers['message'] ?? '?');
        return { [`${type}Sent`]: true };
      });
    }

    const { instanceKey } = await t.runtime.startInstance({ processId: 'sender', variables: { orderId: 'A-1' } });

    await until(t, instanceKey, 'completed');
    expect(sent).toEqual(['notify', 'announce', 'receipt']);
    expect(await completedElements(t, instanceKey)).toEqual(['s', 'notify', 'announce', 'receipt', 'sender']);
    const { state } = await t.runtime.getInstance(instanceKey);
    expect(state.variables[state.rootKey]).toEqual({
      orderId: 'A-1',
      notifySent: true,
      announceSent: true,
      receiptSent: true,
    });
    await until(t, listener.instanceKey, 'completed');
  });
});

// every wait kind survives a restart on each database (SQLite, PostgreSQL)
for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`waits that survive a restart (${dialect.name})`, () => {
    const givenOn = (xml: string): Promise<TestRuntime> => given(xml, () => dialect.start());

    it('a boundary timer that fell due while the runtime was stopped interrupts its task after the restart', async () => {
      let t = await givenOn(
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
      let t = await givenOn(
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
      let t = await givenOn(
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

    it('a message catch event and a receive task still wait for their messages after a restart', async () => {
      const message = (id: string, name: string): string =>
        `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/>
       </bpmn:extensionElements></bpmn:message>`;
      let t = await givenOn(
        definitions(message('paid', 'paid') + message('shipped', 'shipped'), {
          p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'payment')}<bpmn:intermediateCatchEvent id="payment">
          <bpmn:messageEventDefinition messageRef="paid"/></bpmn:intermediateCatchEvent>${flow('f2', 'payment', 'shipping')}
          <bpmn:receiveTask id="shipping" messageRef="shipped"/>${flow('f3', 'shipping', 'done')}<bpmn:endEvent id="done"/>`,
        }),
      );
      const { instanceKey } = await t.runtime.startInstance({ processId: 'p', variables: { orderId: 'A-7' } });

      t = await t.restart();
      current = t;
      const paid = await t.runtime.publishMessage({ name: 'paid', correlationKey: 'A-7', variables: { amount: 3 } });
      expect(paid.correlatedInstances).toEqual([instanceKey]);
      t = await t.restart();
      current = t;
      await t.runtime.publishMessage({ name: 'shipped', correlationKey: 'A-7', timeToLiveMs: 60_000 });

      await until(t, instanceKey, 'completed');
      const { state } = await t.runtime.getInstance(instanceKey);
      expect(state.variables[state.rootKey]).toEqual({ orderId: 'A-7', amount: 3 });
    });

    it('an open user task can be completed after a restart', async () => {
      let t = await givenOn(
        definitions('', {
          p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'review')}<bpmn:userTask id="review"/>${flow('f2', 'review', 'e')}
          <bpmn:endEvent id="e"/>`,
        }),
      );
      const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });

      t = await t.restart();
      current = t;
      const [task] = (await t.runtime.queryUserTasks({ state: 'open' }, { limit: 5 })).items;
      await t.runtime.completeUserTask(task?.taskKey ?? '', { approved: true });

      await until(t, instanceKey, 'completed');
      const { state } = await t.runtime.getInstance(instanceKey);
      expect(state.variables[state.rootKey]).toEqual({ approved: true });
    });
  });

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`signals thrown by a process (${dialect.name})`, () => {
    const onAlarm = '<bpmn:signalEventDefinition signalRef="sig"/>';
    /** A user task `<p>review` whose non-interrupting signal boundary event leads to the end event `<p>noted`. */
    const reviewHearingAlarms = (p: string): string =>
      `<bpmn:userTask id="${p}review"/>${flow(`${p}r1`, `${p}review`, `${p}reviewed`)}<bpmn:endEvent id="${p}reviewed"/>
      <bpmn:boundaryEvent id="${p}heard" attachedToRef="${p}review" cancelActivity="false">${onAlarm}</bpmn:boundaryEvent>
      ${flow(`${p}h1`, `${p}heard`, `${p}noted`)}<bpmn:endEvent id="${p}noted"/>`;
    const times = (ids: readonly string[], id: string): number => ids.filter((candidate) => candidate === id).length;

    it('the throwing instance receives its own signal once, at the subscriptions open when it threw, and others once', async () => {
      const t = await given(
        definitions('<bpmn:signal id="sig" name="alarm"/>', {
          listener: `<bpmn:startEvent id="l-s"/>${flow('l-f1', 'l-s', 'l-review')}${reviewHearingAlarms('l-')}`,
          thrower: `<bpmn:startEvent id="t-s"/>${flow('t-f1', 't-s', 'fork')}<bpmn:parallelGateway id="fork"/>
          ${flow('t-f2', 'fork', 't-review')}${reviewHearingAlarms('t-')}${flow('t-f3', 'fork', 'send')}
          <bpmn:intermediateThrowEvent id="send">${onAlarm}</bpmn:intermediateThrowEvent>${flow('t-f4', 'send', 'wait')}
          <bpmn:intermediateCatchEvent id="wait">${onAlarm}</bpmn:intermediateCatchEvent>${flow('t-f5', 'wait', 'e')}
          <bpmn:endEvent id="e"/>`,
        }),
        () => dialect.start(),
      );
      const listener = await t.runtime.startInstance({ processId: 'listener' });

      const thrower = await t.runtime.startInstance({ processId: 'thrower' });

      // the other instance receives the broadcast after the commit
      await eventually(async () =>
        times(await completedElements(t, listener.instanceKey), 'l-noted') > 0 ? true : undefined,
      );
      // completing the thrower's task queues behind any delivery the same broadcast sent it
      const { items } = await t.runtime.queryUserTasks({ instanceKey: thrower.instanceKey }, { limit: 5 });
      await t.runtime.completeUserTask(items[0]?.taskKey ?? '');
      const completed = await completedElements(t, thrower.instanceKey);
      expect(times(completed, 't-noted')).toBe(1);
      expect(completed).not.toContain('wait');
      expect(times(await completedElements(t, listener.instanceKey), 'l-noted')).toBe(1);
      expect((await t.runtime.getInstance(thrower.instanceKey)).summary.status).toBe('active');
      // the catch event after the throw event missed it, and waits for the next signal
      const next = await t.runtime.broadcastSignal('alarm');
      expect(next.triggeredInstances).toEqual([listener.instanceKey, thrower.instanceKey].sort());
      await until(t, thrower.instanceKey, 'completed');
    });
  });

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`compensation and transactions across a restart (${dialect.name})`, () => {
    const givenOn = (xml: string): Promise<TestRuntime> => given(xml, () => dialect.start());

    /** A task (job `type`) with a compensation boundary event associated with its handler (job `undo-<type>`). */
    const compensable = (id: string): string =>
      `${job(id, id)}<bpmn:boundaryEvent id="${id}-c" attachedToRef="${id}"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
     <bpmn:serviceTask id="undo-${id}" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="undo-${id}"/>
     </bpmn:extensionElements></bpmn:serviceTask><bpmn:association id="${id}-a" sourceRef="${id}-c" targetRef="undo-${id}"/>`;

    async function completeNextJob(t: TestRuntime, type: string): Promise<void> {
      const [activated] = await eventually(async () => {
        const jobs = await t.runtime.activateJobs({ type, maxJobs: 1, leaseMs: 60_000, worker: 'w' });
        return jobs.length > 0 ? jobs : undefined;
      });
      await t.runtime.completeJob(activated!.jobKey);
    }

    it('a compensation handler waiting for its job survives a restart, and the throw event then goes on', async () => {
      let t = await givenOn(
        definitions('', {
          p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'book')}${compensable('book')}${flow('f2', 'book', 'undo')}
          <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
          ${flow('f3', 'undo', 'done')}<bpmn:endEvent id="done"/>`,
        }),
      );
      const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });
      await completeNextJob(t, 'book');
      await eventually(async () => {
        const { state } = await t.runtime.getInstance(instanceKey);
        return Object.values(state.jobs).some((open) => open.type === 'undo-book') ? true : undefined;
      });

      t = await t.restart();
      current = t;
      await completeNextJob(t, 'undo-book');

      await until(t, instanceKey, 'completed');
      expect(await completedElements(t, instanceKey)).toEqual(['s', 'book', 'undo-book', 'undo', 'done', 'p']);
    });

    it('a cancelled transaction compensates across a restart, then leaves by its cancel boundary event', async () => {
      let t = await givenOn(
        definitions('', {
          p: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'tx')}<bpmn:transaction id="tx"><bpmn:startEvent id="ts"/>
          ${flow('t1', 'ts', 'book')}${compensable('book')}${flow('t2', 'book', 'cancel')}
          <bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition/></bpmn:endEvent></bpmn:transaction>
          <bpmn:boundaryEvent id="on-cancel" attachedToRef="tx"><bpmn:cancelEventDefinition/></bpmn:boundaryEvent>
          ${flow('f2', 'tx', 'done')}<bpmn:endEvent id="done"/>${flow('f3', 'on-cancel', 'cancelled')}<bpmn:endEvent id="cancelled"/>`,
        }),
      );
      const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });
      await completeNextJob(t, 'book');

      t = await t.restart();
      current = t;
      await completeNextJob(t, 'undo-book');

      await until(t, instanceKey, 'completed');
      const completed = await completedElements(t, instanceKey);
      expect(completed).toEqual(['s', 'ts', 'book', 'undo-book', 'on-cancel', 'cancelled', 'p']);
    });
  });
