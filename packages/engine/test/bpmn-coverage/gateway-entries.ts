// The "Gateways" section of docs/bpmn-coverage.md.
import { testsIn, type CoverageEntry } from './coverage-entry';
import { ELEMENT_ID, MESSAGE, processWith, TIMER } from './coverage-model';

const gateways = testsIn('packages/engine/test/gateways.test.ts');
const eventBasedGateway = testsIn('packages/engine/test/event-based-gateway.test.ts');
const complexGateway = testsIn('packages/engine/test/complex-gateway.test.ts');
const runtimeEventBasedGateway = testsIn('packages/runtime/test/event-based-gateway.test.ts');
const runtimeComplexGateway = testsIn('packages/runtime/test/complex-gateway.test.ts');

interface Gateway {
  readonly type: string;
  readonly id: string;
  readonly children?: string;
}

const gateway = ({ type, id, children = '' }: Gateway) => `<bpmn:${type} id="${id}">${children}</bpmn:${type}>`;

/** start → `split` → two tasks, over flows with the conditions → `join` → end. */
function forkAndJoin(split: Gateway, join: Gateway, conditions: readonly [string, string] = ['', '']): string {
  const [a, b] = conditions;
  return processWith(`<bpmn:startEvent id="start"/><bpmn:sequenceFlow id="in" sourceRef="start" targetRef="${split.id}"/>
    ${gateway(split)}
    <bpmn:sequenceFlow id="toA" sourceRef="${split.id}" targetRef="a">${a}</bpmn:sequenceFlow><bpmn:task id="a"/>
    <bpmn:sequenceFlow id="toB" sourceRef="${split.id}" targetRef="b">${b}</bpmn:sequenceFlow><bpmn:task id="b"/>
    <bpmn:sequenceFlow id="fromA" sourceRef="a" targetRef="${join.id}"/>
    <bpmn:sequenceFlow id="fromB" sourceRef="b" targetRef="${join.id}"/>
    ${gateway(join)}<bpmn:sequenceFlow id="out" sourceRef="${join.id}" targetRef="end"/><bpmn:endEvent id="end"/>`);
}

/** The split `x` and the join of the same type. */
const splitAndJoin = (type: string): [Gateway, Gateway] => [
  { type, id: ELEMENT_ID },
  { type, id: 'join' },
];

const CONDITIONS = [
  '<bpmn:conditionExpression>=amount &gt; 10</bpmn:conditionExpression>',
  '<bpmn:conditionExpression>=amount &lt;= 10</bpmn:conditionExpression>',
] as const;

export const GATEWAY_ENTRIES: readonly CoverageEntry[] = [
  {
    element: 'exclusive gateway',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [gateways('takes only the first matching flow in document order')],
    model: forkAndJoin(...splitAndJoin('exclusiveGateway'), CONDITIONS),
  },
  {
    element: 'parallel gateway',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [gateways('joins only when a token has arrived on every incoming flow')],
    model: forkAndJoin(...splitAndJoin('parallelGateway')),
  },
  {
    element: 'inclusive gateway',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [gateways('joins when every token that can still arrive has arrived, not waiting for untaken flows')],
    model: forkAndJoin(...splitAndJoin('inclusiveGateway'), CONDITIONS),
  },
  {
    element: 'event-based gateway',
    operon: 'runs',
    camunda8: 'yes',
    provedBy: [
      eventBasedGateway(
        'when the message arrives first, then its path is taken with its variables and the other waits end',
      ),
      eventBasedGateway('when the timer fires first, then the timer path is taken'),
      runtimeEventBasedGateway(
        'an event-based gateway still waits for its message and timer after a restart, and the message wins',
      ),
    ],
    model:
      processWith(`<bpmn:startEvent id="start"/><bpmn:sequenceFlow id="in" sourceRef="start" targetRef="${ELEMENT_ID}"/>
      <bpmn:eventBasedGateway id="${ELEMENT_ID}"/>
      <bpmn:sequenceFlow id="toPaid" sourceRef="${ELEMENT_ID}" targetRef="paid"/>
      <bpmn:intermediateCatchEvent id="paid">${MESSAGE}</bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="toLate" sourceRef="${ELEMENT_ID}" targetRef="late"/>
      <bpmn:intermediateCatchEvent id="late">${TIMER}</bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="fromPaid" sourceRef="paid" targetRef="end"/>
      <bpmn:sequenceFlow id="fromLate" sourceRef="late" targetRef="end"/><bpmn:endEvent id="end"/>`),
  },
  {
    element: 'complex gateway (activation condition)',
    operon: 'runs',
    camunda8: 'no',
    provedBy: [
      complexGateway(
        'given an activation condition of two tokens, then it fires after the second review, and the third is absorbed',
      ),
      runtimeComplexGateway('a complex join holding one token fires after a restart when the second arrives'),
    ],
    model: forkAndJoin(
      { type: 'parallelGateway', id: 'split' },
      {
        type: 'complexGateway',
        id: ELEMENT_ID,
        children: '<bpmn:activationCondition>=activationCount &gt;= 1</bpmn:activationCondition>',
      },
    ),
  },
];
