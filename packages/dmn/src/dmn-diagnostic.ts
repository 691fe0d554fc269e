/** A problem with a model, tied to the element it concerns (when there is one). */
export interface DmnDiagnostic {
  readonly code: DmnDiagnosticCode;
  readonly message: string;
  readonly elementId?: string;
}

export const DmnDiagnosticCode = {
  malformedXml: 'DMN_MALFORMED_XML',
  forbiddenDoctype: 'DMN_FORBIDDEN_DOCTYPE',
  emptyDocument: 'DMN_EMPTY_DOCUMENT',
  notDmn: 'DMN_NOT_DMN',
  badExpression: 'DMN_BAD_EXPRESSION',
  missingReference: 'DMN_MISSING_REFERENCE',
  unsupported: 'DMN_UNSUPPORTED',
  unknownType: 'DMN_UNKNOWN_TYPE',
  duplicateName: 'DMN_DUPLICATE_NAME',
} as const;

export type DmnDiagnosticCode = (typeof DmnDiagnosticCode)[keyof typeof DmnDiagnosticCode];

export function diagnostic(code: DmnDiagnosticCode, message: string, elementId: string | undefined): DmnDiagnostic {
  return elementId === undefined ? { code, message } : { code, message, elementId };
}
