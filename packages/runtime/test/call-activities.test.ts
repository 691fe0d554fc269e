// Call activities through the runtime: the child is a real instance, variables travel both ways,
// cancelling the parent cancels the child, a BPMN error the child does not catch goes up to the parent,
// and a parent waiting for its child survives a restart.
import { process } from '@operon/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, NAMESPACES, eventually, type TestRuntime } from './test-runtime';

let current: TestRuntime | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

function definitions(processes: Record<string, string>, roots = ''): string {
  const body = Object.entries(processes)
    .map(([id, content]) => `<bpmn:process id="${id}" isExecutable="true">${content}</bpmn:process>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d" targetNamespace="http://operon.test">${roots}${body}</bpmn:definitions>`;
}

/** parent: call (child) → e, and, with `boundary`, its error boundary → handled; child: a job `reserve`. */
function erroringModel(boundary: boolean): string {
  const caught = boundary
    ? `<bpmn:boundaryEvent id="caught" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
       ${flow('f3', 'caught', 'handled')}<bpmn:endEvent id="handled"/>`
    : '';
  return definitions(
    {
      parent: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'call')}
        <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
        ${flow('f2', 'call', 'e')}<bpmn:endEvent id="e"/>${caught}`,
      child: `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'reserve')}<bpmn:serviceTask id="reserve"><bpmn:extensionElements>
        <zeebe:taskDefinition type="reserve"/></bpmn:extensionElements></bpmn:serviceTask>${flow('c2', 'reserve', 'ce')}<bpmn:endEvent id="ce"/>`,
    },
    '<bpmn:error id="err" errorCode="OUT_OF_STOCK"/>',
  );
}

/** top → (call) middle → (call) child with the job `reserve`; nothing catches an error. */
const THREE_LEVELS = definitions({
  top: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'call')}
    <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="middle"/></bpmn:extensionElements></bpmn:callActivity>
    ${flow('f2', 'call', 'e')}<bpmn:endEvent id="e"/>`,
  middle: `<bpmn:startEvent id="ms"/>${flow('m1', 'ms', 'mcall')}
    <bpmn:callActivity id="mcall"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
    ${flow('m2', 'mcall', 'me')}<bpmn:endEvent id="me"/>`,
  child: `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'reserve')}<bpmn:serviceTask id="reserve"><bpmn:extensionElements>
    <zeebe:taskDefinition type="reserve"/></bpmn:extensionElements></bpmn:serviceTask>${flow('c2', 'reserve', 'ce')}<bpmn:endEvent id="ce"/>`,
});

const MODEL = definitions({
  parent: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'call')}
    <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
    ${flow('f2', 'call', 'e')}<bpmn:endEvent id="e"/>`,
  child: `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'approve')}<bpmn:userTask id="approve"/>${flow('c2', 'approve', 'ce')}<bpmn:endEvent id="ce"/>`,
});

async function given(start: () => Promise<TestRuntime>, xml: string): Promise<TestRuntime> {
  current = await start();
  await current.runtime.deploy('test', [{ name: 'model.bpmn', content: xml }]);
  return current;
}

async function openTask(t: TestRuntime) {
  return eventually(async () => (await t.runtime.queryUserTasks({ state: 'open' }, { limit: 10 })).items[0]);
}

async function status(t: TestRuntime, instanceKey: string): Promise<string> {
  return (await t.runtime.getInstance(instanceKey)).summary.status;
}

// on each database: the restarts below read back what the other runs wrote
for (const dialect of DIALECTS)
  describe.skipIf(dialect.skipped)(`call activities (${dialect.name})`, () => {
    const start = () => dialect.start();

    it('given a call activity, then the child runs as its own instance and its variables come back to the parent', async () => {
      const t = await given(start, MODEL);
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent', variables: { order: 7 } });

      const task = await openTask(t);
      expect(task.instanceKey).not.toBe(instanceKey);
      expect((await t.runtime.getInstance(task.instanceKey)).state.variables).toMatchObject({ 1: { order: 7 } });
      await t.runtime.completeUserTask(task.taskKey, { approved: true });

      await eventually(async () => ((await status(t, instanceKey)) === 'completed' ? true : undefined));
      const parent = await t.runtime.getInstance(instanceKey);
      expect(parent.state.variables[parent.state.rootKey]).toEqual({ order: 7, approved: true });
    });

    it('when the parent is cancelled, then the child is cancelled too', async () => {
      const t = await given(start, MODEL);
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent' });
      const task = await openTask(t);

      await t.runtime.cancelInstance(instanceKey);

      await eventually(async () => ((await status(t, task.instanceKey)) === 'terminated' ? true : undefined));
    });

    it('given a called process that is not deployed, then the call activity has an incident', async () => {
      const t = await given(
        start,
        definitions({
          parent: `<bpmn:startEvent id="s"/>${flow('f1', 's', 'call')}
          <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="missing"/></bpmn:extensionElements></bpmn:callActivity>
          ${flow('f2', 'call', 'e')}<bpmn:endEvent id="e"/>`,
        }),
      );
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent' });

      const incident = await eventually(
        async () => (await t.runtime.queryIncidents({ instanceKey, state: 'open' }, { limit: 5 })).items[0],
      );
      expect(incident.message).toContain("'missing' is not deployed");
    });

    it("given an error boundary on the call activity, when the child's worker throws the error, then the child is cancelled and the parent takes the boundary path", async () => {
      const t = await given(start, erroringModel(true));
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent' });
      const [job] = await eventually(async () => {
        const jobs = await t.runtime.activateJobs({ type: 'reserve', maxJobs: 1, leaseMs: 60_000, worker: 'w' });
        return jobs.length > 0 ? jobs : undefined;
      });

      await t.runtime.throwError(job!.jobKey, { errorCode: 'OUT_OF_STOCK', variables: { item: 'cigar' } });

      await eventually(async () => ((await status(t, instanceKey)) === 'completed' ? true : undefined));
      const parent = await t.runtime.getInstance(instanceKey);
      expect(parent.state.variables[parent.state.rootKey]).toEqual({ item: 'cigar' });
      await eventually(async () => ((await status(t, job!.instanceKey)) === 'terminated' ? true : undefined));
    });

    it('given no catch in the parent, when the child throws the error, then the incident is at the thrower in the child', async () => {
      const t = await given(start, erroringModel(false));
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent' });
      const [job] = await eventually(async () => {
        const jobs = await t.runtime.activateJobs({ type: 'reserve', maxJobs: 1, leaseMs: 60_000, worker: 'w' });
        return jobs.length > 0 ? jobs : undefined;
      });

      await t.runtime.throwError(job!.jobKey, { errorCode: 'OUT_OF_STOCK' });

      const childKey = job!.instanceKey;
      const incident = await eventually(
        async () => (await t.runtime.queryIncidents({ instanceKey: childKey, state: 'open' }, { limit: 5 })).items[0],
      );
      expect(incident).toMatchObject({ elementId: 'reserve', type: 'UNHANDLED_ERROR_EVENT' });
      expect((await t.runtime.queryIncidents({ instanceKey, state: 'open' }, { limit: 5 })).items).toEqual([]);
      expect(await status(t, instanceKey)).toBe('active');
    });

    it('a parent waiting for its child survives a restart, and the child goes on after it', async () => {
      let t = await given(start, MODEL);
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent' });
      const first = await openTask(t);

      t = await t.restart();
      current = t;
      expect(await status(t, instanceKey)).toBe('active');
      const task = await openTask(t);
      expect(task.instanceKey).toBe(first.instanceKey);
      await t.runtime.completeUserTask(task.taskKey, {});

      await eventually(async () => ((await status(t, instanceKey)) === 'completed' ? true : undefined));
    });

    it("given a child's error stored but never passed to its parent (a crash after the child's commit), then the start passes it up", async () => {
      let t = await given(start, erroringModel(true));
      const { instanceKey } = await t.runtime.startInstance({ processId: 'parent' });
      const [job] = await eventually(async () => {
        const jobs = await t.runtime.activateJobs({ type: 'reserve', maxJobs: 1, leaseMs: 60_000, worker: 'w' });
        return jobs.length > 0 ? jobs : undefined;
      });
      // the child's commit of the worker's error, as the runtime writes it, without the step after the commit
      const child = await t.store.loadInstance('default', job!.instanceKey);
      if (!child) throw new Error('the child was not stored');
      const { definition } = await t.runtime.definitions.find('default', 'child');
      const now = Date.now();
      const thrown = process(
        child.state,
        {
          type: 'throw-error',
          jobKey: Number(job!.jobKey.split('.').pop()),
          errorCode: 'OUT_OF_STOCK',
          variables: { item: 'cigar' },
        },
        { now, definition },
      );
      expect(thrown.effects.map((effect) => effect.type)).toContain('propagate-error');
      await t.store.commit({
        instances: [
          {
            tenantId: 'default',
            instanceKey: child.instanceKey,
            definitionKey: child.definitionKey,
            processId: 'child',
            expectedVersion: child.version,
            state: thrown.state!,
            events: thrown.events,
            effects: thrown.effects,
            now,
          },
        ],
      });
      expect(await status(t, instanceKey)).toBe('active');

      t = await t.restart();
      current = t;

      await eventually(async () => ((await status(t, instanceKey)) === 'completed' ? true : undefined));
      const parent = await t.runtime.getInstance(instanceKey);
      expect(parent.state.variables[parent.state.rootKey]).toEqual({ item: 'cigar' });
      await eventually(async () => ((await status(t, child.instanceKey)) === 'terminated' ? true : undefined));
    });

    it('given an error that went up two levels uncaught and raised its incident, then a restart does not pass it up again', async () => {
      let t = await given(start, THREE_LEVELS);
      const { instanceKey } = await t.runtime.startInstance({ processId: 'top' });
      const [job] = await eventually(async () => {
        const jobs = await t.runtime.activateJobs({ type: 'reserve', maxJobs: 1, leaseMs: 60_000, worker: 'w' });
        return jobs.length > 0 ? jobs : undefined;
      });
      await t.runtime.throwError(job!.jobKey, { errorCode: 'OUT_OF_STOCK' });
      await eventually(
        async () =>
          (await t.runtime.queryIncidents({ instanceKey: job!.instanceKey, state: 'open' }, { limit: 5 })).items[0],
      );
      const before = await t.store.loadInstance('default', instanceKey);

      t = await t.restart();
      current = t;
      await t.runtime.startupRepair;

      // no command reached the parent: its stored version is the same
      expect((await t.store.loadInstance('default', instanceKey))?.version).toBe(before?.version);
    });

    it('given a parent stored without its child (a crash before the child was created), then the start creates the child', async () => {
      let t = await given(start, MODEL);
      // the parent's commit, as the runtime writes it, without the step after the commit
      const { record, definition } = await t.runtime.definitions.find('default', 'parent');
      const now = Date.now();
      const created = process(
        undefined,
        { type: 'create-instance', instanceKey: 'crashed', variables: { order: 1 } },
        {
          now,
          definition,
        },
      );
      if (!created.state) throw new Error('the parent did not start');
      await t.store.commit({
        instances: [
          {
            tenantId: 'default',
            instanceKey: 'crashed',
            definitionKey: record.definitionKey,
            processId: 'parent',
            expectedVersion: 0,
            state: created.state,
            events: created.events,
            effects: created.effects,
            now,
          },
        ],
      });

      t = await t.restart();
      current = t;

      const task = await openTask(t);
      expect(task.instanceKey).toMatch(/^crashed-\d+$/);
      await t.runtime.completeUserTask(task.taskKey, {});
      await eventually(async () => ((await status(t, 'crashed')) === 'completed' ? true : undefined));
    });
  });
