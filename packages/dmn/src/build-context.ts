import { compileExpression, compileUnaryTests, type CompiledExpression, type CompiledUnaryTests } from '@operon/feel';
import { diagnostic, DmnDiagnosticCode, type DmnDiagnostic } from './dmn-diagnostic';
import type { ItemType } from './item-type';

/** What building a model's expressions needs: names in scope, the types, a diagnostics sink. */
export interface BuildContext {
  /** Every name the model declares, so that multi-word names parse. */
  readonly names: readonly string[];
  readonly diagnostics: DmnDiagnostic[];
  /** Resolves a typeRef; records a diagnostic and answers undefined when it is unknown. */
  readonly resolveType: (typeRef: string | undefined, elementId: string | undefined) => ItemType | undefined;
}

/** Compiles FEEL text once; a syntax error becomes a diagnostic with the element id, and the expression evaluates to null. */
export function feelExpression(
  context: BuildContext,
  source: string,
  elementId: string | undefined,
): CompiledExpression {
  const compiled = compileExpression(source, context.names);
  if (compiled.ok) return compiled.value;
  const message = `invalid FEEL expression "${source}": ${compiled.error.message}`;
  context.diagnostics.push(diagnostic(DmnDiagnosticCode.badExpression, message, elementId));
  return {
    source,
    evaluate: (_scope, env) => {
      env.errors.push(message);
      return null;
    },
  };
}

export function feelUnaryTests(
  context: BuildContext,
  source: string,
  elementId: string | undefined,
): CompiledUnaryTests {
  const compiled = compileUnaryTests(source, context.names);
  if (compiled.ok) return compiled.value;
  const message = `invalid FEEL unary tests "${source}": ${compiled.error.message}`;
  context.diagnostics.push(diagnostic(DmnDiagnosticCode.badExpression, message, elementId));
  return {
    source,
    test: (_input, _scope, env) => {
      env.errors.push(message);
      return null;
    },
  };
}
