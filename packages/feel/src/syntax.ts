import { parseExpression } from 'feelin';

const cache = new Map<string, string | undefined>();
const CACHE_LIMIT = 5_000;

/**
 * Checks that an expression parses, without evaluating it.
 * Returns undefined when it parses, or a message naming the position of the first error.
 */
export function checkSyntax(expression: string): string | undefined {
  if (cache.has(expression)) return cache.get(expression);
  const problem = findSyntaxError(expression);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(expression, problem);
  return problem;
}

function findSyntaxError(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  let problem: string | undefined;
  try {
    const tree = parseExpression(expression, {}, undefined);
    tree.iterate({
      enter(node) {
        if (problem !== undefined) return false;
        if (node.type.isError) {
          const near = expression.slice(node.from, node.from + 12);
          problem = `unexpected input at position ${node.from + 1}${near ? ` ("${near}")` : ' (end of expression)'}`;
          return false;
        }
        return undefined;
      },
    });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return problem;
}
