// The two executable BPMN corpora of ../shared/corpora (see its INDEX.md, section 3): bpmn-elements and
// bpmn-engine. Each has scenarios/<feature>-feature.json files listing Given/When/Then scenarios and the
// models they run. Tests that use them skip, with a printed reason, when the folder is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const corporaRoot = path.resolve(repoRoot, '../shared/corpora');

export const CORPORA = ['bpmn-elements', 'bpmn-engine'] as const;
export type CorpusName = (typeof CORPORA)[number];

export const corporaPresent = CORPORA.every((corpus) => existsSync(path.join(corporaRoot, corpus, 'scenarios')));

/** Prints why a suite is skipped; call it once per test file. */
export function warnIfCorporaAbsent(suite: string): void {
  if (!corporaPresent) {
    console.warn(`Skipping ${suite}: the corpora are absent at ${corporaRoot} (see ARCHITECTURE.md, "Tests").`);
  }
}

export interface CorpusScenario {
  readonly corpus: CorpusName;
  /** The stem of the feature file: `gateway` for `scenarios/gateway-feature.json`. */
  readonly feature: string;
  /** 1-based position of the scenario in its feature file. */
  readonly index: number;
  /** `<corpus>/<feature>#<index>`, e.g. `bpmn-elements/gateway#2`. */
  readonly key: string;
  readonly name: string;
  readonly steps: readonly string[];
  /** Paths of the models the scenario runs, relative to the corpus folder; the feature's shared ones when it names none. */
  readonly models: readonly string[];
}

interface FeatureFile {
  readonly feature: string;
  readonly feature_level_bpmn: readonly string[];
  readonly scenarios: readonly {
    readonly scenario: string;
    readonly steps: readonly string[];
    readonly bpmn: readonly string[];
    readonly resources: readonly string[];
  }[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isFeatureFile(value: unknown): value is FeatureFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.feature === 'string' &&
    isStringArray(file.feature_level_bpmn) &&
    Array.isArray(file.scenarios) &&
    file.scenarios.every((scenario: unknown) => {
      if (typeof scenario !== 'object' || scenario === null) return false;
      const s = scenario as Record<string, unknown>;
      return (
        typeof s.scenario === 'string' && isStringArray(s.steps) && isStringArray(s.bpmn) && isStringArray(s.resources)
      );
    })
  );
}

/** Paths in the feature files are relative to scenarios/ (`bpmn/…`) or to the corpus (`test/resources/…`). */
function corpusPath(reference: string): string {
  return reference.startsWith('bpmn/') ? `scenarios/${reference}` : reference;
}

export function featureStem(fileName: string): string {
  return fileName.replace(/-feature\.json$/, '');
}

/** Every scenario of both corpora, in corpus, file-name and document order. */
export function loadScenarios(): CorpusScenario[] {
  return CORPORA.flatMap((corpus) => {
    const folder = path.join(corporaRoot, corpus, 'scenarios');
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('-feature.json'))
      .sort();
    return files.flatMap((fileName) => {
      const parsed: unknown = JSON.parse(readFileSync(path.join(folder, fileName), 'utf8'));
      if (!isFeatureFile(parsed)) throw new Error(`${corpus}/scenarios/${fileName} does not have the documented shape`);
      const feature = featureStem(fileName);
      return parsed.scenarios.map((entry, position): CorpusScenario => {
        const own = [...entry.bpmn, ...entry.resources].map(corpusPath);
        const index = position + 1;
        return {
          corpus,
          feature,
          index,
          key: `${corpus}/${feature}#${index}`,
          name: entry.scenario.trim(),
          steps: entry.steps,
          models: own.length > 0 ? own : parsed.feature_level_bpmn.map(corpusPath),
        };
      });
    });
  });
}

export function readCorpusFile(corpus: CorpusName, relativePath: string): string {
  return readFileSync(path.join(corporaRoot, corpus, relativePath), 'utf8');
}

/** The `test/resources/*.bpmn` files of both corpora, as `{ corpus, path }` with the path relative to the corpus. */
export function resourceModels(): { readonly corpus: CorpusName; readonly path: string }[] {
  return CORPORA.flatMap((corpus) =>
    readdirSync(path.join(corporaRoot, corpus, 'test/resources'))
      .filter((name) => name.endsWith('.bpmn'))
      .sort()
      .map((name) => ({ corpus, path: `test/resources/${name}` })),
  );
}
