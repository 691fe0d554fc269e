import { describe, expect, it } from 'vitest';
import { decision, decisionTable, definitions, inputData, requires, type TableSpec } from '../test/dmn-xml';
import { evaluateDecision, parseDmn } from './index';

async function tableModel(spec: TableSpec) {
  const xml = definitions(inputData('x') + decision('d', decisionTable(spec), { requirements: requires('x') }));
  const parsed = await parseDmn(xml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  expect(parsed.diagnostics).toEqual([]);
  return parsed.model;
}

/** Three overlapping rules on x: < 10 → "low", < 20 → "medium", any → "any". */
function overlapping(
  hitPolicy: string,
  aggregation?: string,
  outputs: TableSpec['outputs'] = [{ name: 'out' }],
): TableSpec {
  return {
    hitPolicy,
    ...(aggregation === undefined ? {} : { aggregation }),
    inputs: ['x'],
    outputs,
    rules: [
      ['< 10', '"low"'],
      ['< 20', '"medium"'],
      ['-', '"any"'],
    ],
  };
}

describe('hit policies', () => {
  it('given UNIQUE and one matching rule, when evaluated, then its output is the result and the rule is recorded', async () => {
    const model = await tableModel({
      inputs: ['x'],
      outputs: [{ name: 'out' }],
      rules: [
        ['< 10', '"low"'],
        ['>= 10', '"high"'],
      ],
    });
    const result = evaluateDecision(model, 'd', { x: 12 });
    expect(result.value).toBe('high');
    expect(result.decisions[0]?.matchedRules).toEqual([{ ruleId: 'rule2', index: 2, tableId: 'table' }]);
  });

  it('given UNIQUE and two matching rules, when evaluated, then the result is null with an error', async () => {
    const result = evaluateDecision(await tableModel(overlapping('UNIQUE')), 'd', { x: 5 });
    expect(result.value).toBeNull();
    expect(result.errors.join()).toMatch(/UNIQUE: 3 rules matched/);
  });

  it('given ANY, when the matches agree, then that output; when they differ, then null with an error', async () => {
    const agreeing = await tableModel({
      hitPolicy: 'ANY',
      inputs: ['x'],
      outputs: [{ name: 'o' }],
      rules: [
        ['< 10', '"yes"'],
        ['< 20', '"yes"'],
      ],
    });
    expect(evaluateDecision(agreeing, 'd', { x: 5 }).value).toBe('yes');
    const differing = evaluateDecision(await tableModel(overlapping('ANY')), 'd', { x: 5 });
    expect(differing.value).toBeNull();
    expect(differing.errors.join()).toMatch(/ANY/);
  });

  it('given FIRST, when several rules match, then the first in rule order wins', async () => {
    expect(evaluateDecision(await tableModel(overlapping('FIRST')), 'd', { x: 15 }).value).toBe('medium');
  });

  it('given PRIORITY, when several rules match, then the output value listed first in the output values wins', async () => {
    const model = await tableModel(
      overlapping('PRIORITY', undefined, [{ name: 'out', values: '"any","medium","low"' }]),
    );
    expect(evaluateDecision(model, 'd', { x: 5 }).value).toBe('any');
  });

  it('given OUTPUT ORDER, when several rules match, then all outputs in output-value priority', async () => {
    const model = await tableModel(
      overlapping('OUTPUT ORDER', undefined, [{ name: 'out', values: '"any","medium","low"' }]),
    );
    expect(evaluateDecision(model, 'd', { x: 5 }).value).toEqual(['any', 'medium', 'low']);
  });

  it('given RULE ORDER, when several rules match, then all outputs in rule order', async () => {
    expect(evaluateDecision(await tableModel(overlapping('RULE ORDER')), 'd', { x: 5 }).value).toEqual([
      'low',
      'medium',
      'any',
    ]);
  });

  it('given COLLECT, when several rules match, then all outputs, every matched rule recorded', async () => {
    const result = evaluateDecision(await tableModel(overlapping('COLLECT')), 'd', { x: 15 });
    expect(result.value).toEqual(['medium', 'any']);
    expect(result.decisions[0]?.matchedRules.map((rule) => rule.index)).toEqual([2, 3]);
  });

  it.each([
    ['SUM', 6],
    ['MIN', 1],
    ['MAX', 3],
    ['COUNT', 3],
  ])('given COLLECT %s over outputs 1, 2, 3, when all match, then %d', async (aggregation, expected) => {
    const model = await tableModel({
      hitPolicy: 'COLLECT',
      aggregation,
      inputs: ['x'],
      outputs: [{ name: 'n' }],
      rules: [
        ['-', '1'],
        ['-', '2'],
        ['-', '3'],
      ],
    });
    expect(evaluateDecision(model, 'd', { x: 0 }).value).toBe(expected);
  });

  it('given COLLECT COUNT, when nothing matches, then 0; given COLLECT without aggregation, then an empty list', async () => {
    const spec = { hitPolicy: 'COLLECT', inputs: ['x'], outputs: [{ name: 'n' }], rules: [['> 100', '1']] };
    expect(evaluateDecision(await tableModel({ ...spec, aggregation: 'COUNT' }), 'd', { x: 0 }).value).toBe(0);
    expect(evaluateDecision(await tableModel(spec), 'd', { x: 0 }).value).toEqual([]);
  });

  it('given a default output entry, when no rule matches, then the default', async () => {
    const model = await tableModel({
      inputs: ['x'],
      outputs: [{ name: 'o', default: '"none"' }],
      rules: [['> 100', '"big"']],
    });
    expect(evaluateDecision(model, 'd', { x: 1 }).value).toBe('none');
  });

  it('given two outputs, when a rule matches, then the result is a context of the outputs', async () => {
    const model = await tableModel({
      inputs: ['x'],
      outputs: [{ name: 'a' }, { name: 'b' }],
      rules: [['-', '1', '"two"']],
    });
    expect(evaluateDecision(model, 'd', { x: 1 }).value).toEqual({ a: 1, b: 'two' });
  });

  it('given output values, when a rule gives a value outside them, then null with an error', async () => {
    const model = await tableModel({
      inputs: ['x'],
      outputs: [{ name: 'o', values: '"a","b"' }],
      rules: [['-', '"c"']],
    });
    const result = evaluateDecision(model, 'd', { x: 1 });
    expect(result.value).toBeNull();
    expect(result.errors.join()).toMatch(/does not allow/);
  });
});
