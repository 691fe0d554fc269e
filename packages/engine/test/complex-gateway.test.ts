import { describe, expect, it } from 'vitest';
import { Scenario, bpmn, flow, userTask } from './scenario';

/** start → fork → three reviews → complex join (2 of 3) → decided → end. */
const TWO_OF_THREE = bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
  ${flow('f1', 'fork', 'a')}${flow('f2', 'fork', 'b')}${flow('f3', 'fork', 'c')}
  ${userTask('a')}${userTask('b')}${userTask('c')}
  ${flow('j1', 'a', 'join')}${flow('j2', 'b', 'join')}${flow('j3', 'c', 'join')}
  <bpmn:complexGateway id="join"><bpmn:activationCondition>=activationCount &gt;= 2</bpmn:activationCondition></bpmn:complexGateway>
  ${flow('f4', 'join', 'decided')}${userTask('decided')}${flow('f5', 'decided', 'end')}<bpmn:endEvent id="end"/>`);

describe('complex gateway', () => {
  it('given an activation condition of two tokens, then it fires after the second review, and the third is absorbed', async () => {
    const scenario = await Scenario.of(TWO_OF_THREE);
    scenario.start();

    scenario.completeUserTask('a');
    expect(scenario.active()).toEqual(['b', 'c']);
    scenario.completeUserTask('b');
    expect(scenario.active()).toEqual(['c', 'decided']);
    scenario.completeUserTask('c');
    expect(scenario.completed().filter((id) => id === 'join')).toHaveLength(1);
    scenario.completeUserTask('decided');

    expect(scenario.status).toBe('completed');
    expect(scenario.state?.joins).toEqual({});
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given no activation condition, then it joins like an inclusive gateway', async () => {
    const scenario = await Scenario.of(
      TWO_OF_THREE.replace(/<bpmn:activationCondition>.*<\/bpmn:activationCondition>/, ''),
    );
    scenario.start();

    scenario.completeUserTask('a').completeUserTask('b');
    expect(scenario.active()).toEqual(['c']);
    scenario.completeUserTask('c');

    expect(scenario.active()).toEqual(['decided']);
  });

  it('splits like an inclusive gateway: every flow whose condition holds', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'split')}<bpmn:complexGateway id="split" default="f3"/>
        ${flow('f1', 'split', 'a', '=x &gt; 1')}${flow('f2', 'split', 'b', '=x &gt; 2')}${flow('f3', 'split', 'c')}
        ${userTask('a')}${userTask('b')}${userTask('c')}`),
    );
    scenario.start({ x: 5 });

    expect(scenario.active()).toEqual(['a', 'b']);
  });
});
