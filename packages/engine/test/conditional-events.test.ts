import { describe, expect, it } from 'vitest';
import { Scenario, boundary, bpmn, flow, userTask } from './scenario';

const conditional = (condition: string): string =>
  `<bpmn:conditionalEventDefinition><bpmn:condition>${condition}</bpmn:condition></bpmn:conditionalEventDefinition>`;

describe('conditional events', () => {
  it('given a conditional catch event, when a variable change makes the condition true, then it moves on', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'wait')}
        <bpmn:intermediateCatchEvent id="wait">${conditional('=stock &gt; 0')}</bpmn:intermediateCatchEvent>
        ${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ stock: 0 });
    expect(scenario.active()).toEqual(['wait']);

    scenario.when({ type: 'set-variables', variables: { stock: 3 } });

    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given a conditional catch event whose condition already holds, then it moves on at once', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'wait')}
        <bpmn:intermediateCatchEvent id="wait">${conditional('=stock &gt; 0')}</bpmn:intermediateCatchEvent>
        ${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ stock: 5 });

    expect(scenario.status).toBe('completed');
  });

  it('given an interrupting conditional boundary, when a job completes with variables that satisfy it, then the task path is left', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'review')}${userTask('review')}
        ${flow('f2', 'review', 'end')}<bpmn:endEvent id="end"/>
        ${boundary('cancelled', 'review', conditional('=cancelled = true'))}${flow('f3', 'cancelled', 'stopped')}<bpmn:endEvent id="stopped"/>`),
    );
    scenario.start({ cancelled: false });

    scenario.when({ type: 'set-variables', variables: { cancelled: true } });

    expect(scenario.terminated()).toEqual(['review']);
    expect(scenario.completed()).toEqual(['start', 'cancelled', 'stopped']);
  });

  it('given a non-interrupting conditional event sub-process, then it runs each time the condition becomes true', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'review')}${userTask('review')}
        ${flow('f2', 'review', 'end')}<bpmn:endEvent id="end"/>
        <bpmn:subProcess id="alert" triggeredByEvent="true">
          <bpmn:startEvent id="high" isInterrupting="false">${conditional('=amount &gt; 100')}</bpmn:startEvent>
          ${flow('a1', 'high', 'alerted')}<bpmn:endEvent id="alerted"/></bpmn:subProcess>`),
    );
    scenario.start({ amount: 10 });

    scenario.when({ type: 'set-variables', variables: { amount: 500 } });
    scenario.when({ type: 'set-variables', variables: { amount: 600 } }); // still true: no new trigger
    scenario.when({ type: 'set-variables', variables: { amount: 5 } });
    scenario.when({ type: 'set-variables', variables: { amount: 700 } });

    expect(scenario.completed().filter((id) => id === 'alerted')).toHaveLength(2);
    expect(scenario.active()).toEqual(['review']);
  });
});
