// Conditional events through the runtime: the condition lives in the instance state, so a waiting conditional
// event survives a restart and triggers when variables change afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, bpmn, eventually, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`conditional events through the runtime (${dialect.name})`, () => {
    it('a conditional boundary event still waits after a restart and interrupts its task when variables change', async () => {
      current = await dialect.start();
      const model = bpmn(
        'p',
        `<bpmn:startEvent id="s"/>${flow('f1', 's', 'review')}<bpmn:userTask id="review"/>${flow('f2', 'review', 'e')}
       <bpmn:endEvent id="e"/><bpmn:boundaryEvent id="cancelled" attachedToRef="review"><bpmn:conditionalEventDefinition>
       <bpmn:condition>=cancelled = true</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:boundaryEvent>
       ${flow('f3', 'cancelled', 'stopped')}<bpmn:endEvent id="stopped"/>`,
      );
      await current.runtime.deploy('test', [{ name: 'p.bpmn', content: model }]);
      const { instanceKey } = await current.runtime.startInstance({ processId: 'p', variables: { cancelled: false } });

      current = await current.restart();
      await current.runtime.setVariables(instanceKey, { cancelled: true });

      const history = await eventually(async () => {
        const details = await current?.runtime.getInstance(instanceKey);
        return details?.summary.status === 'completed'
          ? current?.runtime.history(instanceKey, { limit: 100 })
          : undefined;
      });
      expect(
        history.items.some((record) => record.type === 'element-terminated' && record.elementId === 'review'),
      ).toBe(true);
      expect((await current.runtime.queryUserTasks({ state: 'open' }, { limit: 5 })).items).toEqual([]);
    });
  });
