import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '@operon/model';
import { runInMemory, type Command, type Effect, type InMemoryRun } from '../src/index';
import { Scenario, boundary, bpmnWith, deploy, flow, serviceTask } from './scenario';

const ERRORS = '<bpmn:error id="failed" errorCode="FAILED"/>';
const catchFailed = '<bpmn:errorEventDefinition errorRef="failed"/>';
const calls = (id: string, processId: string): string =>
  `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}"/></bpmn:extensionElements></bpmn:callActivity>`;

/** start → call (calls `calledId`) → end; its error boundary `caught` (if any) → handled. */
function parentModel(calledId: string, withBoundary: boolean, processId = 'process', extra = ''): string {
  const caught = withBoundary
    ? `${boundary('caught', 'call', catchFailed)}${flow('f3', 'caught', 'handled')}<bpmn:endEvent id="handled"/>`
    : '';
  return bpmnWith(
    ERRORS,
    `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'call')}${calls('call', calledId)}
     ${flow('f2', 'call', 'end')}<bpmn:endEvent id="end"/>${caught}${extra}`,
    processId,
  );
}

/** The child's worker throws FAILED: start → childWork (job) → end. */
const JOB_CHILD = bpmnWith(
  ERRORS,
  `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'childWork')}${serviceTask('childWork')}${flow('c2', 'childWork', 'ce')}<bpmn:endEvent id="ce"/>`,
  'child',
);

/** The child throws FAILED from an error end event: start → fail. */
const END_CHILD = bpmnWith(
  ERRORS,
  `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'fail')}<bpmn:endEvent id="fail">${catchFailed}</bpmn:endEvent>`,
  'child',
);

function lastEffect<T extends Effect['type']>(scenario: Scenario, type: T): Extract<Effect, { type: T }> {
  const found = scenario.effects.findLast((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
  if (!found) throw new Error(`no ${type} effect`);
  return found;
}

/** Starts the child the parent asked for, as the runtime does. */
async function startChild(parent: Scenario, xml: string): Promise<Scenario> {
  const request = lastEffect(parent, 'create-child-instance');
  const child = new Scenario(await deploy(xml));
  child.when({ type: 'create-instance', instanceKey: request.childInstanceKey, variables: {}, parent: request.parent });
  return child;
}

/** Routes the child's last `propagate-error` to its parent, as the runtime does. */
function passUp(child: Scenario, parent: Scenario): void {
  const propagated = lastEffect(child, 'propagate-error');
  const command: Command = {
    type: 'throw-error-from-child',
    elementInstanceKey: propagated.parent.elementInstanceKey,
    childInstanceKey: child.state?.instanceKey ?? '',
    errorCode: propagated.error.code,
    errorMessage: propagated.error.message,
    variables: propagated.error.variables,
    thrower: propagated.thrower,
  };
  parent.when(command);
}

async function inMemory(...xmls: string[]): Promise<InMemoryRun> {
  const [root, ...called] = await Promise.all(xmls.map((xml) => deploy(xml)));
  if (!root) throw new Error('no root process');
  const byId = new Map<string, ProcessDefinition>(called.map((definition) => [definition.id, definition]));
  return runInMemory(root, { processes: (processId) => byId.get(processId) });
}

describe('errors thrown in a called process', () => {
  it("given an error boundary on the call activity, when the child's worker throws its error, then the child is cancelled and the parent goes on on the boundary path with the error's variables", async () => {
    const parent = await Scenario.of(parentModel('child', true));
    parent.start({ order: 7 });
    const child = await startChild(parent, JOB_CHILD);

    child.throwError('childWork', 'FAILED', { reason: 'no stock' }, 'out of stock');

    expect(child.incidents()).toEqual([]);
    expect(child.active()).toEqual(['childWork']);
    passUp(child, parent);
    expect(parent.terminated()).toEqual(['call']);
    expect(parent.completed()).toContain('handled');
    expect(parent.status).toBe('completed');
    expect(parent.variables()).toEqual({ order: 7, reason: 'no stock' });
    expect(lastEffect(parent, 'cancel-child-instance').childInstanceKey).toBe(child.state?.instanceKey);
    child.when({ type: 'cancel-instance', byParent: true });
    expect(child.status).toBe('terminated');
    expect(parent.replayed()).toEqual(parent.state);
    expect(child.replayed()).toEqual(child.state);
  });

  it("given an error event sub-process in the parent, when the child's error end event throws, then it catches the error", async () => {
    const onError = `<bpmn:subProcess id="onError" triggeredByEvent="true">
      <bpmn:startEvent id="onErrorStart">${catchFailed}</bpmn:startEvent>${flow('e1', 'onErrorStart', 'onErrorEnd')}
      <bpmn:endEvent id="onErrorEnd"/></bpmn:subProcess>`;

    const run = await inMemory(parentModel('child', false, 'process', onError), END_CHILD);

    expect(run.status).toBe('completed');
    expect(run.completedElements).toEqual(['start', 'onErrorStart', 'onErrorEnd', 'onError']);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'element-terminated', elementId: 'call' }));
  });

  it('given nothing catches it in the parent either, then the incident is raised at the thrower in the child, the parent waits, and resolving the incident throws the error again', async () => {
    const parent = await Scenario.of(parentModel('child', false));
    parent.start();
    const child = await startChild(parent, END_CHILD);
    expect(child.active()).toEqual(['fail']);

    passUp(child, parent);
    const notCaught = lastEffect(parent, 'error-not-caught');
    expect(notCaught.thrower.instanceKey).toBe(child.state?.instanceKey);
    child.when({
      type: 'error-not-caught',
      elementInstanceKey: notCaught.thrower.elementInstanceKey,
      errorCode: notCaught.errorCode,
    });

    expect(child.incidentAt('fail')).toMatchObject({
      type: 'UNHANDLED_ERROR_EVENT',
      message:
        "The error 'FAILED' thrown by 'fail' is not caught: no error boundary event or error event sub-process " +
        'around it catches this code. Add one that catches it, or a catch-all error event; then resolve the incident to retry.',
    });
    expect(parent.incidents()).toEqual([]);
    expect(parent.active()).toEqual(['call']);
    expect(
      child.rejected({
        type: 'error-not-caught',
        elementInstanceKey: notCaught.thrower.elementInstanceKey,
        errorCode: 'FAILED',
      }),
    ).toBe('SCOPE_NOT_FOUND');

    const propagatedBefore = child.effects.filter((effect) => effect.type === 'propagate-error').length;
    child.when({ type: 'resolve-incident', incidentKey: child.incidentAt('fail').key });
    expect(child.effects.filter((effect) => effect.type === 'propagate-error')).toHaveLength(propagatedBefore + 1);
    expect(child.incidents()).toEqual([]);
    expect(child.replayed()).toEqual(child.state);
  });

  it("given two levels, when the grandchild throws, then the grandparent's call activity boundary catches the error", async () => {
    const grandparent = parentModel('middle', true);
    const middle = parentModel('child', false, 'middle');

    const run = await inMemory(grandparent, middle, END_CHILD);

    expect(run.status).toBe('completed');
    expect(run.completedElements).toEqual(['start', 'caught', 'handled']);
  });

  it('given two levels and no catch anywhere, then the grandparent waits without an incident', async () => {
    const run = await inMemory(parentModel('middle', false), parentModel('child', false, 'middle'), END_CHILD);

    expect(run.status).toBe('waiting');
    expect(run.incidents).toEqual([]);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'child-error-uncaught', errorCode: 'FAILED' }));
  });

  it('when the error comes from a child the call activity no longer waits for, then it is refused', async () => {
    const parent = await Scenario.of(parentModel('child', true));
    parent.start();
    const child = await startChild(parent, JOB_CHILD);
    child.throwError('childWork', 'FAILED');

    const propagated = lastEffect(child, 'propagate-error');
    const code = parent.rejected({
      type: 'throw-error-from-child',
      elementInstanceKey: propagated.parent.elementInstanceKey,
      childInstanceKey: 'an-earlier-child',
      errorCode: 'FAILED',
      thrower: propagated.thrower,
    });

    expect(code).toBe('SCOPE_NOT_FOUND');
    expect(parent.active()).toEqual(['call']);
  });
});
