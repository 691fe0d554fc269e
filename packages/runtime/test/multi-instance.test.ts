// Multi-instance and standard loops through the runtime: a body waiting for its instances survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, bpmn, eventually, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

function reviewEach(sequential: boolean): string {
  return bpmn(
    'p',
    `<bpmn:startEvent id="s"/>${flow('f1', 's', 'review')}
    <bpmn:userTask id="review"><bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:extensionElements>
      <zeebe:loopCharacteristics inputCollection="=reviewers" inputElement="reviewer" outputCollection="votes" outputElement="=vote"/>
    </bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
    <bpmn:extensionElements><zeebe:assignmentDefinition assignee="=reviewer"/>
      <zeebe:ioMapping><zeebe:input source="=null" target="vote"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:userTask>
    ${flow('f2', 'review', 'e')}<bpmn:endEvent id="e"/>`,
  );
}

async function openTasks(t: TestRuntime, count: number) {
  return eventually(async () => {
    const { items } = await t.runtime.queryUserTasks({ state: 'open' }, { limit: 10 });
    return items.length === count ? items : undefined;
  });
}

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`multi-instance through the runtime (${dialect.name})`, () => {
    it('a parallel multi-instance user task waits across a restart and collects every vote by index', async () => {
      current = await dialect.start();
      await current.runtime.deploy('test', [{ name: 'p.bpmn', content: reviewEach(false) }]);
      const { instanceKey } = await current.runtime.startInstance({
        processId: 'p',
        variables: { reviewers: ['ann', 'bob'] },
      });
      const tasks = await openTasks(current, 2);
      const byAssignee = new Map(tasks.map((task) => [task.assignee, task.taskKey]));
      await current.runtime.completeUserTask(byAssignee.get('bob') ?? '', { vote: 'no' });

      current = await current.restart();
      await openTasks(current, 1);
      await current.runtime.completeUserTask(byAssignee.get('ann') ?? '', { vote: 'yes' });

      const done = await eventually(async () => {
        const details = await current?.runtime.getInstance(instanceKey);
        return details?.summary.status === 'completed' ? details : undefined;
      });
      expect(done.state.variables[done.state.rootKey]).toMatchObject({ votes: ['yes', 'no'] });
    });

    it('a sequential multi-instance goes on with the next item after a restart', async () => {
      current = await dialect.start();
      await current.runtime.deploy('test', [{ name: 'p.bpmn', content: reviewEach(true) }]);
      const { instanceKey } = await current.runtime.startInstance({
        processId: 'p',
        variables: { reviewers: ['ann', 'bob'] },
      });
      const [first] = await openTasks(current, 1);
      expect(first?.assignee).toBe('ann');
      await current.runtime.completeUserTask(first?.taskKey ?? '', { vote: 'yes' });

      current = await current.restart();
      const [second] = await eventually(async () => {
        const { items } = await (current as TestRuntime).runtime.queryUserTasks({ state: 'open' }, { limit: 10 });
        return items[0]?.assignee === 'bob' ? items : undefined;
      });
      await current.runtime.completeUserTask(second?.taskKey ?? '', { vote: 'no' });

      await eventually(async () =>
        (await current?.runtime.getInstance(instanceKey))?.summary.status === 'completed' ? true : undefined,
      );
    });
  });
