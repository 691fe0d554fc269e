import { describe, expect, it } from 'vitest';
import {
  decision,
  definitions,
  inputData,
  literal,
  requires,
  requiresDecision,
  requiresKnowledge,
} from '../test/dmn-xml';
import { evaluateDecision, evaluateDecisionService, parseDmn, parseDmnDocuments } from './index';

async function model(body: string) {
  const parsed = await parseDmn(definitions(body));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  expect(parsed.diagnostics).toEqual([]);
  return parsed.model;
}

const context = (entries: string): string => `<context>${entries}</context>`;
const entry = (name: string | undefined, value: string): string =>
  `<contextEntry>${name === undefined ? '' : `<variable name="${name}"/>`}${value}</contextEntry>`;

describe('boxed expressions', () => {
  it('given a literal expression over an input, when evaluated, then FEEL decimals are exact', async () => {
    const m = await model(inputData('x') + decision('d', literal('x + 0.2'), { requirements: requires('x') }));
    expect(evaluateDecision(m, 'd', { x: 0.1 }).value).toBe(0.3);
  });

  it('given a context with a result entry, when evaluated, then entries see the ones before and the result is returned', async () => {
    const m = await model(
      decision(
        'd',
        context(entry('a', literal('2')) + entry('b', literal('a * 3')) + entry(undefined, literal('a + b'))),
      ),
    );
    expect(evaluateDecision(m, 'd', {}).value).toBe(8);
  });

  it('given a context without a result entry, when evaluated, then a context value', async () => {
    const m = await model(decision('d', context(entry('a', literal('1')) + entry('b', literal('"x"')))));
    expect(evaluateDecision(m, 'd', {}).value).toEqual({ a: 1, b: 'x' });
  });

  it('given a BKM and an invocation with bindings, when evaluated, then the BKM is called with named arguments', async () => {
    const bkm = `<businessKnowledgeModel id="fee" name="fee"><variable name="fee"/><encapsulatedLogic>
      <formalParameter name="amount" typeRef="number"/><formalParameter name="rate" typeRef="number"/>${literal('amount * rate')}
    </encapsulatedLogic></businessKnowledgeModel>`;
    const invocation = `<invocation><literalExpression><text>fee</text></literalExpression>
      <binding><parameter name="rate"/>${literal('0.1')}</binding><binding><parameter name="amount"/>${literal('250')}</binding></invocation>`;
    const m = await model(bkm + decision('d', invocation, { requirements: requiresKnowledge('fee') }));
    expect(evaluateDecision(m, 'd', {}).value).toBe(25);
  });

  it('given a function definition in a context, when called, then it returns its body', async () => {
    const fn = `<functionDefinition><formalParameter name="n" typeRef="number"/>${literal('n * n')}</functionDefinition>`;
    const m = await model(decision('d', context(entry('square', fn) + entry(undefined, literal('square(7)')))));
    expect(evaluateDecision(m, 'd', {}).value).toBe(49);
  });

  it('given a relation, when evaluated, then a list of contexts by column', async () => {
    const relation = `<relation><column name="name"/><column name="age"/>
      <row>${literal('"Ann"')}${literal('31')}</row><row>${literal('"Bob"')}${literal('42')}</row></relation>`;
    const m = await model(decision('d', relation));
    expect(evaluateDecision(m, 'd', {}).value).toEqual([
      { name: 'Ann', age: 31 },
      { name: 'Bob', age: 42 },
    ]);
  });

  it('given a boxed list, when evaluated, then a list', async () => {
    const m = await model(decision('d', `<list>${literal('1')}${literal('"two"')}</list>`));
    expect(evaluateDecision(m, 'd', {}).value).toEqual([1, 'two']);
  });

  it('given DMN 1.5 boxed conditional, filter, for, some and every, when evaluated, then each works', async () => {
    const child = (name: string, text: string): string => `<${name}>${literal(text)}</${name}>`;
    const m = await model(
      decision(
        'cond',
        `<conditional>${child('if', '1 > 2')}${child('then', '"yes"')}${child('else', '"no"')}</conditional>`,
      ) +
        decision('filter', `<filter>${child('in', '[1,2,3,4]')}${child('match', 'item > 2')}</filter>`) +
        decision('for', `<for iteratorVariable="n">${child('in', '[1,2,3]')}${child('return', 'n * 10')}</for>`) +
        decision('some', `<some iteratorVariable="n">${child('in', '[1,2,3]')}${child('satisfies', 'n > 2')}</some>`) +
        decision(
          'every',
          `<every iteratorVariable="n">${child('in', '[1,2,3]')}${child('satisfies', 'n > 2')}</every>`,
        ),
    );
    expect(evaluateDecision(m, 'cond', {}).value).toBe('no');
    expect(evaluateDecision(m, 'filter', {}).value).toEqual([3, 4]);
    expect(evaluateDecision(m, 'for', {}).value).toEqual([10, 20, 30]);
    expect(evaluateDecision(m, 'some', {}).value).toBe(true);
    expect(evaluateDecision(m, 'every', {}).value).toBe(false);
  });

  it('given a decision service, when invoked directly and as a function, then its output decision is computed from the given inputs', async () => {
    const service = `<decisionService id="double" name="double"><variable name="double"/>
      <outputDecision href="#twice"/><inputData href="#input_x"/></decisionService>`;
    const m = await model(
      inputData('x') +
        decision('twice', literal('x * 2'), { requirements: requires('x') }) +
        service +
        decision('caller', literal('double(21)'), { requirements: requiresKnowledge('double') }),
    );
    expect(evaluateDecisionService(m, 'double', { x: 4 }).value).toBe(8);
    expect(evaluateDecision(m, 'caller', {}).value).toBe(42);
  });

  it('given a decision requiring another, when evaluated, then the requirement is evaluated first and both are audited', async () => {
    const m = await model(
      inputData('x') +
        decision('base', literal('x + 1'), { requirements: requires('x') }) +
        decision('top', literal('base * 10'), { requirements: requiresDecision('base') }),
    );
    const result = evaluateDecision(m, 'top', { x: 1 });
    expect(result.value).toBe(20);
    expect(result.decisions.map((audit) => [audit.decisionId, audit.output])).toEqual([
      ['base', 2],
      ['top', 20],
    ]);
    expect(result.decisions[1]?.inputs).toEqual({ base: 2 });
  });

  it('given a model importing another, when a decision uses an imported BKM, then it is reached through the import name', async () => {
    const imported = definitions(
      `<businessKnowledgeModel id="greet" name="greet"><variable name="greet"/><encapsulatedLogic><formalParameter name="who"/>${literal('"Hello, " + who')}</encapsulatedLogic></businessKnowledgeModel>`,
      { namespace: 'https://operon.dev/lib', name: 'lib' },
    );
    const main = definitions(
      decision('d', literal('lib.greet("Ann")'), {
        requirements:
          '<knowledgeRequirement><requiredKnowledge href="https://operon.dev/lib#greet"/></knowledgeRequirement>',
      }),
      {
        imports:
          '<import name="lib" namespace="https://operon.dev/lib" importType="https://www.omg.org/spec/DMN/20191111/MODEL/"/>',
      },
    );
    const { models, diagnostics } = await parseDmnDocuments([main, imported]);
    expect(diagnostics).toEqual([]);
    const root = models.find((candidate) => candidate.namespace === 'https://operon.dev/test')!;
    expect(evaluateDecision(root, 'd', {}).value).toBe('Hello, Ann');
  });
});
