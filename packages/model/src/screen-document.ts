import { utf8ByteLength } from './utf8-bytes';
import type { Diagnostic } from './diagnostic';
import { DiagnosticCode } from './diagnostic-code';

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Checks done on the raw text before any XML parser sees it: cheap, and they keep hostile input away
 * from the parser. Returns the reason to reject the document, or undefined when it may be parsed.
 */
export function screenDocument(xml: unknown, maxBytes: number): Diagnostic | undefined {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return reject(
      DiagnosticCode.EMPTY_DOCUMENT,
      'The document is empty. Upload the .bpmn file exported from your modeler (it starts with <?xml or <bpmn:definitions>).',
    );
  }
  const tooLarge = checkSize(xml, maxBytes);
  if (tooLarge !== undefined) return tooLarge;
  return checkDoctype(xml);
}

function checkSize(xml: string, maxBytes: number): Diagnostic | undefined {
  // UTF-8 takes at least one byte per UTF-16 unit and at most three, so most documents are decided
  // by their length alone; only the narrow band in between is counted exactly.
  if (xml.length * 3 <= maxBytes) return undefined;
  const atLeast = xml.length > maxBytes;
  const bytes = atLeast ? xml.length : utf8ByteLength(xml);
  if (bytes <= maxBytes) return undefined;
  return reject(
    DiagnosticCode.DOCUMENT_TOO_LARGE,
    `The document is ${atLeast ? 'at least ' : ''}${megabytes(bytes)} MB, over the limit of ${megabytes(maxBytes)} MB. ` +
      'Remove embedded content such as large documentation or images, split independent processes into separate files, ' +
      'or raise the maxBytes limit if such large models are expected.',
  );
}

const DOCTYPE_PATTERN = /<!(DOCTYPE|ENTITY)/i;

function checkDoctype(xml: string): Diagnostic | undefined {
  const match = DOCTYPE_PATTERN.exec(xml);
  if (match === null) return undefined;
  const line = lineAt(xml, match.index);
  return reject(
    DiagnosticCode.DOCTYPE_FORBIDDEN,
    `The document contains a <!${match[1] ?? 'DOCTYPE'}> declaration (line ${line}). Operon does not accept DTDs, because ` +
      'entity declarations can read files from the server (external entities) or expand into gigabytes of text ' +
      '("billion laughs"). BPMN files never need one: remove the declaration and any &entity; references that use it.',
  );
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function reject(code: DiagnosticCode, message: string): Diagnostic {
  return { severity: 'error', code, elementId: undefined, message };
}
