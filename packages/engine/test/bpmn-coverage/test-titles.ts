// Which tests a test file declares, read from its source text: the title of every `it`/`test` (including
// `it.each(…)(…)`, `it.skipIf(…)(…)`, `it.only`) with the titles of the `describe` blocks around it.
import ts from 'typescript';

/** The titles from the outermost `describe` to the `it`, as patterns (an `it.each` title matches any value). */
export type TestTitle = readonly RegExp[];

const TESTS = new Set(['it', 'test']);
const SUITES = new Set(['describe', 'suite']);

/** `it` for `it.each([…])`, `describe` for `describe.skipIf(…)`; undefined for anything else. */
function baseName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return baseName(callee.expression);
  if (ts.isCallExpression(callee)) return baseName(callee.expression);
  return undefined;
}

function isEach(callee: ts.Expression): boolean {
  return callee.getText().includes('.each');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The title argument as a pattern: template substitutions, and the `%s`/`$name` of an `each`, match anything. */
function titlePattern(argument: ts.Expression | undefined, each: boolean): RegExp | undefined {
  let parts: string[];
  if (argument !== undefined && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) {
    parts = [argument.text];
  } else if (argument !== undefined && ts.isTemplateExpression(argument)) {
    parts = [argument.head.text, ...argument.templateSpans.map((span) => span.literal.text)];
  } else {
    return undefined;
  }
  const placeholder = each ? /%[sdifjoO#]|\$[\w.]+/g : /(?!)/g;
  const source = parts.map((part) => part.split(placeholder).map(escape).join('.+')).join('.+');
  return new RegExp(`^${source}$`);
}

/** Every test the source declares, with the titles of its describe blocks. */
export function testTitles(source: string, fileName = 'test.ts'): readonly TestTitle[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const titles: TestTitle[] = [];
  const visit = (node: ts.Node, suites: readonly RegExp[]): void => {
    if (ts.isCallExpression(node)) {
      const name = baseName(node.expression);
      const title = titlePattern(node.arguments[0], isEach(node.expression));
      if (title !== undefined && name !== undefined && TESTS.has(name)) titles.push([...suites, title]);
      if (title !== undefined && name !== undefined && SUITES.has(name)) {
        node.arguments.slice(1).forEach((argument) => visit(argument, [...suites, title]));
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, suites));
  };
  visit(file, []);
  return titles;
}

/** Whether a test is named `name`: its own title, or "describe › … › it" with the innermost describe titles. */
export function declaresTest(titles: readonly TestTitle[], name: string): boolean {
  const segments = name.split(' › ');
  return titles.some(
    (title) =>
      segments.length <= title.length &&
      segments.every((segment, i) => title[title.length - segments.length + i]?.test(segment) === true),
  );
}
