import type { BpmnModel } from './process-definition';
import type { Diagnostic } from './diagnostic';

export interface ParseOptions {
  /** Largest document accepted, in bytes of UTF-8. Default 16 MiB. */
  readonly maxBytes?: number;
  /**
   * Checks the syntax of a FEEL expression (without its `=`); returns a message, or undefined when it parses.
   * Passed in so that `model` does not depend on `feel` (the caller wires `@operon/feel`'s `checkSyntax`).
   */
  readonly checkExpression?: (expression: string) => string | undefined;
}

export type ParseOutcome =
  | { readonly ok: true; readonly model: BpmnModel; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parses and validates BPMN 2.0 XML. Never throws for bad input: problems come back as diagnostics. */
export async function parseBpmn(_xml: string, _options: ParseOptions = {}): Promise<ParseOutcome> {
  throw new Error('not implemented yet');
}
