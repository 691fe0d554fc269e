import { afterEach, describe, expect, it } from 'vitest';
import { sequenceOfJobs, sqliteRuntime, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('the command loop under sustained load', () => {
  it('lets timers and I/O run between transactions instead of starving the process', async () => {
    // given in-process workers that complete every job at once, and more instances in flight than one batch holds
    const t = (current = await sqliteRuntime({ maxBatch: 100 }));
    await t.runtime.deploy('test', [{ name: 'order.bpmn', content: sequenceOfJobs('order', ['a', 'b', 'c']) }]);
    for (const type of ['a', 'b', 'c']) t.runtime.worker(type, () => ({}), { concurrency: 1_000 });
    const instances = 1_000;
    let completed = 0;
    const allDone = new Promise<void>((resolve) => {
      t.runtime.onCommitted((steps) => {
        completed += steps.filter((step) => step.state.status === 'completed').length;
        if (completed === instances) resolve();
      });
    });

    // when they all start, and a timer is set for the next turn of the event loop
    await Promise.all(Array.from({ length: instances }, () => t.runtime.startInstance({ processId: 'order' })));
    const seenByTimer = new Promise<number>((resolve) => setTimeout(() => resolve(completed), 0));

    // then the timer runs while the instances are still being worked, not only after the last one
    expect(await seenByTimer).toBeLessThan(instances);
    await allDone;
    expect(completed).toBe(instances);
  });
});
