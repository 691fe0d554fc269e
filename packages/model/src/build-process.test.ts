import { describe, expect, it } from 'vitest';
import { executableProcess, onlyProcess, parse } from '../test/bpmn-document';
import type { FlowNode, FlowNodeOfKind, NodeKind, ProcessDefinition } from './index';

// Every supported node kind and Camunda 8 extension in one model:
//
// start → charge → decide ─[= amount > 100]→ approve ─→ merge → fork ─→ pack ──────────→ join → notify? ─["approved"]→ sendMail → done
//                        └─(default)→ compute ───────┘          └─→ shipping{ shipStart → ship → shipEnd } ┘        └─(default)→ stop (terminate)
const ORDER_PROCESS = executableProcess(
  `
  <bpmn:extensionElements><zeebe:versionTag value="v7" /></bpmn:extensionElements>
  <bpmn:startEvent id="start" name="Order received"><bpmn:documentation>Begins when an order arrives.</bpmn:documentation></bpmn:startEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge" />
  <bpmn:serviceTask id="charge" name="Charge card">
    <bpmn:extensionElements>
      <zeebe:taskDefinition type="payment" retries="5" />
      <zeebe:taskHeaders><zeebe:header key="currency" value="EUR" /><zeebe:header key="__proto__" value="kept" /></zeebe:taskHeaders>
      <zeebe:ioMapping>
        <zeebe:input source="=order.total" target="amount" />
        <zeebe:input source="card" target="payment.method" />
        <zeebe:output source="=receiptId" target="order.receipt" />
      </zeebe:ioMapping>
    </bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="decide" />
  <bpmn:exclusiveGateway id="decide" default="f4" />
  <bpmn:sequenceFlow id="f3" name="large" sourceRef="decide" targetRef="approve">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= amount &gt; 100</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="f4" sourceRef="decide" targetRef="compute" />
  <bpmn:userTask id="approve" name="Approve order">
    <bpmn:extensionElements>
      <zeebe:userTask />
      <zeebe:assignmentDefinition assignee="=order.owner" candidateGroups="sales, managers" candidateUsers="=[&quot;ann&quot;]" />
      <zeebe:taskSchedule dueDate="=now() + duration(&quot;P1D&quot;)" followUpDate="2030-01-01T09:00:00Z" />
      <zeebe:priorityDefinition priority="80" />
      <zeebe:formDefinition formId="approve-form" />
      <zeebe:taskHeaders><zeebe:header key="ui" value="compact" /></zeebe:taskHeaders>
    </bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:sequenceFlow id="f5" sourceRef="approve" targetRef="merge" />
  <bpmn:scriptTask id="compute" name="Compute discount">
    <bpmn:extensionElements><zeebe:script expression="=amount * 0.1" resultVariable="discount" /></bpmn:extensionElements>
  </bpmn:scriptTask>
  <bpmn:sequenceFlow id="f6" sourceRef="compute" targetRef="merge" />
  <bpmn:exclusiveGateway id="merge" />
  <bpmn:sequenceFlow id="f7" sourceRef="merge" targetRef="fork" />
  <bpmn:parallelGateway id="fork" />
  <bpmn:sequenceFlow id="f8" sourceRef="fork" targetRef="pack" />
  <bpmn:sequenceFlow id="f9" sourceRef="fork" targetRef="shipping" />
  <bpmn:manualTask id="pack" name="Pack parcel" />
  <bpmn:sequenceFlow id="f10" sourceRef="pack" targetRef="join" />
  <bpmn:subProcess id="shipping" name="Shipping">
    <bpmn:extensionElements>
      <zeebe:ioMapping><zeebe:input source="=order.address" target="address" /></zeebe:ioMapping>
    </bpmn:extensionElements>
    <bpmn:startEvent id="shipStart" />
    <bpmn:sequenceFlow id="s1" sourceRef="shipStart" targetRef="ship" />
    <bpmn:task id="ship" name="Ship" />
    <bpmn:sequenceFlow id="s2" sourceRef="ship" targetRef="shipEnd" />
    <bpmn:endEvent id="shipEnd" />
  </bpmn:subProcess>
  <bpmn:sequenceFlow id="f11" sourceRef="shipping" targetRef="join" />
  <bpmn:parallelGateway id="join" />
  <bpmn:sequenceFlow id="f12" sourceRef="join" targetRef="notify" />
  <bpmn:inclusiveGateway id="notify" default="f14" />
  <bpmn:sequenceFlow id="f13" sourceRef="notify" targetRef="sendMail">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">approved</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="f14" sourceRef="notify" targetRef="stop" />
  <bpmn:scriptTask id="sendMail">
    <bpmn:extensionElements><zeebe:taskDefinition type="=&quot;mail-&quot; + region" /></bpmn:extensionElements>
  </bpmn:scriptTask>
  <bpmn:sequenceFlow id="f15" sourceRef="sendMail" targetRef="done" />
  <bpmn:endEvent id="done" />
  <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
`,
  'order-fulfilment',
);

function node<K extends NodeKind>(process: ProcessDefinition, id: string, kind: K): FlowNodeOfKind<K> {
  const found: FlowNode | undefined = process.nodes.get(id);
  expect(found?.kind).toBe(kind);
  return found as FlowNodeOfKind<K>;
}

describe('building the process graph', () => {
  it('reads a model with every supported node kind and Camunda 8 extension', async () => {
    // given a Camunda 8 model using every node kind
    // when it is parsed
    const outcome = await parse(ORDER_PROCESS);

    // then it is accepted without findings
    expect(outcome.diagnostics).toEqual([]);
    const process = onlyProcess(outcome);
    expect(process).toMatchObject({
      id: 'order-fulfilment',
      isExecutable: true,
      versionTag: 'v7',
      startEventId: 'start',
    });
    expect(new Set([...process.nodes.values()].map((n) => n.kind))).toEqual(
      new Set([
        'startEvent',
        'endEvent',
        'task',
        'manualTask',
        'serviceTask',
        'userTask',
        'scriptTask',
        'exclusiveGateway',
        'parallelGateway',
        'inclusiveGateway',
        'subProcess',
      ]),
    );
    expect(process.childIds).toEqual([
      'start',
      'charge',
      'decide',
      'approve',
      'compute',
      'merge',
      'fork',
      'pack',
      'shipping',
      'join',
      'notify',
      'sendMail',
      'done',
      'stop',
    ]);
    expect(process.flows.size).toBe(17);
  });

  it('connects nodes through incoming and outgoing flows in document order', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));

    expect(node(process, 'start', 'startEvent')).toMatchObject({
      incoming: [],
      outgoing: ['f1'],
      eventDefinition: 'none',
    });
    expect(node(process, 'decide', 'exclusiveGateway')).toMatchObject({
      incoming: ['f2'],
      outgoing: ['f3', 'f4'],
      defaultFlowId: 'f4',
    });
    expect(node(process, 'merge', 'exclusiveGateway')).toMatchObject({
      incoming: ['f5', 'f6'],
      outgoing: ['f7'],
      defaultFlowId: undefined,
    });
    expect(node(process, 'fork', 'parallelGateway').outgoing).toEqual(['f8', 'f9']);
    expect(node(process, 'join', 'parallelGateway').incoming).toEqual(['f10', 'f11']);
    expect(process.flows.get('f3')).toEqual({
      id: 'f3',
      name: 'large',
      sourceId: 'decide',
      targetId: 'approve',
      condition: 'amount > 100',
    });
    expect(process.flows.get('f4')?.condition).toBeUndefined();
  });

  it('reads the start event name and documentation', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));

    expect(node(process, 'start', 'startEvent')).toMatchObject({
      name: 'Order received',
      documentation: 'Begins when an order arrives.',
      parentId: undefined,
    });
  });

  it('reads a service task job: type, retries, headers and io mappings', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));
    const charge = node(process, 'charge', 'serviceTask');

    expect(charge.job.type).toEqual({ kind: 'static', value: 'payment' });
    expect(charge.job.retries).toEqual({ kind: 'static', value: '5' });
    expect(charge.job.headers).toEqual({ currency: 'EUR', ['__proto__']: 'kept' });
    expect(Object.getPrototypeOf(charge.job.headers)).toBe(Object.prototype);
    expect(charge.inputs).toEqual([
      { source: { kind: 'feel', expression: 'order.total' }, target: 'amount' },
      { source: { kind: 'static', value: 'card' }, target: 'payment.method' },
    ]);
    expect(charge.outputs).toEqual([{ source: { kind: 'feel', expression: 'receiptId' }, target: 'order.receipt' }]);
  });

  it('reads a user task: assignment, schedule, priority, form and headers', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));

    expect(node(process, 'approve', 'userTask')).toMatchObject({
      assignee: { kind: 'feel', expression: 'order.owner' },
      candidateGroups: { kind: 'static', value: 'sales, managers' },
      candidateUsers: { kind: 'feel', expression: '["ann"]' },
      dueDate: { kind: 'feel', expression: 'now() + duration("P1D")' },
      followUpDate: { kind: 'static', value: '2030-01-01T09:00:00Z' },
      priority: { kind: 'static', value: '80' },
      formId: 'approve-form',
      formKey: undefined,
      headers: { ui: 'compact' },
    });
  });

  it('reads a script task as a FEEL script or as a job', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));

    expect(node(process, 'compute', 'scriptTask')).toMatchObject({
      script: { expression: 'amount * 0.1', resultVariable: 'discount' },
      job: undefined,
    });
    expect(node(process, 'sendMail', 'scriptTask')).toMatchObject({
      script: undefined,
      job: {
        type: { kind: 'feel', expression: '"mail-" + region' },
        retries: { kind: 'static', value: '3' },
        headers: {},
      },
    });
  });

  it('treats a condition without "=" as FEEL, and reads the inclusive default flow and terminate end event', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));

    expect(process.flows.get('f13')?.condition).toBe('approved');
    expect(node(process, 'notify', 'inclusiveGateway').defaultFlowId).toBe('f14');
    expect(node(process, 'stop', 'endEvent').eventDefinition).toBe('terminate');
    expect(node(process, 'done', 'endEvent').eventDefinition).toBe('none');
  });

  it('nests a sub-process: its children, their parent and its own start event', async () => {
    const process = onlyProcess(await parse(ORDER_PROCESS));

    const shipping = node(process, 'shipping', 'subProcess');
    expect(shipping).toMatchObject({
      startEventId: 'shipStart',
      childIds: ['shipStart', 'ship', 'shipEnd'],
      incoming: ['f9'],
      outgoing: ['f11'],
    });
    expect(shipping.inputs).toEqual([{ source: { kind: 'feel', expression: 'order.address' }, target: 'address' }]);
    expect(node(process, 'ship', 'task')).toMatchObject({ parentId: 'shipping', incoming: ['s1'], outgoing: ['s2'] });
    expect(process.childIds).not.toContain('ship');
  });

  it('parses every executable process of a collaboration', async () => {
    // given two executable pools
    const xml = executableProcess('<bpmn:startEvent id="a" />', 'first').replace(
      '</bpmn:definitions>',
      '<bpmn:process id="second" isExecutable="true"><bpmn:startEvent id="b" /></bpmn:process></bpmn:definitions>',
    );

    // when parsed
    const outcome = await parse(xml);

    // then both are there
    expect(outcome.ok && outcome.model.processes.map((p) => [p.id, p.startEventId])).toEqual([
      ['first', 'a'],
      ['second', 'b'],
    ]);
  });

  it('freezes the result, maps included', async () => {
    const outcome = await parse(ORDER_PROCESS);
    const process = onlyProcess(outcome);

    expect(Object.isFrozen(outcome)).toBe(true);
    expect(Object.isFrozen(process)).toBe(true);
    expect(Object.isFrozen(node(process, 'charge', 'serviceTask').job.headers)).toBe(true);
    expect(() => (process.nodes as Map<string, FlowNode>).set('x', node(process, 'pack', 'manualTask'))).toThrow(
      TypeError,
    );
    expect(() => (process.flows as Map<string, unknown>).clear()).toThrow(TypeError);
  });
});
