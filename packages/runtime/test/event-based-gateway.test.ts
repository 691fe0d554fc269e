// The event-based gateway through the runtime: its waits survive a restart, and the first event wins.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, NAMESPACES, eventually, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d" targetNamespace="http://operon.test">
  <bpmn:message id="paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="start"/>${flow('f0', 'start', 'gw')}<bpmn:eventBasedGateway id="gw"/>
   ${flow('f1', 'gw', 'payment')}<bpmn:intermediateCatchEvent id="payment"><bpmn:messageEventDefinition messageRef="paid"/></bpmn:intermediateCatchEvent>
   ${flow('f2', 'gw', 'timeout')}<bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
   ${flow('f4', 'payment', 'shipped')}<bpmn:endEvent id="shipped"/>${flow('f5', 'timeout', 'expired')}<bpmn:endEvent id="expired"/>
  </bpmn:process>
</bpmn:definitions>`;

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`event-based gateway through the runtime (${dialect.name})`, () => {
    it('an event-based gateway still waits for its message and timer after a restart, and the message wins', async () => {
      current = await dialect.start();
      await current.runtime.deploy('test', [{ name: 'p.bpmn', content: MODEL }]);
      const { instanceKey } = await current.runtime.startInstance({ processId: 'p', variables: { orderId: 'o-7' } });

      current = await current.restart();
      const published = await current.runtime.publishMessage({
        name: 'paid',
        correlationKey: 'o-7',
        variables: { ok: true },
      });
      expect(published).toBeDefined();

      const done = await eventually(async () => {
        const details = await current?.runtime.getInstance(instanceKey);
        return details?.summary.status === 'completed' ? details : undefined;
      });
      expect(done.state.variables[done.state.rootKey]).toEqual({ orderId: 'o-7', ok: true });
      const history = await current.runtime.history(instanceKey, { limit: 100 });
      const completed = history.items.filter((record) => record.type === 'element-completed').map((r) => r.elementId);
      expect(completed).toContain('shipped');
      expect(completed).not.toContain('expired');
    });
  });
