// A complex gateway's waiting tokens are part of the instance state: they survive a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, bpmn, eventually, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

const MODEL = bpmn(
  'p',
  `<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
  ${flow('f1', 'fork', 'a')}${flow('f2', 'fork', 'b')}${flow('f3', 'fork', 'c')}
  <bpmn:userTask id="a"/><bpmn:userTask id="b"/><bpmn:userTask id="c"/>
  ${flow('j1', 'a', 'join')}${flow('j2', 'b', 'join')}${flow('j3', 'c', 'join')}
  <bpmn:complexGateway id="join"><bpmn:activationCondition>=activationCount &gt;= 2</bpmn:activationCondition></bpmn:complexGateway>
  ${flow('f4', 'join', 'decided')}<bpmn:userTask id="decided"/>${flow('f5', 'decided', 'end')}<bpmn:endEvent id="end"/>`,
);

async function openTask(t: TestRuntime, elementId: string) {
  return eventually(async () => {
    const { items } = await t.runtime.queryUserTasks({ state: 'open' }, { limit: 10 });
    return items.find((task) => task.elementId === elementId);
  });
}

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`complex gateway through the runtime (${dialect.name})`, () => {
    it('a complex join holding one token fires after a restart when the second arrives', async () => {
      current = await dialect.start();
      await current.runtime.deploy('test', [{ name: 'p.bpmn', content: MODEL }]);
      await current.runtime.startInstance({ processId: 'p' });
      await current.runtime.completeUserTask((await openTask(current, 'a')).taskKey, {});

      current = await current.restart();
      await current.runtime.completeUserTask((await openTask(current, 'b')).taskKey, {});

      const decided = await openTask(current, 'decided');
      expect(decided.elementId).toBe('decided');
    });
  });
