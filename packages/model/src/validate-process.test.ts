import { describe, expect, it } from 'vitest';
import { codesOf, executableProcess, expectDiagnostic, parse } from '../test/bpmn-document';

const condition = (feel: string): string =>
  `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${feel}</bpmn:conditionExpression>`;

/** start → gateway 'g' → the given flows (to 'a' and 'b') → end. */
function gateway(kind: 'exclusive' | 'inclusive' | 'parallel', attributes: string, flows: string): string {
  return executableProcess(`<bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="g" />
    <bpmn:${kind}Gateway id="g" ${attributes} />
    ${flows}
    <bpmn:task id="a" /><bpmn:task id="b" />
    <bpmn:endEvent id="end" />`);
}

describe('gateways', () => {
  it.each(['exclusive', 'inclusive', 'parallel'] as const)(
    'refuses a %s gateway without outgoing flow with GATEWAY_WITHOUT_OUTGOING',
    async (kind) => {
      const outcome = await parse(gateway(kind, '', ''));

      expect(outcome.ok).toBe(false);
      expectDiagnostic(outcome, 'GATEWAY_WITHOUT_OUTGOING', 'g');
    },
  );

  it.each(['exclusive', 'inclusive'] as const)(
    'refuses a flow leaving a branching %s gateway without condition with CONDITION_MISSING',
    async (kind) => {
      const outcome = await parse(
        gateway(
          kind,
          '',
          `<bpmn:sequenceFlow id="toA" sourceRef="g" targetRef="a">${condition('= x')}</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toB" sourceRef="g" targetRef="b" />`,
        ),
      );

      expect(codesOf(outcome)).toEqual(['CONDITION_MISSING']);
      expect(expectDiagnostic(outcome, 'CONDITION_MISSING', 'toB').message).toContain('default flow');
    },
  );

  it('accepts one unconditional flow when it is the default', async () => {
    const outcome = await parse(
      gateway(
        'exclusive',
        'default="toB"',
        `<bpmn:sequenceFlow id="toA" sourceRef="g" targetRef="a">${condition('= x')}</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toB" sourceRef="g" targetRef="b" />`,
      ),
    );

    expect(outcome.diagnostics).toEqual([]);
  });

  it('accepts a single unconditional flow out of an exclusive gateway (a merge)', async () => {
    expect(
      (await parse(gateway('exclusive', '', '<bpmn:sequenceFlow id="toA" sourceRef="g" targetRef="a" />'))).ok,
    ).toBe(true);
  });

  it('refuses a default flow that does not leave the gateway with DEFAULT_FLOW_INVALID', async () => {
    const outcome = await parse(
      gateway(
        'exclusive',
        'default="in"',
        `<bpmn:sequenceFlow id="toA" sourceRef="g" targetRef="a">${condition('= x')}</bpmn:sequenceFlow>`,
      ),
    );

    expect(expectDiagnostic(outcome, 'DEFAULT_FLOW_INVALID', 'g').message).toContain("names 'in' as its default flow");
  });

  it('refuses a default flow naming an unknown id with DEFAULT_FLOW_INVALID', async () => {
    const outcome = await parse(
      gateway(
        'inclusive',
        'default="nowhere"',
        `<bpmn:sequenceFlow id="toA" sourceRef="g" targetRef="a">${condition('= x')}</bpmn:sequenceFlow>`,
      ),
    );

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'DEFAULT_FLOW_INVALID', 'g').message).toContain("'nowhere'");
  });

  it("warns with DEFAULT_FLOW_HAS_CONDITION that a default flow's condition is ignored", async () => {
    const outcome = await parse(
      gateway(
        'exclusive',
        'default="toB"',
        `<bpmn:sequenceFlow id="toA" sourceRef="g" targetRef="a">${condition('= x')}</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toB" sourceRef="g" targetRef="b">${condition('= not(x)')}</bpmn:sequenceFlow>`,
      ),
    );

    expect(outcome.ok).toBe(true);
    expect(expectDiagnostic(outcome, 'DEFAULT_FLOW_HAS_CONDITION', 'toB').severity).toBe('warning');
  });
});

describe('sequence flows', () => {
  it('accepts conditional flows leaving a task (BPMN conditional sequence flows)', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:task id="t" /><bpmn:endEvent id="end" /><bpmn:endEvent id="vip" />
        <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="t" />
        <bpmn:sequenceFlow id="always" sourceRef="t" targetRef="end" />
        <bpmn:sequenceFlow id="ifVip" sourceRef="t" targetRef="vip">${condition('= vip')}</bpmn:sequenceFlow>`),
    );

    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.ok && outcome.model.processes[0]?.flows.get('ifVip')?.condition).toBe('vip');
  });

  it('warns with CONDITION_IGNORED about a condition on a flow leaving a parallel gateway', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" /><bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="fork" />
        <bpmn:sequenceFlow id="out" sourceRef="fork" targetRef="end">${condition('= x')}</bpmn:sequenceFlow>`),
    );

    expect(outcome.ok).toBe(true);
    const diagnostic = expectDiagnostic(outcome, 'CONDITION_IGNORED', 'out');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toContain('inclusive gateway');
  });

  it.each([
    ['MISSING_FLOW_SOURCE', '<bpmn:sequenceFlow id="f" targetRef="end" />', 'has no source'],
    ['MISSING_FLOW_TARGET', '<bpmn:sequenceFlow id="f" sourceRef="start" />', 'has no target'],
    [
      'MISSING_FLOW_SOURCE',
      '<bpmn:sequenceFlow id="f" sourceRef="ghost" targetRef="end" />',
      "starts at 'ghost', but the document has no element with that id",
    ],
    ['MISSING_FLOW_TARGET', '<bpmn:sequenceFlow id="f" sourceRef="start" targetRef="ghost" />', "ends at 'ghost'"],
    [
      'MISSING_FLOW_TARGET',
      '<bpmn:sequenceFlow id="f" sourceRef="start" targetRef="inner" />',
      'in another process or sub-process',
    ],
    [
      'MISSING_FLOW_TARGET',
      '<bpmn:sequenceFlow id="f" sourceRef="start" targetRef="data" />',
      'which is a data object',
    ],
  ])('refuses a flow with a missing or unusable end with %s (%#)', async (code, flow, words) => {
    // given a flow whose end is missing, unknown, in another scope or not a flow node
    const xml = executableProcess(`<bpmn:startEvent id="start" /><bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="ok" sourceRef="start" targetRef="end" />
      <bpmn:dataObject id="data" />
      <bpmn:subProcess id="sub"><bpmn:startEvent id="inner" /></bpmn:subProcess>
      ${flow}`);

    // when parsed
    const outcome = await parse(xml);

    // then the flow is named with what is wrong
    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, code, 'f').message).toContain(words);
  });
});

describe('start and end events', () => {
  it('refuses incoming flows into a start event with START_EVENT_HAS_INCOMING', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:task id="t" />
        <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="t" /><bpmn:sequenceFlow id="back" sourceRef="t" targetRef="start" />`),
    );

    expect(expectDiagnostic(outcome, 'START_EVENT_HAS_INCOMING', 'start').message).toContain('back');
  });

  it('refuses outgoing flows from an end event with END_EVENT_HAS_OUTGOING', async () => {
    const outcome = await parse(
      executableProcess(`<bpmn:startEvent id="start" /><bpmn:endEvent id="end" /><bpmn:task id="t" />
        <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="end" /><bpmn:sequenceFlow id="on" sourceRef="end" targetRef="t" />`),
    );

    expectDiagnostic(outcome, 'END_EVENT_HAS_OUTGOING', 'end');
  });
});
