// Builders for small inline BPMN documents used by the model tests.
import { checkSyntax } from '@operon/feel';
import { expect } from 'vitest';
import { parseBpmn, type Diagnostic, type ParseOutcome, type ProcessDefinition } from '../src/index';

export const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** `<bpmn:definitions>` around the given root elements. */
export function definitions(rootElements: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NAMESPACES} id="definitions">\n${rootElements}\n</bpmn:definitions>`;
}

/** One executable process with the given flow elements. */
export function executableProcess(flowElements: string, id = 'process'): string {
  return definitions(`<bpmn:process id="${id}" isExecutable="true">\n${flowElements}\n</bpmn:process>`);
}

/** start → (the given elements, connected by the caller) …: a none start event 'start' and a none end event 'end'. */
export function startToEnd(middle = '<bpmn:sequenceFlow id="toEnd" sourceRef="start" targetRef="end" />'): string {
  return `<bpmn:startEvent id="start" />\n${middle}\n<bpmn:endEvent id="end" />`;
}

export function parse(xml: string): Promise<ParseOutcome> {
  return parseBpmn(xml, { checkExpression: checkSyntax });
}

/** The outcome's model's first process; fails the test when the parse failed. */
export function onlyProcess(outcome: ParseOutcome): ProcessDefinition {
  if (!outcome.ok) throw new Error(`expected the model to parse, got:\n${describe(outcome.diagnostics)}`);
  const [process] = outcome.model.processes;
  if (process === undefined) throw new Error('expected a process');
  return process;
}

/** Asserts that the outcome has a diagnostic with this code for this element, and returns it. */
export function expectDiagnostic(outcome: ParseOutcome, code: string, elementId: string | undefined): Diagnostic {
  const found = outcome.diagnostics.find((d) => d.code === code && d.elementId === elementId);
  expect(found, `no ${code} for ${String(elementId)} in:\n${describe(outcome.diagnostics)}`).toBeDefined();
  return found!;
}

export function codesOf(outcome: ParseOutcome): string[] {
  return outcome.diagnostics.map((d) => d.code);
}

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.severity} ${d.code} ${String(d.elementId)}: ${d.message}`).join('\n');
}
