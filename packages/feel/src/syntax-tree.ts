import { parseExpression, parseUnaryTests } from 'feelin';

/** feelin's parser (lezer-feel): we evaluate its syntax tree ourselves (see README). */
export type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

const IGNORED = new Set(['LineComment', 'BlockComment']);

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (!IGNORED.has(child.name)) children.push(child);
  }
  return children;
}

export function firstError(node: SyntaxNode, source: string): string | undefined {
  let problem: string | undefined;
  node.toTree().iterate({
    enter(ref) {
      if (problem !== undefined) return false;
      if (ref.type.isError) {
        const near = source.slice(ref.from, ref.from + 12);
        problem = `unexpected input at position ${ref.from + 1}${near ? ` ("${near}")` : ' (end of expression)'}`;
        return false;
      }
      return undefined;
    },
  });
  return problem;
}

export function parseTree(source: string, mode: 'expression' | 'unary-tests', names: readonly string[]): SyntaxNode {
  const context: Record<string, unknown> = {};
  for (const name of names) context[name] = true;
  const tree =
    mode === 'expression' ? parseExpression(source, context, undefined) : parseUnaryTests(source, context, undefined);
  return tree.topNode;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\' };

export function unescapeString(literal: string): string {
  return literal.slice(1, -1).replace(/\\(U[0-9a-fA-F]{6}|u[0-9a-fA-F]{4}|.)/g, (whole, escape: string) => {
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return ESCAPES[escape] ?? whole;
  });
}

export function normalizeName(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
