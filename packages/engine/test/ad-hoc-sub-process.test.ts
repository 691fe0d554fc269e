import { describe, expect, it } from 'vitest';
import { Scenario, bpmn, flow, userTask } from './scenario';

function adHoc(attributes: string, inner: string): string {
  return bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'choose')}
    <bpmn:adHocSubProcess id="choose" ${attributes}>${inner}</bpmn:adHocSubProcess>
    ${flow('f2', 'choose', 'end')}<bpmn:endEvent id="end"/>`);
}

const CHOICES = `<bpmn:extensionElements><zeebe:adHoc activeElementsCollection="=chosen"/></bpmn:extensionElements>
  ${userTask('call')}${userTask('mail')}${userTask('visit')}${flow('g1', 'visit', 'report')}${userTask('report')}`;

describe('ad-hoc sub-process', () => {
  it('given a FEEL list of elements, then it starts those, and completes when none is active', async () => {
    const scenario = await Scenario.of(adHoc('', CHOICES));
    scenario.start({ chosen: ['mail', 'visit'] });
    expect(scenario.active()).toEqual(['choose', 'mail', 'visit']);

    scenario.completeUserTask('mail').completeUserTask('visit');
    expect(scenario.active()).toEqual(['choose', 'report']);
    scenario.completeUserTask('report');

    expect(scenario.status).toBe('completed');
  });

  it('given a completion condition, when it holds after an element completes, then the others are ended', async () => {
    const scenario = await Scenario.of(
      adHoc('', `${CHOICES}<bpmn:completionCondition>=reached = true</bpmn:completionCondition>`),
    );
    scenario.start({ chosen: ['call', 'mail'] });

    scenario.completeUserTask('call', { reached: true });

    expect(scenario.terminated()).toEqual(['mail']);
    expect(scenario.status).toBe('completed');
  });

  it('given an element that is not in the sub-process, then an incident names it', async () => {
    const scenario = await Scenario.of(adHoc('', CHOICES));
    scenario.start({ chosen: ['fax'] });

    expect(scenario.incidentAt('choose').message).toContain('["fax"]');
  });
});
