// Every wait state survives a restart on each database (SQLite, PostgreSQL): boundary events, event
// sub-processes and timers inside a sub-process still wait after the runtime restarts on the same data, and
// the instance goes on only when the awaited event arrives. Timers run on a virtual clock moved by hand.
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../src/index';
import { DIALECTS, NAMESPACES, eventually, type RuntimeDialect, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const HOUR = 3_600_000;

function definitions(roots: string, process: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d" targetNamespace="http://operon.test">${roots}
  <bpmn:process id="p" isExecutable="true">${process}</bpmn:process></bpmn:definitions>`;
}

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
const job = (id: string, type: string): string =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>`;
const timer = (kind: 'timeDuration' | 'timeCycle', value: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
/** start → review (user task) → end, plus `extra` (boundary events, event sub-processes). */
const reviewWith = (extra: string): string =>
  `<bpmn:startEvent id="s"/>${flow('f1', 's', 'review')}<bpmn:userTask id="review"/>${flow('f2', 'review', 'done')}
   <bpmn:endEvent id="done"/>${extra}`;
const SIGNAL = '<bpmn:signal id="sig" name="news"/>';
const MESSAGE = `<bpmn:message id="msg" name="cancel"><bpmn:extensionElements>
  <zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>`;

/** A clock the test moves by hand: a timer fires once the clock has passed its due time. */
function virtualClock(): Clock & { advance(ms: number): void } {
  let now = Date.UTC(2030, 0, 1);
  return { now: () => now, advance: (ms) => (now += ms) };
}

async function elements(t: TestRuntime, instanceKey: string, type: 'element-completed' | 'element-terminated') {
  const history = await t.runtime.history(instanceKey, { limit: 500 });
  return history.items.filter((record) => record.type === type).map((record) => record.elementId ?? '');
}

async function timesCompleted(t: TestRuntime, instanceKey: string, elementId: string): Promise<number> {
  return (await elements(t, instanceKey, 'element-completed')).filter((id) => id === elementId).length;
}

async function status(t: TestRuntime, instanceKey: string): Promise<string> {
  return (await t.runtime.getInstance(instanceKey)).summary.status;
}

async function until(t: TestRuntime, instanceKey: string, expected: string): Promise<void> {
  await eventually(async () => ((await status(t, instanceKey)) === expected ? true : undefined), 10_000);
}

async function openTasks(t: TestRuntime, instanceKey: string): Promise<string[]> {
  const { items } = await t.runtime.queryUserTasks({ instanceKey, state: 'open' }, { limit: 10 });
  return items.map((task) => task.elementId);
}

async function completeTask(t: TestRuntime, instanceKey: string, elementId: string): Promise<void> {
  const { items } = await t.runtime.queryUserTasks({ instanceKey, state: 'open' }, { limit: 10 });
  const task = items.find((open) => open.elementId === elementId);
  expect(task, `open user task '${elementId}'`).toBeDefined();
  await t.runtime.completeUserTask(task?.taskKey ?? '');
}

function waitsOn(dialect: RuntimeDialect) {
  const clock = virtualClock();
  return {
    clock,
    /** A runtime on the dialect with the model deployed and one instance started, restarted in the wait. */
    async startedThenRestarted(
      xml: string,
      variables: Record<string, unknown> = {},
    ): Promise<{ t: TestRuntime; instanceKey: string }> {
      current = await dialect.start({ clock });
      await current.runtime.deploy('test', [{ name: 'model.bpmn', content: xml }]);
      const { instanceKey } = await current.runtime.startInstance({ processId: 'p', variables });
      current = await current.restart();
      return { t: current, instanceKey };
    },
  };
}

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`boundary events that survive a restart (${dialect.name})`, () => {
    it('given an interrupting message boundary on a user task, when the message is published after a restart, then the boundary path runs and the task is cancelled', async () => {
      const { t, instanceKey } = await waitsOn(dialect).startedThenRestarted(
        definitions(
          MESSAGE,
          reviewWith(`<bpmn:boundaryEvent id="cancelled" attachedToRef="review"><bpmn:messageEventDefinition messageRef="msg"/>
          </bpmn:boundaryEvent>${flow('f3', 'cancelled', 'withdrawn')}<bpmn:endEvent id="withdrawn"/>`),
        ),
        { orderId: 'A-1' },
      );
      expect(await status(t, instanceKey)).toBe('active');
      expect(await openTasks(t, instanceKey)).toEqual(['review']);

      const published = await t.runtime.publishMessage({
        name: 'cancel',
        correlationKey: 'A-1',
        variables: { why: 'x' },
      });

      expect(published.correlatedInstances).toEqual([instanceKey]);
      await until(t, instanceKey, 'completed');
      expect(await elements(t, instanceKey, 'element-completed')).toEqual(['s', 'cancelled', 'withdrawn', 'p']);
      expect(await elements(t, instanceKey, 'element-terminated')).toEqual(['review']);
      const { items } = await t.runtime.queryUserTasks({ instanceKey }, { limit: 10 });
      expect(items.map((task) => task.state)).toEqual(['cancelled']);
      const { state } = await t.runtime.getInstance(instanceKey);
      expect(state.variables[state.rootKey]).toEqual({ orderId: 'A-1', why: 'x' });
    });

    it('given a non-interrupting signal boundary, when the signal is broadcast after a restart, then its path runs once and the task still waits', async () => {
      const { t, instanceKey } = await waitsOn(dialect).startedThenRestarted(
        definitions(
          SIGNAL,
          reviewWith(`<bpmn:boundaryEvent id="heard" attachedToRef="review" cancelActivity="false">
          <bpmn:signalEventDefinition signalRef="sig"/></bpmn:boundaryEvent>${flow('f3', 'heard', 'noted')}<bpmn:endEvent id="noted"/>`),
        ),
      );
      expect(await timesCompleted(t, instanceKey, 'noted')).toBe(0);

      const result = await t.runtime.broadcastSignal('news', { lot: 7 });

      expect(result.triggeredInstances).toEqual([instanceKey]);
      await eventually(async () => ((await timesCompleted(t, instanceKey, 'noted')) === 1 ? true : undefined));
      expect(await status(t, instanceKey)).toBe('active');
      expect(await openTasks(t, instanceKey)).toEqual(['review']);
      await completeTask(t, instanceKey, 'review');
      await until(t, instanceKey, 'completed');
      expect(await elements(t, instanceKey, 'element-completed')).toEqual([
        's',
        'heard',
        'noted',
        'review',
        'done',
        'p',
      ]);
    });

    it('given a non-interrupting timer cycle R2/PT1H on a user task, when a restart comes between its firings, then it fires twice in all and the task still completes', async () => {
      const { clock, startedThenRestarted } = waitsOn(dialect);
      const started = await startedThenRestarted(
        definitions(
          '',
          reviewWith(`<bpmn:boundaryEvent id="remind" attachedToRef="review" cancelActivity="false">
          ${timer('timeCycle', 'R2/PT1H')}</bpmn:boundaryEvent>${flow('f3', 'remind', 'reminded')}<bpmn:endEvent id="reminded"/>`),
        ),
      );
      const { instanceKey } = started;
      let { t } = started;
      expect(await timesCompleted(t, instanceKey, 'reminded')).toBe(0);

      clock.advance(HOUR);
      await eventually(async () => ((await timesCompleted(t, instanceKey, 'reminded')) === 1 ? true : undefined));
      t = current = await t.restart();
      expect(await timesCompleted(t, instanceKey, 'reminded')).toBe(1); // the first firing is not repeated
      clock.advance(HOUR);

      await eventually(async () => ((await timesCompleted(t, instanceKey, 'reminded')) === 2 ? true : undefined));
      const { state } = await t.runtime.getInstance(instanceKey);
      expect(Object.values(state.timers)).toEqual([]); // R2: no third firing is scheduled
      expect(await openTasks(t, instanceKey)).toEqual(['review']);
      await completeTask(t, instanceKey, 'review');
      await until(t, instanceKey, 'completed');
      expect(await timesCompleted(t, instanceKey, 'reminded')).toBe(2);
    });
  });

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(
    `event sub-processes and sub-process timers across a restart (${dialect.name})`,
    () => {
      it('given an interrupting timer event sub-process, when it falls due after a restart, then it ends the waiting job and runs', async () => {
        const { clock, startedThenRestarted } = waitsOn(dialect);
        const { t, instanceKey } = await startedThenRestarted(
          definitions(
            '',
            `<bpmn:startEvent id="s"/>${flow('f1', 's', 'work')}${job('work', 'never')}${flow('f2', 'work', 'done')}
          <bpmn:endEvent id="done"/><bpmn:subProcess id="timeout" triggeredByEvent="true">
          <bpmn:startEvent id="late" isInterrupting="true">${timer('timeDuration', 'PT1H')}</bpmn:startEvent>
          ${flow('t1', 'late', 'timedOut')}<bpmn:endEvent id="timedOut"/></bpmn:subProcess>`,
          ),
        );
        expect(await status(t, instanceKey)).toBe('active');

        clock.advance(HOUR);

        await until(t, instanceKey, 'completed');
        expect(await elements(t, instanceKey, 'element-completed')).toEqual(['s', 'late', 'timedOut', 'timeout', 'p']);
        expect(await elements(t, instanceKey, 'element-terminated')).toEqual(['work']);
        expect(await t.runtime.activateJobs({ type: 'never', maxJobs: 1, leaseMs: 1_000, worker: 'w' })).toEqual([]);
      });

      it('given a non-interrupting signal event sub-process, when the signal is broadcast after a restart, then it runs beside the waiting task', async () => {
        const { t, instanceKey } = await waitsOn(dialect).startedThenRestarted(
          definitions(
            SIGNAL,
            reviewWith(`<bpmn:subProcess id="onNews" triggeredByEvent="true">
          <bpmn:startEvent id="news" isInterrupting="false"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:startEvent>
          ${flow('n1', 'news', 'noted')}<bpmn:endEvent id="noted"/></bpmn:subProcess>`),
          ),
        );
        expect(await timesCompleted(t, instanceKey, 'onNews')).toBe(0);

        const result = await t.runtime.broadcastSignal('news', { lot: 7 });

        expect(result.triggeredInstances).toEqual([instanceKey]);
        await eventually(async () => ((await timesCompleted(t, instanceKey, 'onNews')) === 1 ? true : undefined));
        expect(await status(t, instanceKey)).toBe('active');
        expect(await openTasks(t, instanceKey)).toEqual(['review']);
        await completeTask(t, instanceKey, 'review');
        await until(t, instanceKey, 'completed');
        expect(await elements(t, instanceKey, 'element-completed')).toEqual([
          's',
          'news',
          'noted',
          'onNews',
          'review',
          'done',
          'p',
        ]);
        const { state } = await t.runtime.getInstance(instanceKey);
        expect(state.variables[state.rootKey]).toEqual({ lot: 7 });
      });

      it('given a timer catch event inside an embedded sub-process, when it falls due after a restart, then the sub-process and the process complete', async () => {
        const { clock, startedThenRestarted } = waitsOn(dialect);
        const { t, instanceKey } = await startedThenRestarted(
          definitions(
            '',
            `<bpmn:startEvent id="s"/>${flow('f1', 's', 'sub')}<bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>
          ${flow('g1', 'ss', 'pause')}<bpmn:intermediateCatchEvent id="pause">${timer('timeDuration', 'PT1H')}
          </bpmn:intermediateCatchEvent>${flow('g2', 'pause', 'se')}<bpmn:endEvent id="se"/></bpmn:subProcess>
          ${flow('f2', 'sub', 'done')}<bpmn:endEvent id="done"/>`,
          ),
        );
        expect(await status(t, instanceKey)).toBe('active');
        expect(await elements(t, instanceKey, 'element-completed')).toEqual(['s', 'ss']);

        clock.advance(HOUR);

        await until(t, instanceKey, 'completed');
        expect(await elements(t, instanceKey, 'element-completed')).toEqual([
          's',
          'ss',
          'pause',
          'se',
          'sub',
          'done',
          'p',
        ]);
      });
    },
  );
