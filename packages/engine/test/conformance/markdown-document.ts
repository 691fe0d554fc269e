// Building blocks of the generated markdown documents (docs/conformance.md, docs/bpmn-coverage.md): tables from
// rows of cells, and the formatting `prettier --check .` expects, so that a regenerated file passes the lint.
import { format, resolveConfig } from 'prettier';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** A markdown table; prettier aligns its columns when the document is formatted. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The markdown as prettier writes it at `filePath`, with the repository's prettier options. */
export async function formatMarkdown(markdown: string, filePath: string): Promise<string> {
  const options = (await resolveConfig(filePath)) ?? {};
  return format(markdown, { ...options, parser: 'markdown' });
}
