import type { EvalEnv } from './feel-function';
import type { FeelValue } from './feel-value';
import type { Scope } from './scope';
import type { SyntaxNode } from './syntax-tree';

/** A compiled expression: a closure over the syntax tree, evaluated many times without re-parsing. */
export type Evaluator = (scope: Scope, env: EvalEnv) => FeelValue;

/** What compilation needs besides the node: the source text (names are slices of it), and the compiler. */
export interface CompileUnit {
  readonly source: string;
  /** Set when the expression reads `?` (a unary test that is a boolean expression). */
  usesInput: boolean;
  /** Compiles a sub-expression (passed in, so that the node compilers do not import each other). */
  readonly compile: (node: SyntaxNode, unit: CompileUnit) => Evaluator;
}

export class CompileError extends Error {}

export function textOf(node: SyntaxNode, unit: CompileUnit): string {
  return unit.source.slice(node.from, node.to);
}
