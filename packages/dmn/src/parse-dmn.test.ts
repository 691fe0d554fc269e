import { describe, expect, it } from 'vitest';
import { decision, definitions, inputData, literal, requires } from '../test/dmn-xml';
import { DmnDiagnosticCode, evaluateDecision, parseDmn } from './index';

describe('parseDmn', () => {
  it.each([
    ['an empty document', '', DmnDiagnosticCode.emptyDocument],
    ['only whitespace', '   \n', DmnDiagnosticCode.emptyDocument],
    [
      'malformed XML',
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision id="d">',
      DmnDiagnosticCode.malformedXml,
    ],
    [
      'a DOCTYPE',
      '<?xml version="1.0"?><!DOCTYPE definitions [<!ENTITY x "y">]><definitions/>',
      DmnDiagnosticCode.forbiddenDoctype,
    ],
    ['an entity declaration', '<!ENTITY lol "lol"><definitions/>', DmnDiagnosticCode.forbiddenDoctype],
    [
      'BPMN instead of DMN',
      '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"/></definitions>',
      DmnDiagnosticCode.notDmn,
    ],
    ['a plain XML document', '<?xml version="1.0"?><note><to>someone</to></note>', DmnDiagnosticCode.notDmn],
  ])('given %s, when parsed, then it is refused with a diagnostic', async (_what, xml, code) => {
    const result = await parseDmn(xml);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe(code);
  });

  it.each([
    ['DMN 1.2', 'http://www.omg.org/spec/DMN/20180521/MODEL/'],
    ['DMN 1.3', 'https://www.omg.org/spec/DMN/20191111/MODEL/'],
    ['DMN 1.4', 'https://www.omg.org/spec/DMN/20211108/MODEL/'],
    ['DMN 1.5', 'https://www.omg.org/spec/DMN/20230324/MODEL/'],
  ])('given a %s model, when parsed and evaluated, then it works', async (_version, xmlns) => {
    const result = await parseDmn(definitions(decision('d', literal('1 + 1')), { xmlns }));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(evaluateDecision(result.model, 'd', {}).value).toBe(2);
  });

  it('given an expression that does not parse, when parsed, then a diagnostic names its element, and it evaluates to null with the message', async () => {
    const xml = definitions(
      `<decision id="d" name="d"><variable name="d"/><literalExpression id="broken"><text>1 +* 2</text></literalExpression></decision>`,
    );
    const result = await parseDmn(xml);
    if (!result.ok) throw new Error('expected the model to load');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: DmnDiagnosticCode.badExpression, elementId: 'broken' }),
    ]);
    const evaluation = evaluateDecision(result.model, 'd', {});
    expect(evaluation.value).toBeNull();
    expect(evaluation.errors[0]).toMatch(/invalid FEEL expression/);
  });

  it('given a requirement on a missing element, when parsed, then a diagnostic names the requiring decision', async () => {
    const result = await parseDmn(definitions(decision('d', literal('x'), { requirements: requires('missing') })));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: DmnDiagnosticCode.missingReference, elementId: 'd' }),
    ]);
  });

  it('given an unknown typeRef, when parsed, then a diagnostic names the element', async () => {
    const result = await parseDmn(definitions(inputData('x', 'tNowhere')));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: DmnDiagnosticCode.unknownType, elementId: 'input_x' }),
    ]);
  });
});
