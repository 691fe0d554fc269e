import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Effect } from '@operon/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError, type CommittedStep } from '../src/index';
import { DIALECTS, bpmn, eventually, sequenceOfJobs, sqliteRuntime, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function given(
  resources: Record<string, string>,
  start: () => Promise<TestRuntime> = sqliteRuntime,
): Promise<TestRuntime> {
  current = await start();
  await current.runtime.deploy(
    'test',
    Object.entries(resources).map(([name, content]) => ({ name, content })),
  );
  return current;
}

async function statusOf(t: TestRuntime, instanceKey: string): Promise<string> {
  return (await t.runtime.getInstance(instanceKey)).summary.status;
}

describe('deploy and run', () => {
  it('given three service tasks and in-process workers, an instance runs to completion and every element completes once', async () => {
    const t = await given({ 'order.bpmn': sequenceOfJobs('order', ['a', 'b', 'c']) });
    for (const type of ['a', 'b', 'c']) t.runtime.worker(type, (job) => ({ [`${type}Done`]: job.type }));

    const { instanceKey } = await t.runtime.startInstance({ processId: 'order', variables: { orderId: 7 } });

    await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined));
    const { state } = await t.runtime.getInstance(instanceKey);
    expect(state.variables[state.rootKey]).toEqual({ orderId: 7, aDone: 'a', bDone: 'b', cDone: 'c' });
    const history = await t.runtime.history(instanceKey, { limit: 500 });
    const completed = history.items
      .filter((record) => record.type === 'element-completed')
      .map((record) => record.elementId);
    expect(completed).toEqual(['start', 'task-a', 'task-b', 'task-c', 'end', 'order']);
  });

  it('refuses a bundle with an invalid model, naming the resource and the diagnostics', async () => {
    current = await sqliteRuntime();

    const attempt = current.runtime.deploy('bad', [
      { name: 'bad.bpmn', content: bpmn('bad', '<bpmn:serviceTask id="t"/>') },
    ]);

    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      details: { resources: [{ resource: 'bad.bpmn' }] },
    });
  });

  it('versions a process by content: the same file again is the same version, a changed one the next', async () => {
    const t = await given({ 'p.bpmn': sequenceOfJobs('p', ['a']) });

    const again = await t.runtime.deploy('again', [{ name: 'p.bpmn', content: sequenceOfJobs('p', ['a']) }]);
    const changed = await t.runtime.deploy('changed', [{ name: 'p.bpmn', content: sequenceOfJobs('p', ['a', 'b']) }]);

    expect(again.definitions.map((d) => d.version)).toEqual([1]);
    expect(changed.definitions.map((d) => d.version)).toEqual([2]);
    expect((await t.runtime.startInstance({ processId: 'p' })).version).toBe(2);
    expect((await t.runtime.startInstance({ processId: 'p', version: 1 })).version).toBe(1);
  });

  it('starting an unknown process is a DEFINITION_NOT_FOUND user error', async () => {
    current = await sqliteRuntime();

    await expect(current.runtime.startInstance({ processId: 'nope' })).rejects.toMatchObject({
      code: 'DEFINITION_NOT_FOUND',
    });
  });

  it('unknown jobs and instances are user errors, not crashes', async () => {
    const t = await given({ 'p.bpmn': sequenceOfJobs('p', ['a']) });

    await expect(t.runtime.completeJob('nothing')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    await expect(t.runtime.completeJob('abc.99')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await expect(t.runtime.cancelInstance('abc')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });
});

describe('decisions', () => {
  it('a bundle with a BPMN and a DMN file runs its business rule task, and the history shows why', async () => {
    const examples = resolve(import.meta.dirname, '../../../examples');
    const t = await given({
      'loan-approval.bpmn': readFileSync(join(examples, 'loan-approval.bpmn'), 'utf8'),
      'loan-risk.dmn': readFileSync(join(examples, 'loan-risk.dmn'), 'utf8'),
    });
    t.runtime.worker('disburse-loan', () => ({ disbursed: true }));

    const { instanceKey } = await t.runtime.startInstance({
      processId: 'loan-approval',
      variables: { creditScore: 720, income: 60_000, amount: 90_000 },
    });

    await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined));
    const history = await t.runtime.history(instanceKey, { limit: 500 });
    const evaluation = history.items.find((record) => record.type === 'decision-evaluated');
    expect(evaluation?.event).toMatchObject({
      decisionId: 'loan-risk',
      decisions: [{ output: 'low', matchedRules: [{ ruleId: 'rule-otherwise' }] }],
    });
  });

  it('refuses a DMN file with errors, naming it', async () => {
    current = await sqliteRuntime();

    await expect(current.runtime.deploy('bad', [{ name: 'bad.dmn', content: '<definitions>' }])).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      details: { resources: [{ resource: 'bad.dmn' }] },
    });
  });
});

describe('group commit', () => {
  it('commands that arrive together share transactions and all succeed', async () => {
    const t = await given({ 'p.bpmn': sequenceOfJobs('p', ['a']) });
    const commits: (readonly CommittedStep[])[] = [];
    t.runtime.onCommitted((steps) => commits.push(steps));

    const started = await Promise.all(Array.from({ length: 200 }, () => t.runtime.startInstance({ processId: 'p' })));

    expect(new Set(started.map((s) => s.instanceKey)).size).toBe(200);
    expect(commits.flat()).toHaveLength(200);
    expect(commits.length).toBeLessThan(200);
  });
});

describe('jobs', () => {
  it('a failing worker is retried until its retries run out, then an incident is raised; resolving retries it', async () => {
    const t = await given({ 'p.bpmn': sequenceOfJobs('p', ['flaky']) });
    let calls = 0;
    let healthy = false;
    t.runtime.worker(
      'flaky',
      () => {
        calls++;
        if (!healthy) throw new Error('downstream unavailable');
        return { ok: true };
      },
      { backoffMs: () => 10 },
    );
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });

    const incident = await eventually(
      async () => (await t.runtime.queryIncidents({ instanceKey, state: 'open' }, { limit: 10 })).items[0],
    );
    expect(calls).toBe(3);
    expect(incident).toMatchObject({ type: 'JOB_NO_RETRIES', elementId: 'task-flaky' });
    expect(incident.message).toContain('downstream unavailable');

    healthy = true;
    await t.runtime.resolveIncident(incident.incidentKey, 1);

    await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined));
    expect(calls).toBe(4);
  });

  it('external workers claim jobs with a lease; a claimed job is not handed out twice', async () => {
    const t = await given({ 'p.bpmn': sequenceOfJobs('p', ['ext']) });
    await Promise.all([1, 2, 3].map(() => t.runtime.startInstance({ processId: 'p' })));

    const first = await t.runtime.activateJobs({ type: 'ext', maxJobs: 2, leaseMs: 60_000, worker: 'w1' });
    const second = await t.runtime.activateJobs({ type: 'ext', maxJobs: 5, leaseMs: 60_000, worker: 'w2' });

    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((job) => job.jobKey)).size).toBe(3);

    const job = second[0]!;
    await t.runtime.completeJob(job.jobKey, { done: true });
    await expect(t.runtime.completeJob(job.jobKey)).rejects.toMatchObject({ code: 'INSTANCE_NOT_ACTIVE' });
  });
});

describe('user tasks', () => {
  it('are queryable by candidate group and complete with variables', async () => {
    const t = await given({
      'p.bpmn': bpmn(
        'p',
        `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
        <bpmn:userTask id="approve" name="Approve"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="managers"/></bpmn:extensionElements></bpmn:userTask>
        <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="e"/><bpmn:endEvent id="e"/>`,
      ),
    });
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });

    const tasks = await t.runtime.queryUserTasks({ candidateGroups: ['managers'], state: 'open' }, { limit: 10 });
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({ name: 'Approve', elementId: 'approve', instanceKey });

    await t.runtime.completeUserTask(tasks.items[0]!.taskKey, { approved: true });

    expect(await statusOf(t, instanceKey)).toBe('completed');
    expect(
      (await t.runtime.queryUserTasks({ candidateGroups: ['managers'], state: 'open' }, { limit: 10 })).items,
    ).toEqual([]);
  });
});

describe('timers and messages', () => {
  it('a timer catch event fires when due', async () => {
    const t = await given({
      'p.bpmn': bpmn(
        'p',
        `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0.2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/><bpmn:endEvent id="e"/>`,
      ),
    });

    const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });

    expect(await statusOf(t, instanceKey)).toBe('active');
    await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined));
  });

  const messageModel = bpmn(
    'p',
    `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="paid"/>
    <bpmn:receiveTask id="paid" messageRef="m1"/>
    <bpmn:sequenceFlow id="f2" sourceRef="paid" targetRef="e"/><bpmn:endEvent id="e"/>`,
    `<bpmn:message id="m1" name="payment-received"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>`,
  );

  it('a published message correlates to the waiting instance with the same key and merges its variables', async () => {
    const t = await given({ 'p.bpmn': messageModel });
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p', variables: { orderId: 'A-1' } });
    const other = await t.runtime.startInstance({ processId: 'p', variables: { orderId: 'B-2' } });

    const result = await t.runtime.publishMessage({
      name: 'payment-received',
      correlationKey: 'A-1',
      variables: { amount: 10 },
    });

    expect(result.correlatedInstances).toEqual([instanceKey]);
    expect(await statusOf(t, instanceKey)).toBe('completed');
    expect(await statusOf(t, other.instanceKey)).toBe('active');
  });

  it('a message published before the instance waits is buffered for its time to live', async () => {
    const t = await given({ 'p.bpmn': messageModel });

    const published = await t.runtime.publishMessage({
      name: 'payment-received',
      correlationKey: 'C-3',
      timeToLiveMs: 60_000,
    });
    const { instanceKey } = await t.runtime.startInstance({ processId: 'p', variables: { orderId: 'C-3' } });

    expect(published.buffered).toBe(true);
    await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined));
  });
});

for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`restarts (${dialect.name})`, () => {
    const givenOn = (resources: Record<string, string>) => given(resources, () => dialect.start());

    it('an instance waiting at a job continues after the runtime restarts on the same database', async () => {
      let t = await givenOn({ 'p.bpmn': sequenceOfJobs('p', ['a', 'b']) });
      t.runtime.worker('a', () => ({}));
      const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });
      await eventually(async () => {
        const { state } = await t.runtime.getInstance(instanceKey);
        return Object.values(state.jobs).some((job) => job.type === 'b') ? true : undefined;
      });

      t = await t.restart();
      current = t;
      t.runtime.worker('b', () => ({ finished: true }));

      await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined));
    });

    it('a timer that fell due while the runtime was stopped fires at once after the restart', async () => {
      let t = await givenOn({
        'p.bpmn': bpmn(
          'p',
          `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0.5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/><bpmn:endEvent id="e"/>`,
        ),
      });
      const { instanceKey } = await t.runtime.startInstance({ processId: 'p' });
      await t.runtime.stop();
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await t.store.loadInstance('default', instanceKey))?.state.status).toBe('active');

      t = await t.restart();
      current = t;

      await eventually(async () => ((await statusOf(t, instanceKey)) === 'completed' ? true : undefined), 5_000);
    });

    it('effects are reported to listeners after commit', async () => {
      const t = await givenOn({ 'p.bpmn': sequenceOfJobs('p', ['a']) });
      const effects: Effect[] = [];
      t.runtime.onCommitted((steps) => effects.push(...steps.flatMap((step) => step.effects)));

      await t.runtime.startInstance({ processId: 'p' });

      expect(effects.map((effect) => effect.type)).toEqual(['activate-job']);
    });
  });
