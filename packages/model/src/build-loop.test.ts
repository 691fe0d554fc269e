import { describe, expect, it } from 'vitest';
import { executableProcess, expectDiagnostic, onlyProcess, parse, startToEnd } from '../test/bpmn-document';

function around(element: string, id: string): string {
  return executableProcess(
    startToEnd(`${element}
      <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="${id}" />
      <bpmn:sequenceFlow id="out" sourceRef="${id}" targetRef="end" />`),
  );
}

describe('loop characteristics and call activities', () => {
  it('reads zeebe:loopCharacteristics and the completion condition of a multi-instance task', async () => {
    const outcome = await parse(
      around(
        `<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics isSequential="true">
           <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="= items" inputElement="item"
             outputCollection="results" outputElement="=result" /></bpmn:extensionElements>
           <bpmn:completionCondition>=done</bpmn:completionCondition>
         </bpmn:multiInstanceLoopCharacteristics></bpmn:task>`,
        't',
      ),
    );

    expect(onlyProcess(outcome).nodes.get('t')?.loop).toEqual({
      kind: 'multiInstance',
      sequential: true,
      inputCollection: 'items',
      inputElement: 'item',
      cardinality: undefined,
      outputCollection: 'results',
      outputElement: 'result',
      completionCondition: 'done',
    });
  });

  it('refuses a multi-instance task without input collection with LOOP_INVALID', async () => {
    const outcome = await parse(around('<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics /></bpmn:task>', 't'));

    expect(expectDiagnostic(outcome, 'LOOP_INVALID', 't').message).toContain('input collection');
  });

  it('reads a standard loop with its condition and maximum', async () => {
    const outcome = await parse(
      around(
        `<bpmn:task id="t"><bpmn:standardLoopCharacteristics loopMaximum="3" testBefore="true">
           <bpmn:loopCondition>=again</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:task>`,
        't',
      ),
    );

    expect(onlyProcess(outcome).nodes.get('t')?.loop).toEqual({
      kind: 'standardLoop',
      loopCondition: 'again',
      loopMaximum: 3,
      testBefore: true,
    });
  });

  it('reads zeebe:calledElement of a call activity, with both propagations on by default', async () => {
    const outcome = await parse(
      around(
        '<bpmn:callActivity id="c"><bpmn:extensionElements><zeebe:calledElement processId="=child" propagateAllChildVariables="false" /></bpmn:extensionElements></bpmn:callActivity>',
        'c',
      ),
    );

    expect(onlyProcess(outcome).nodes.get('c')).toMatchObject({
      kind: 'callActivity',
      calledProcessId: { kind: 'feel', expression: 'child' },
      propagateAllParentVariables: true,
      propagateAllChildVariables: false,
    });
  });

  it('refuses a call activity without a process id with CALLED_ELEMENT_MISSING', async () => {
    const outcome = await parse(around('<bpmn:callActivity id="c" />', 'c'));

    expect(expectDiagnostic(outcome, 'CALLED_ELEMENT_MISSING', 'c').message).toContain('zeebe:calledElement');
  });
});
