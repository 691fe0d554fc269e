import type { Diagnostic } from '@operon/model';

export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const where = diagnostic.elementId ? ` [${diagnostic.elementId}]` : '';
  return `${file}: ${diagnostic.severity} ${diagnostic.code}${where}: ${diagnostic.message}`;
}
