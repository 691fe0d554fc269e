import { OperonApiError } from '@operon/client';

/** The server could not be reached, or answered in a way the CLI cannot use: printed without a stack, exit 1. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
}

/**
 * The lines that explain an API error: `CODE: message`, then what the details add (a model's
 * diagnostics) and, for a missing or stale login, how to sign in.
 */
export function describeApiError(error: OperonApiError): string[] {
  const lines = [`${error.code}: ${error.message}`];
  const resources = error.details.resources;
  if (Array.isArray(resources)) {
    for (const resource of resources as { resource?: string; diagnostics?: DiagnosticBody[] }[]) {
      for (const diagnostic of resource.diagnostics ?? []) {
        const element = diagnostic.elementId === undefined ? '' : ` [${diagnostic.elementId}]`;
        lines.push(
          `  ${resource.resource ?? '?'}: ${diagnostic.severity ?? 'error'}${element}: ${diagnostic.message ?? ''}`,
        );
      }
    }
  }
  if (error.code === 'UNAUTHENTICATED') {
    lines.push("  Sign in with 'operon login --user NAME --password …', or give --token (or OPERON_TOKEN).");
  }
  return lines;
}

interface DiagnosticBody {
  readonly severity?: string;
  readonly elementId?: string;
  readonly message?: string;
}

export { OperonApiError };
