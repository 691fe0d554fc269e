import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDmn, type DmnModel } from '@operon/dmn';
import { describe, expect, it } from 'vitest';
import { process as processCommand } from '../src/index';
import { Scenario, bpmn, flow } from './scenario';

const dmnXml = readFileSync(resolve(import.meta.dirname, '../../../examples/loan-risk.dmn'), 'utf8');

async function loanRisk(): Promise<DmnModel> {
  const parsed = await parseDmn(dmnXml);
  if (!parsed.ok) throw new Error('the example decision does not parse');
  return parsed.model;
}

const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'assess')}
  <bpmn:businessRuleTask id="assess"><bpmn:extensionElements><zeebe:calledDecision decisionId="loan-risk" resultVariable="risk"/></bpmn:extensionElements></bpmn:businessRuleTask>
  ${flow('f2', 'assess', 'end')}<bpmn:endEvent id="end"/>`);

describe('business rule task', () => {
  it('given a deployed decision, evaluates it, records why, and stores the result', async () => {
    const decision = await loanRisk();
    const scenario = await Scenario.of(model);
    const events = processCommand(
      undefined,
      { type: 'create-instance', instanceKey: 'i', variables: { creditScore: 450, income: 50_000, amount: 10_000 } },
      { now: 0, definition: scenario.definition, decisions: (id) => (id === 'loan-risk' ? decision : undefined) },
    );

    expect(events.state?.status).toBe('completed');
    expect(events.state?.variables[events.state.rootKey]).toMatchObject({ risk: 'high' });
    const evaluated = events.events.find((event) => event.type === 'decision-evaluated');
    expect(evaluated).toMatchObject({
      elementId: 'assess',
      decisionId: 'loan-risk',
      decisions: [
        { decisionId: 'loan-risk', output: 'high', matchedRules: [{ ruleId: 'rule-poor-credit', index: 1 }] },
      ],
    });
  });

  it('raises an incident naming the decision when it is not deployed', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ creditScore: 700 });

    expect(scenario.incidentAt('assess')).toMatchObject({ type: 'DECISION_EVALUATION_ERROR' });
    expect(scenario.incidentAt('assess').message).toContain("No deployed decision has the id 'loan-risk'");
  });

  it('refuses a business rule task with neither a called decision nor a job type', async () => {
    await expect(
      Scenario.of(
        bpmn(
          `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'assess')}<bpmn:businessRuleTask id="assess"/>${flow('f2', 'assess', 'end')}<bpmn:endEvent id="end"/>`,
        ),
      ),
    ).rejects.toThrow(/MISSING_TASK_TYPE[\s\S]*zeebe:calledDecision/);
  });
});
