import { describe, expect, it } from 'vitest';
import { runInMemory, type Effect, type EngineEvent } from '../src/index';
import { Scenario, bpmn, deploy, flow, serviceTask } from './scenario';

type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

function effectOf<T extends Effect['type']>(scenario: Scenario, type: T): EffectOf<T> {
  const found = scenario.effects.findLast((effect): effect is EffectOf<T> => effect.type === type);
  if (!found) throw new Error(`no ${type} effect`);
  return found;
}

/** start → call (calls `child`) → end. */
function parentModel(calledElement: string, extra = ''): string {
  return bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'call')}
    <bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement}${extra}</bpmn:extensionElements></bpmn:callActivity>
    ${flow('f2', 'call', 'end')}<bpmn:endEvent id="end"/>`);
}

const CHILD = bpmn(
  `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'childWork')}${serviceTask('childWork')}${flow('c2', 'childWork', 'ce')}<bpmn:endEvent id="ce"/>`,
  'child',
);

/** Starts the child the parent asked for, as the runtime does. */
async function startChild(parent: Scenario): Promise<Scenario> {
  const request = effectOf(parent, 'create-child-instance');
  const child = new Scenario(await deploy(CHILD));
  child.when({
    type: 'create-instance',
    instanceKey: request.childInstanceKey,
    variables: request.variables,
    parent: request.parent,
  });
  return child;
}

function completeParent(parent: Scenario, child: Scenario): EngineEvent[] {
  const done = effectOf(child, 'complete-call-activity');
  return parent.when({
    type: 'complete-call-activity',
    elementInstanceKey: done.parent.elementInstanceKey,
    childInstanceKey: child.state?.instanceKey ?? '',
    variables: done.variables,
  });
}

describe('call activities', () => {
  it('given a called process id, then a child instance is requested with every visible variable, under a key derived from the parent', async () => {
    const parent = await Scenario.of(parentModel('<zeebe:calledElement processId="child"/>'));
    parent.start({ order: 7 });

    const request = effectOf(parent, 'create-child-instance');
    expect(request).toMatchObject({ processId: 'child', variables: { order: 7 } });
    expect(request.childInstanceKey).toMatch(/^instance-1-\d+$/);
    expect(parent.active()).toEqual(['call']);
  });

  it('when the child completes, then its variables come out and the parent goes on', async () => {
    const parent = await Scenario.of(
      parentModel('<zeebe:calledElement processId="=&quot;chi&quot; + &quot;ld&quot;"/>'),
    );
    parent.start({ order: 7 });
    const child = await startChild(parent);

    child.completeJob('childWork', { shipped: true });
    completeParent(parent, child);

    expect(child.status).toBe('completed');
    expect(parent.variables()).toEqual({ order: 7, shipped: true });
    expect(parent.status).toBe('completed');
    expect(parent.replayed()).toEqual(parent.state);
  });

  it('given propagateAllParentVariables false, then only the input mappings go in; given output mappings, only they come out', async () => {
    const parent = await Scenario.of(
      parentModel(
        '<zeebe:calledElement processId="child" propagateAllParentVariables="false"/>',
        '<zeebe:ioMapping><zeebe:input source="=order" target="id"/><zeebe:output source="=shipped" target="sent"/></zeebe:ioMapping>',
      ),
    );
    parent.start({ order: 7, secret: 'x' });
    expect(effectOf(parent, 'create-child-instance').variables).toEqual({ id: 7 });
    const child = await startChild(parent);

    child.completeJob('childWork', { shipped: true, noise: 1 });
    completeParent(parent, child);

    expect(parent.variables()).toEqual({ order: 7, secret: 'x', sent: true });
  });

  it('given propagateAllChildVariables false and no output mappings, then nothing comes out', async () => {
    const parent = await Scenario.of(
      parentModel('<zeebe:calledElement processId="child" propagateAllChildVariables="false"/>'),
    );
    parent.start({ order: 7 });
    const child = await startChild(parent);
    child.completeJob('childWork', { shipped: true });
    completeParent(parent, child);

    expect(parent.variables()).toEqual({ order: 7 });
  });

  it('when the parent is cancelled, then the child is cancelled by the parent and does not report back', async () => {
    const parent = await Scenario.of(parentModel('<zeebe:calledElement processId="child"/>'));
    parent.start();
    const child = await startChild(parent);

    parent.when({ type: 'cancel-instance' });
    const cancel = effectOf(parent, 'cancel-child-instance');
    expect(cancel.childInstanceKey).toBe(child.state?.instanceKey);
    child.when({ type: 'cancel-instance', byParent: true });

    expect(child.status).toBe('terminated');
    expect(child.effects.some((effect) => effect.type === 'fail-call-activity')).toBe(false);
  });

  it('given an incident in the child, then it stays on the child and the parent keeps waiting', async () => {
    const parent = await Scenario.of(parentModel('<zeebe:calledElement processId="child"/>'));
    parent.start();
    const child = await startChild(parent);

    child.when({ type: 'fail-job', jobKey: child.job('childWork').key, retries: 0, errorMessage: 'down' });

    expect(child.incidents()).toHaveLength(1);
    expect(parent.incidents()).toEqual([]);
    expect(parent.active()).toEqual(['call']);
  });

  it('when the child cannot start, then the call activity has an incident, and resolving it asks for a new child', async () => {
    const parent = await Scenario.of(parentModel('<zeebe:calledElement processId="child"/>'));
    parent.start();
    const first = effectOf(parent, 'create-child-instance');

    parent.when({
      type: 'fail-call-activity',
      elementInstanceKey: first.parent.elementInstanceKey,
      childInstanceKey: first.childInstanceKey,
      message: "No process 'child' is deployed.",
    });
    const incident = parent.incidentAt('call');
    expect(incident.type).toBe('CALLED_ELEMENT_ERROR');
    parent.when({ type: 'resolve-incident', incidentKey: incident.key });

    const second = effectOf(parent, 'create-child-instance');
    expect(second.childInstanceKey).not.toBe(first.childInstanceKey);
    expect(
      parent.rejected({
        type: 'complete-call-activity',
        elementInstanceKey: first.parent.elementInstanceKey,
        childInstanceKey: first.childInstanceKey,
      }),
    ).toBe('SCOPE_NOT_FOUND');
  });

  it('given a multi-instance call activity, then one child per item is requested', async () => {
    const parent = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'call')}
        <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>
            <zeebe:loopCharacteristics inputCollection="=items" inputElement="item"/>
          </bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        </bpmn:callActivity>${flow('f2', 'call', 'end')}<bpmn:endEvent id="end"/>`),
    );
    parent.start({ items: [1, 2] });

    const requests = parent.effects.filter((effect) => effect.type === 'create-child-instance');
    expect(requests.map((request) => request.variables['item'])).toEqual([1, 2]);
  });

  it('given the called process, runInMemory runs the child too, and the parent completes with its variables', async () => {
    const parent = await deploy(parentModel('<zeebe:calledElement processId="child"/>'));
    const child = await deploy(CHILD);

    const run = runInMemory(parent, {
      variables: { order: 7 },
      completeJobs: true,
      processes: (processId) => (processId === 'child' ? child : undefined),
    });

    expect(run.status).toBe('completed');
    expect(run.completedElements).toEqual(['start', 'call', 'end']);
    expect(run.variables).toEqual({ order: 7 });
  });

  it('given no called process, runInMemory leaves an incident on the call activity', async () => {
    const run = runInMemory(await deploy(parentModel('<zeebe:calledElement processId="elsewhere"/>')));

    expect(run.status).toBe('incident');
    expect(run.incidents[0]?.message).toContain("'elsewhere' is not in this run");
  });
});
