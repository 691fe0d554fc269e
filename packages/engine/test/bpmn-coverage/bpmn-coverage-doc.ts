// Renders docs/bpmn-coverage.md from coverage-entries.ts, so that the document is the data: a test compares it
// with the file, write-bpmn-coverage.ts rewrites it.
import path from 'node:path';
import { repoRoot } from '../conformance/corpus';
import { formatMarkdown, table } from '../conformance/markdown-document';
import { BPMN_COVERAGE } from './coverage-entries';
import type { CoverageEntry, CoverageSection } from './coverage-entry';

export const bpmnCoverageDocPath = path.join(repoRoot, 'docs/bpmn-coverage.md');
export const REGENERATE = 'node --import tsx packages/engine/test/bpmn-coverage/write-bpmn-coverage.ts';
const SOURCE = 'packages/engine/test/bpmn-coverage/coverage-entries.ts';

function provedBy(entry: CoverageEntry): string {
  if (entry.operon === 'not yet') return `not yet: ${entry.reason}`;
  return entry.provedBy.map(({ file, name }) => `\`${path.basename(file)}\` › ${name}`).join('<br>');
}

function sectionTable({ title, entries }: CoverageSection): string {
  const rows = entries.map((entry) => [entry.element, entry.operon, entry.camunda8, provedBy(entry)]);
  return `## ${title}\n\n${table(['element', 'Operon', 'Camunda 8', 'proved by'], rows)}`;
}

export async function renderBpmnCoverageDoc(sections: readonly CoverageSection[] = BPMN_COVERAGE): Promise<string> {
  const entries = sections.flatMap((section) => section.entries);
  const operonRuns = entries.filter((entry) => entry.operon === 'runs').length;
  const camundaRuns = entries.filter((entry) => entry.camunda8 !== 'no').length;
  const markdown = `# BPMN coverage

<!-- Generated: do not edit. Rewrite with \`${REGENERATE}\`; a test fails when this file is stale, when an element marked as run is refused by the model (or one marked as not run is accepted), or when a named test does not exist. -->

Every BPMN 2.0.2 flow element and event definition, whether Operon runs it, the tests that prove it, and
Camunda 8's published coverage (docs.camunda.io, _BPMN coverage_). The source is
\`${SOURCE}\`. Elements Operon does not run yet are refused with
\`UNSUPPORTED_ELEMENT\` when a model is deployed, never half run.

Operon runs ${operonRuns} of the ${entries.length} entries; Camunda 8 runs ${camundaRuns}.

${sections.map(sectionTable).join('\n\n')}
`;
  return formatMarkdown(markdown, bpmnCoverageDocPath);
}
