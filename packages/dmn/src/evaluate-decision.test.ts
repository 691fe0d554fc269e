import { describe, expect, it } from 'vitest';
import { decision, decisionTable, definitions, inputData, literal, requires } from '../test/dmn-xml';
import { evaluateDecision, parseDmn } from './index';

async function model(body: string, types = '') {
  const parsed = await parseDmn(definitions(types + body));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.model;
}

describe('evaluateDecision', () => {
  it('given a table decision, when evaluated, then the audit record has the inputs, the matched rule and the output', async () => {
    const table = decisionTable({
      inputs: ['age', 'country'],
      outputs: [{ name: 'approved' }],
      rules: [
        ['>= 18', '"NL","BE"', 'true'],
        ['< 18', '-', 'false'],
      ],
    });
    const m = await model(
      inputData('age') +
        inputData('country', 'string') +
        decision('approval', table, { requirements: requires('age', 'country') }),
    );
    const result = evaluateDecision(m, 'approval', { age: 30, country: 'NL' });
    expect(result).toEqual({
      value: true,
      feelValue: true,
      errors: [],
      decisions: [
        {
          decisionId: 'approval',
          decisionName: 'approval',
          namespace: 'https://operon.dev/test',
          inputs: { age: 30, country: 'NL' },
          matchedRules: [{ ruleId: 'rule1', index: 1, tableId: 'table' }],
          output: true,
          errors: [],
        },
      ],
    });
  });

  it('given an input of the wrong type, when evaluated, then the input is null and the error says why, without throwing', async () => {
    const m = await model(inputData('age') + decision('d', literal('age + 1'), { requirements: requires('age') }));
    const result = evaluateDecision(m, 'd', { age: 'forty' });
    expect(result.value).toBeNull();
    expect(result.errors.join()).toMatch(/input 'age'.*does not conform/);
  });

  it('given allowed values on an item definition, when an input is outside them, then it is null with an error', async () => {
    const types =
      '<itemDefinition name="tLevel"><typeRef>string</typeRef><allowedValues><text>"low","high"</text></allowedValues></itemDefinition>';
    const m = await model(
      inputData('level', 'tLevel') + decision('d', literal('level'), { requirements: requires('level') }),
      types,
    );
    expect(evaluateDecision(m, 'd', { level: 'high' }).value).toBe('high');
    expect(evaluateDecision(m, 'd', { level: 'medium' }).value).toBeNull();
  });

  it('given a failing expression (division by zero, an unknown function), when evaluated, then null and a message', async () => {
    const m = await model(decision('zero', literal('1 / 0')) + decision('unknown', literal('nope(1)')));
    expect(evaluateDecision(m, 'zero', {})).toMatchObject({ value: null });
    const unknown = evaluateDecision(m, 'unknown', {});
    expect(unknown.value).toBeNull();
    expect(unknown.errors.join()).toMatch(/no function named 'nope'/);
  });

  it('given a decision that does not exist, when evaluated, then null and a message', async () => {
    const m = await model(decision('d', literal('1')));
    expect(evaluateDecision(m, 'missing', {})).toMatchObject({
      value: null,
      errors: [expect.stringMatching(/no decision 'missing'/)],
    });
  });

  it('given the clock, when now() and today() are evaluated, then they read it', async () => {
    const m = await model(decision('now', literal('string(now())')) + decision('today', literal('today()')));
    const now = Date.UTC(2026, 10, 24, 9, 30);
    expect(evaluateDecision(m, 'now', {}, { now }).value).toBe('2026-11-24T09:30:00Z');
    expect(evaluateDecision(m, 'today', {}, { now }).value).toBe('2026-11-24');
  });

  it('given a decision found by name, when evaluated, then JSON values come back as JSON data', async () => {
    const m = await model(decision('d', literal('{due: date("2026-01-31") + duration("P1M"), items: [1.5, 2]}')));
    expect(evaluateDecision(m, 'd', {}).value).toEqual({ due: '2026-02-28', items: [1.5, 2] });
  });
});

describe('evaluateDecision with JSON inputs', () => {
  it('given ISO strings for date and duration inputs, when evaluated, then they are read as a date and a duration', async () => {
    const m = await model(
      inputData('start', 'date') +
        inputData('term', 'days and time duration') +
        decision('end', literal('start + term'), { requirements: requires('start', 'term') }),
    );
    expect(evaluateDecision(m, 'end', { start: '2026-01-30', term: 'P3D' }).value).toBe('2026-02-02');
  });

  it('given a BKM that calls itself without end, when evaluated, then null and an error, not a crash', async () => {
    const bkm = `<businessKnowledgeModel id="loop" name="loop"><variable name="loop"/>
      <knowledgeRequirement><requiredKnowledge href="#loop"/></knowledgeRequirement>
      <encapsulatedLogic><formalParameter name="n"/>${literal('loop(n + 1)')}</encapsulatedLogic></businessKnowledgeModel>`;
    const m = await model(
      bkm +
        decision('d', literal('loop(1)'), {
          requirements: '<knowledgeRequirement><requiredKnowledge href="#loop"/></knowledgeRequirement>',
        }),
    );
    const result = evaluateDecision(m, 'd', {});
    expect(result.value).toBeNull();
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
