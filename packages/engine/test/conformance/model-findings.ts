// What parseBpmn says about each corpus model, as plain data: the automatic half of the classification.
import { DEPLOY_CHECKS } from '../../src/index';
import { parseBpmn, type Diagnostic } from '@operon/model';
import { readCorpusFile, type CorpusName, type CorpusScenario } from './corpus';
import type { Review } from './review';

export interface ModelFinding {
  readonly corpus: CorpusName;
  readonly path: string;
  readonly ok: boolean;
  /** Distinct codes of error diagnostics, sorted. */
  readonly errorCodes: readonly string[];
  /** Distinct codes of warnings, sorted. */
  readonly warningCodes: readonly string[];
  /** What each UNSUPPORTED_ELEMENT diagnostic names, e.g. "timer boundary event", sorted and distinct. */
  readonly unsupported: readonly string[];
}

/** "Timer boundary event 'bound' is not supported: …" → "timer boundary event". */
export function unsupportedLabel(message: string): string {
  const match =
    /^(.+?) '[^']*' (is not supported|has (multi-instance|standard loop) characteristics|is a compensation handler)/.exec(
      message,
    );
  if (!match?.[1] || !match[2]) return message.split('.')[0] ?? message;
  const element = match[1].toLowerCase();
  if (match[3]) return `${match[3]} ${element}`;
  if (match[2].startsWith('is a compensation')) return `compensation handler ${element}`;
  return element;
}

const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function findingOf(corpus: CorpusName, path: string, ok: boolean, diagnostics: readonly Diagnostic[]): ModelFinding {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return {
    corpus,
    path,
    ok,
    errorCodes: distinct(errors.map((diagnostic) => diagnostic.code)),
    warningCodes: distinct(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)),
    unsupported: distinct(
      errors.filter((d) => d.code === 'UNSUPPORTED_ELEMENT').map((d) => unsupportedLabel(d.message)),
    ),
  };
}

const findings = new Map<string, Promise<ModelFinding>>();

/** Parses a corpus model once (the raw file, without any rewriting) and reports what came back. */
export function inspectModel(corpus: CorpusName, path: string): Promise<ModelFinding> {
  const key = `${corpus}/${path}`;
  let finding = findings.get(key);
  if (finding === undefined) {
    finding = parseBpmn(readCorpusFile(corpus, path), DEPLOY_CHECKS).then((outcome) =>
      findingOf(corpus, path, outcome.ok, outcome.diagnostics),
    );
    findings.set(key, finding);
  }
  return finding;
}

export const AutoCategory = {
  unsupported: 'unsupported element',
  malformed: 'model not well-formed XML',
} as const;
export type AutoCategory = (typeof AutoCategory)[keyof typeof AutoCategory];

export interface AutoBlock {
  readonly category: AutoCategory;
  readonly detail: string;
}

/**
 * The blocker found without a human: an unsupported element in any model (those scenarios wait for a
 * later issue), else XML that parseBpmn reports as not well-formed. Undefined when the scenario needs review.
 */
export async function autoBlock(scenario: CorpusScenario): Promise<AutoBlock | undefined> {
  const models = await Promise.all(scenario.models.map((path) => inspectModel(scenario.corpus, path)));
  const unsupported = distinct(models.flatMap((model) => model.unsupported));
  const others = distinct(models.flatMap((model) => model.errorCodes)).filter((code) => code !== 'UNSUPPORTED_ELEMENT');
  const also = others.length > 0 ? `; other errors: ${others.join(', ')}` : '';
  if (unsupported.length > 0) return { category: AutoCategory.unsupported, detail: `${unsupported.join(', ')}${also}` };
  if (others.includes('MALFORMED_XML')) {
    const rest = others.filter((code) => code !== 'MALFORMED_XML');
    const files = models.filter((model) => model.errorCodes.includes('MALFORMED_XML')).map((model) => model.path);
    return {
      category: AutoCategory.malformed,
      detail: `MALFORMED_XML in ${files.join(', ')}${rest.length > 0 ? `; other errors: ${rest.join(', ')}` : ''}`,
    };
  }
  return undefined;
}

/**
 * Whether the review decides a scenario that is blocked automatically: only a `runs` verdict, and only for XML
 * that parseBpmn cannot read as the corpus writes it (MALFORMED_XML: bpmn-elements' undeclared `js:` extension
 * attributes), which the scenario's test rewrites into a model Operon reads; the test, by running, proves it does.
 * An unsupported element always blocks.
 */
export function reviewDecides(blocked: AutoBlock, review: Review | undefined): boolean {
  return blocked.category === AutoCategory.malformed && review?.kind === 'runs';
}
