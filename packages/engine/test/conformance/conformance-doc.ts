// Renders docs/conformance.md from the corpora, parseBpmn's findings and the reviews, so that the document
// is the classification itself: a test compares it with the file, write-conformance-doc.ts rewrites it.
import path from 'node:path';
import { CORPORA, loadScenarios, repoRoot, resourceModels, type CorpusName } from './corpus';
import { CLASSIFICATION, TRANSLATION_RULES } from './conformance-rules';
import { formatMarkdown, table } from './markdown-document';
import { AutoCategory, inspectModel, type ModelFinding } from './model-findings';
import { outcomesOf, type ScenarioOutcome } from './outcome';
import { FailureCause, NOT_RUN_MEANING, NotRunCategory } from './review';

export const conformanceDocPath = path.join(repoRoot, 'docs/conformance.md');
export const REGENERATE = 'node --import tsx packages/engine/test/conformance/write-conformance-doc.ts';

interface Row {
  readonly label: string;
  readonly matches: (outcome: ScenarioOutcome) => boolean;
}

const runsWith = (cause: FailureCause) => (o: ScenarioOutcome) => o.result === 'fails' && o.detail.startsWith(cause);
const notRun = (category: string) => (o: ScenarioOutcome) => o.result === 'not run' && o.category === category;

const ROWS: readonly Row[] = [
  { label: 'runs, passes', matches: (o) => o.result === 'passes' && !o.partial },
  { label: 'runs, passes (some steps not asserted)', matches: (o) => o.result === 'passes' && o.partial },
  { label: `runs, fails: ${FailureCause.camundaSemantics}`, matches: runsWith(FailureCause.camundaSemantics) },
  { label: `runs, fails: ${FailureCause.engineBug}`, matches: runsWith(FailureCause.engineBug) },
  {
    label: `not run: ${AutoCategory.unsupported} (an element kind Operon does not run yet: a later issue)`,
    matches: notRun(AutoCategory.unsupported),
  },
  { label: `not run: ${AutoCategory.malformed} (parseBpmn cannot read it)`, matches: notRun(AutoCategory.malformed) },
  ...Object.values(NotRunCategory).map((category) => ({
    label: `not run: ${category} (${NOT_RUN_MEANING[category]})`,
    matches: notRun(category),
  })),
  { label: 'not run: not reviewed yet', matches: notRun('not reviewed yet') },
];

function totals(outcomes: readonly ScenarioOutcome[]): string {
  const count = (corpus: CorpusName | undefined, row: Row) =>
    outcomes.filter((o) => (corpus === undefined || o.scenario.corpus === corpus) && row.matches(o)).length;
  const rows = ROWS.filter((row) => count(undefined, row) > 0).map((row) => [
    row.label,
    ...CORPORA.map((corpus) => count(corpus, row)),
    count(undefined, row),
  ]);
  const all = ['**all scenarios**', ...CORPORA.map((c) => outcomes.filter((o) => o.scenario.corpus === c).length)];
  const ported = ['**ported (run): passing**', ...CORPORA.map((c) => passRate(outcomes, c)), passRate(outcomes)];
  return table(['result', ...CORPORA, 'total'], [...rows, ported, [...all, outcomes.length]]);
}

/** Of the scenarios that run (the ported ones), how many pass: `M of N (X%)`. */
function passRate(outcomes: readonly ScenarioOutcome[], corpus?: CorpusName): string {
  const ported = outcomes.filter(
    (o) => o.result !== 'not run' && (corpus === undefined || o.scenario.corpus === corpus),
  );
  const passing = ported.filter((o) => o.result === 'passes').length;
  const percent = ported.length === 0 ? 0 : Math.floor((100 * passing) / ported.length);
  return `${passing} of ${ported.length} (${percent}%)`;
}

/** How many not-run scenarios each unsupported element kind blocks: the later issue's to-do list. */
function unsupportedKinds(outcomes: readonly ScenarioOutcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes.filter(notRun(AutoCategory.unsupported))) {
    const kinds = outcome.detail.split(';')[0] ?? '';
    for (const kind of kinds.split(', ')) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const rows = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return table(['unsupported element', 'scenarios it blocks'], rows);
}

/** How the failing ports divide between deliberate differences and engine bugs. */
function failureSummary(outcomes: readonly ScenarioOutcome[]): string {
  const failing = outcomes.filter((o) => o.result === 'fails');
  const bugs = failing.filter(runsWith(FailureCause.engineBug)).length;
  return (
    `Of the ${failing.length} that fail, ${failing.length - bugs} fail where Operon follows BPMN 2.0.2 and Camunda 8 ` +
    `on purpose (each reason is in the scenario tables) and ${bugs} on an engine bug.`
  );
}

function resultText(outcome: ScenarioOutcome): string {
  if (outcome.result !== 'not run') return outcome.partial ? `${outcome.result} (partial)` : outcome.result;
  return `not run: ${outcome.category}`;
}

function scenarioTable(outcomes: readonly ScenarioOutcome[]): string {
  return table(
    ['feature', '#', 'scenario', 'result', 'reason'],
    outcomes.map((o) => [o.scenario.feature, o.scenario.index, o.scenario.name, resultText(o), o.detail]),
  );
}

function parseResult(finding: ModelFinding): string {
  if (!finding.ok) return `refused: ${finding.errorCodes.join(', ')}`;
  if (finding.warningCodes.length > 0) return `parses, warnings: ${finding.warningCodes.join(', ')}`;
  return 'parses cleanly';
}

async function resourceTable(): Promise<{ text: string; clean: number; total: number }> {
  const findings = await Promise.all(resourceModels().map(({ corpus, path: file }) => inspectModel(corpus, file)));
  const rows = findings.map((f) => [
    f.corpus,
    f.path.replace('test/resources/', ''),
    parseResult(f),
    f.unsupported.join(', '),
  ]);
  const clean = findings.filter((f) => f.ok && f.warningCodes.length === 0).length;
  return { text: table(['corpus', 'file', 'parseBpmn', 'unsupported elements'], rows), clean, total: findings.length };
}

export async function renderConformanceDoc(): Promise<string> {
  const outcomes = await outcomesOf(loadScenarios());
  const resources = await resourceTable();
  const perCorpus = CORPORA.map(
    (corpus) => `### ${corpus}\n\n${scenarioTable(outcomes.filter((o) => o.scenario.corpus === corpus))}`,
  );
  const markdown = `# Conformance: the bpmn-elements and bpmn-engine scenarios

<!-- Generated: do not edit. Rewrite with \`${REGENERATE}\`; a test fails when this file is stale. -->

The corpora \`../shared/corpora/bpmn-elements\` (paed01/bpmn-elements v17.2.1) and \`../shared/corpora/bpmn-engine\`
(paed01/bpmn-engine v25.0.1) describe their engines' behaviour as Given/When/Then scenarios (see the corpora's
INDEX.md, section 3). This page lists every one of them and what Operon does with it. The tests are in
\`packages/engine/test/conformance/\`, one file per feature that has runnable scenarios
(\`npx vitest run packages/engine/test/conformance\`); they skip, with a printed reason, when the corpora are absent.

## Totals

Ported: ${outcomes.filter((o) => o.result !== 'not run').length}, passing: ${passRate(outcomes)}. The target is 90% of
the ported scenarios passing, with every other scenario explained below. ${failureSummary(outcomes)}

${totals(outcomes)}

${unsupportedKinds(outcomes)}

## How scenarios are classified
${CLASSIFICATION}
## Translation rules
${TRANSLATION_RULES}
## Scenarios

${perCorpus.join('\n\n')}

## Resource models (smoke test)

Every \`test/resources/*.bpmn\` of both corpora goes through \`parseBpmn\`, which must answer with a model or with
error diagnostics, never throw or fail internally (\`corpus-resources.test.ts\`). ${resources.clean} of
${resources.total} parse cleanly.

${resources.text}
`;
  return formatMarkdown(markdown, conformanceDocPath);
}
