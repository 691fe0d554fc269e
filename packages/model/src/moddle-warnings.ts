import { DiagnosticCode } from './diagnostic-code';
import type { DiagnosticList } from './diagnostic-list';
import { describeLocation, readModdleProblem } from './moddle-message';
import { elementId, isModdleElement, type ModdleElement } from './moddle-element';

/** References the builder reports itself, with the code that says what to fix (MISSING_FLOW_*, DEFAULT_FLOW_INVALID). */
const REFERENCES_THE_BUILDER_CHECKS = new Set(['bpmn:sourceRef', 'bpmn:targetRef', 'bpmn:default']);

/**
 * References moddle could not resolve. moddle leaves such a property empty and says so only in a warning;
 * this keeps the id that was written, so that the builder can name it.
 */
export class UnresolvedReferences {
  readonly #byElement = new Map<ModdleElement, Map<string, string>>();

  add(element: ModdleElement, property: string, id: string): void {
    const properties = this.#byElement.get(element) ?? new Map<string, string>();
    properties.set(property, id);
    this.#byElement.set(element, properties);
  }

  /** The id written in `property` (e.g. `bpmn:sourceRef`) of `element`, when no element has it. */
  get(element: ModdleElement, property: string): string | undefined {
    return this.#byElement.get(element)?.get(property);
  }
}

/** Turns moddle's import warnings into diagnostics, and keeps the unresolved references the builder checks. */
export function readWarnings(warnings: readonly unknown[], diagnostics: DiagnosticList): UnresolvedReferences {
  const references = new UnresolvedReferences();
  for (const warning of warnings) {
    if (typeof warning !== 'object' || warning === null) continue;
    const { message, element, property, value } = warning as Record<string, unknown>;
    if (typeof message !== 'string') continue;
    if (message.startsWith('unresolved reference') && isModdleElement(element) && typeof property === 'string') {
      const id = typeof value === 'string' ? value : '';
      if (REFERENCES_THE_BUILDER_CHECKS.has(property)) references.add(element, property, id);
      else reportUnresolved(element, property, id, diagnostics);
      continue;
    }
    if (message.startsWith('unknown attribute') && isModdleElement(element) && typeof property === 'string') {
      reportUnknownAttribute(element, property, diagnostics);
      continue;
    }
    reportUnreadable(message, diagnostics);
  }
  return references;
}

function reportUnresolved(element: ModdleElement, property: string, id: string, diagnostics: DiagnosticList): void {
  const owner = elementId(element);
  const subject = owner === undefined ? `An element of type ${element.$type}` : `Element '${owner}' (${element.$type})`;
  const name = property.slice(property.indexOf(':') + 1);
  diagnostics.warning(
    DiagnosticCode.UNRESOLVED_REFERENCE,
    owner,
    `${subject} refers to '${id}' in ${name}, but the document has no element with that id. ` +
      'Correct the reference or remove it; it is ignored.',
  );
}

function reportUnknownAttribute(element: ModdleElement, attribute: string, diagnostics: DiagnosticList): void {
  const owner = elementId(element);
  const subject = owner === undefined ? `An element of type ${element.$type}` : `Element '${owner}' (${element.$type})`;
  diagnostics.warning(
    DiagnosticCode.UNKNOWN_ATTRIBUTE,
    owner,
    `${subject} has the attribute ${attribute}, which its namespace does not define there; it is ignored. ` +
      'Remove it, or check its spelling and namespace prefix.',
  );
}

function reportUnreadable(message: string, diagnostics: DiagnosticList): void {
  if (message.startsWith('unsupported document encoding')) {
    diagnostics.warning(
      DiagnosticCode.MALFORMED_XML,
      undefined,
      `The XML declares the encoding ${message.slice(message.indexOf('<') + 1, message.indexOf('>'))}; Operon reads the text ` +
        'as Unicode as it was given. Save the file as UTF-8 and declare encoding="UTF-8".',
    );
    return;
  }
  const problem = readModdleProblem(message);
  const where = describeLocation(problem);
  const duplicate = /^duplicate ID <(.*)>$/.exec(problem.problem);
  if (duplicate !== null) {
    const id = duplicate[1] ?? '';
    diagnostics.error(
      DiagnosticCode.DUPLICATE_ID,
      id,
      `The id '${id}' is used by more than one element${where}. Give every element its own id.`,
    );
    return;
  }
  // a Camunda extension newer than zeebe-bpmn-moddle knows: ignore it rather than refuse the model
  if (problem.near.startsWith('<zeebe:') && /^(unknown type|unrecognized element) </.test(problem.problem)) {
    diagnostics.warning(
      DiagnosticCode.UNSUPPORTED_EXTENSION,
      undefined,
      `The Camunda extension ${problem.near}${where.replace(/ \(near .*\)$/, '')} is unknown to Operon and is ignored. ` +
        'Remove it if the process depends on it, or check for a newer Operon.',
    );
    return;
  }
  diagnostics.error(
    DiagnosticCode.MALFORMED_XML,
    undefined,
    `The XML has content that is not valid BPMN 2.0${where}: ${problem.problem}. ` +
      'That content was left out when reading the model; fix or remove it.',
  );
}
