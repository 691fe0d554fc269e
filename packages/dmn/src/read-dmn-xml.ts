import { DmnModdle } from 'dmn-moddle';
import { diagnostic, DmnDiagnosticCode, type DmnDiagnostic } from './dmn-diagnostic';
import { DMN13_NAMESPACE, DMN_PACKAGE, OTHER_DMN_NAMESPACES } from './dmn15-schema';
import { isModdleElement, type ModdleElement } from './moddle-element';

export type DmnXmlReading =
  | { readonly ok: true; readonly definitions: ModdleElement; readonly warnings: readonly DmnDiagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly DmnDiagnostic[] };

let sharedModdle: ReturnType<typeof DmnModdle> | undefined;

function moddle(): ReturnType<typeof DmnModdle> {
  sharedModdle ??= DmnModdle({ dmn: DMN_PACKAGE });
  return sharedModdle;
}

function failure(code: DmnDiagnostic['code'], message: string): DmnXmlReading {
  return { ok: false, diagnostics: [diagnostic(code, message, undefined)] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads DMN XML (1.2 to 1.5) into dmn-moddle's element tree. Refuses DOCTYPE and entity
 * declarations outright: a model is data from users, and entity expansion is an attack surface.
 */
export async function readDmnXml(xml: string): Promise<DmnXmlReading> {
  if (xml.trim() === '') return failure(DmnDiagnosticCode.emptyDocument, 'the document is empty');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return failure(DmnDiagnosticCode.forbiddenDoctype, 'DOCTYPE and ENTITY declarations are not allowed in DMN models');
  }
  let source = xml;
  for (const namespace of OTHER_DMN_NAMESPACES) source = source.split(namespace).join(DMN13_NAMESPACE);
  let rootElement: unknown;
  let warnings: readonly unknown[];
  try {
    ({ rootElement, warnings } = await moddle().fromXML(source, 'dmn:Definitions'));
  } catch (error) {
    const message = messageOf(error);
    const code = /unparsable content|unclosed|unexpected end|mismatch/i.test(message)
      ? DmnDiagnosticCode.malformedXml
      : DmnDiagnosticCode.notDmn;
    return failure(code, `the document is not a readable DMN model: ${message.split('\n')[0] ?? message}`);
  }
  if (!isModdleElement(rootElement) || rootElement.$type !== 'dmn:Definitions') {
    return failure(DmnDiagnosticCode.notDmn, 'the document is not a DMN model (no dmn:definitions root)');
  }
  const malformed = warnings
    .map(messageOf)
    .find((message) => /unparsable content|unclosed|missing|mismatch/i.test(message));
  if (malformed !== undefined)
    return failure(DmnDiagnosticCode.malformedXml, `the XML is malformed: ${malformed.split('\n')[0] ?? malformed}`);
  return {
    ok: true,
    definitions: rootElement,
    warnings: warnings.map((warning) =>
      diagnostic(DmnDiagnosticCode.unsupported, messageOf(warning).split('\n')[0] ?? '', undefined),
    ),
  };
}
