import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { Diagnostic } from './diagnostic';
import { DiagnosticCode } from './diagnostic-code';
import { describeLocation, messageOf, readModdleProblem } from './moddle-message';
import { isModdleElement, type ModdleElement } from './moddle-element';

export type XmlReading =
  | { readonly ok: true; readonly definitions: ModdleElement; readonly warnings: readonly unknown[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

// One metamodel for every parse: building it is the costly part, and it holds no per-document state.
let sharedModdle: BpmnModdle | undefined;

function moddle(): BpmnModdle {
  sharedModdle ??= new BpmnModdle({ zeebe: zeebeSchema });
  return sharedModdle;
}

/** Reads BPMN XML into moddle's element tree, with the Camunda 8 (`zeebe:`) extensions. */
export async function readXml(xml: string): Promise<XmlReading> {
  let rootElement: unknown;
  let warnings: readonly unknown[];
  try {
    ({ rootElement, warnings } = await moddle().fromXML(xml));
  } catch (error) {
    return { ok: false, diagnostic: describeFailure(error, xml) };
  }
  if (!isModdleElement(rootElement) || rootElement.$type !== 'bpmn:Definitions') {
    return { ok: false, diagnostic: notBpmn('an unknown element', xml) };
  }
  return { ok: true, definitions: rootElement, warnings };
}

function describeFailure(error: unknown, xml: string): Diagnostic {
  const message = messageOf(error);
  if (message.startsWith('failed to parse document as')) {
    return notBpmn(rootNameFrom(error) ?? 'an unknown element', xml);
  }
  const problem = readModdleProblem(message);
  return failure(
    DiagnosticCode.MALFORMED_XML,
    `The XML is not well-formed${describeLocation(problem)}: ${problem.problem}. ` +
      'Fix the XML there, or export the model again from your modeler.',
  );
}

/** moddle names the rejected root element in its first warning: "unexpected element <html>". */
function rootNameFrom(error: unknown): string | undefined {
  const warnings: unknown = (error as { warnings?: unknown }).warnings;
  if (!Array.isArray(warnings)) return undefined;
  for (const warning of warnings) {
    const message: unknown = (warning as { message?: unknown } | null | undefined)?.message;
    if (typeof message !== 'string') continue;
    const match = /unexpected element (<[^>\s]{1,80}>)/.exec(message);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

function notBpmn(rootName: string, xml: string): Diagnostic {
  const namespace = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  if (/omg\.org\/spec\/DMN\//.test(xml.slice(0, 4096))) {
    return failure(
      DiagnosticCode.NOT_BPMN,
      `The document is not BPMN: its root element is ${rootName} and it looks like a DMN decision model. ` +
        'Deploy it as a .dmn file, or upload the .bpmn file of the process.',
    );
  }
  if (/^<([\w.-]+:)?definitions>$/.test(rootName)) {
    return failure(
      DiagnosticCode.NOT_BPMN,
      `The root element ${rootName} is not in the BPMN 2.0 namespace (drafts of BPMN 2.0 used other ones). ` +
        `Declare its prefix as ${namespace}, e.g. xmlns:bpmn="${namespace}", or export the model again from your modeler.`,
    );
  }
  return failure(
    DiagnosticCode.NOT_BPMN,
    `The document is not BPMN: its root element is ${rootName}, but a BPMN file's root must be <bpmn:definitions> ` +
      `in the namespace ${namespace}. Upload the .bpmn file exported from your modeler.`,
  );
}

function failure(code: DiagnosticCode, message: string): Diagnostic {
  return { severity: 'error', code, elementId: undefined, message };
}
