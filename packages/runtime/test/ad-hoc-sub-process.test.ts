// An ad-hoc sub-process waiting for its chosen elements survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, bpmn, eventually, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const MODEL = bpmn(
  'p',
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="choose"/>
  <bpmn:adHocSubProcess id="choose"><bpmn:extensionElements><zeebe:adHoc activeElementsCollection="=chosen"/></bpmn:extensionElements>
    <bpmn:userTask id="call"/><bpmn:userTask id="mail"/></bpmn:adHocSubProcess>
  <bpmn:sequenceFlow id="f2" sourceRef="choose" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`ad-hoc sub-process through the runtime (${dialect.name})`, () => {
    it('an ad-hoc sub-process waits for its chosen elements across a restart', async () => {
      current = await dialect.start();
      await current.runtime.deploy('test', [{ name: 'p.bpmn', content: MODEL }]);
      const { instanceKey } = await current.runtime.startInstance({ processId: 'p', variables: { chosen: ['mail'] } });

      current = await current.restart();
      const task = await eventually(
        async () => (await (current as TestRuntime).runtime.queryUserTasks({ state: 'open' }, { limit: 5 })).items[0],
      );
      expect(task.elementId).toBe('mail');
      await current.runtime.completeUserTask(task.taskKey, {});

      await eventually(async () =>
        (await current?.runtime.getInstance(instanceKey))?.summary.status === 'completed' ? true : undefined,
      );
    });
  });
