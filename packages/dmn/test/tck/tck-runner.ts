import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isContext, type FeelValue } from '@operon/feel';
import { evaluateDecision, evaluateDecisionService, parseDmnDocuments, type DmnModel } from '@operon/dmn';
import { matches, readValue, show } from './tck-values';
import { childElements, parseXml, type XmlElement } from './xml-tree';

export type TckOutcome = 'SUCCESS' | 'ERROR';

export interface TckCaseResult {
  readonly level: string;
  readonly folder: string;
  readonly testFile: string;
  readonly id: string;
  readonly outcome: TckOutcome;
  readonly message: string;
}

function directories(path: string): string[] {
  return readdirSync(path)
    .filter((name) => statSync(join(path, name)).isDirectory())
    .sort();
}

function namespaceOf(xml: string): string | undefined {
  return /<(?:\w+:)?definitions[^>]*?\snamespace="([^"]*)"/.exec(xml)?.[1];
}

interface Expectation {
  readonly name: string;
  readonly expected: FeelValue | undefined;
}

function runCase(testCase: XmlElement, model: DmnModel, now: number): { ok: boolean; message: string } {
  const variables: Record<string, unknown> = {};
  const importedInputs: Record<string, Record<string, unknown>> = {};
  for (const input of childElements(testCase, 'inputNode')) {
    const name = input.attributes.name ?? '';
    const value = readValue(input) ?? null;
    const namespace = input.attributes.namespace;
    if (namespace !== undefined && namespace !== model.namespace) (importedInputs[namespace] ??= {})[name] = value;
    else variables[name] = value;
  }
  const expectations: Expectation[] = childElements(testCase, 'resultNode').map((node) => {
    const expected = childElements(node, 'expected')[0];
    return { name: node.attributes.name ?? '', expected: expected === undefined ? undefined : readValue(expected) };
  });
  const options = { now, importedInputs };
  const failures: string[] = [];
  const type = testCase.attributes.type ?? 'decision';
  for (const expectation of expectations) {
    let actual: FeelValue;
    let errors: readonly string[];
    if (type === 'decisionService') {
      const service = testCase.attributes.invocableName ?? '';
      const result = evaluateDecisionService(model, service, variables, options);
      const node = [...model.services.values()].find(
        (candidate) => candidate.name === service || candidate.id === service,
      );
      actual =
        (node?.outputDecisions.length ?? 1) > 1 && isContext(result.feelValue)
          ? (result.feelValue.get(expectation.name) ?? null)
          : result.feelValue;
      errors = result.errors;
    } else {
      const result = evaluateDecision(model, expectation.name, variables, options);
      actual = result.feelValue;
      errors = result.errors;
    }
    if (expectation.expected === undefined || !matches(expectation.expected, actual)) {
      const why = errors.length > 0 ? ` (errors: ${errors.slice(0, 2).join('; ')})` : '';
      failures.push(`${expectation.name}: expected ${show(expectation.expected)} but got ${show(actual)}${why}`);
    }
  }
  return { ok: failures.length === 0, message: failures.join(' | ') };
}

async function runFolder(level: string, folder: string, path: string, now: number): Promise<TckCaseResult[]> {
  const files = readdirSync(path);
  const dmnFiles = files.filter((file) => file.endsWith('.dmn')).sort();
  const xmls = dmnFiles.map((file) => readFileSync(join(path, file), 'utf8'));
  const { models, diagnostics } = await parseDmnDocuments(xmls);
  const results: TckCaseResult[] = [];
  for (const testFile of files.filter((file) => /-test-\d+\.xml$/.test(file)).sort()) {
    const document = parseXml(readFileSync(join(path, testFile), 'utf8'));
    const root = childElements(document, 'testCases')[0];
    if (root === undefined) continue;
    const modelName = childElements(root, 'modelName')[0]?.text.trim() ?? `${folder}.dmn`;
    const index = dmnFiles.indexOf(modelName);
    const namespace = index >= 0 ? namespaceOf(xmls[index] ?? '') : undefined;
    const model = models.find((candidate) => candidate.namespace === namespace);
    for (const testCase of childElements(root, 'testCase')) {
      const id = testCase.attributes.id ?? '';
      const base = { level, folder, testFile: basename(testFile, '.xml'), id };
      if (model === undefined) {
        results.push({
          ...base,
          outcome: 'ERROR',
          message: `model did not load: ${diagnostics.map((d) => d.message).join('; ')}`,
        });
        continue;
      }
      let outcome: { ok: boolean; message: string };
      try {
        outcome = runCase(testCase, model, now);
      } catch (error) {
        outcome = { ok: false, message: `crash: ${error instanceof Error ? error.message : String(error)}` };
      }
      results.push({ ...base, outcome: outcome.ok ? 'SUCCESS' : 'ERROR', message: outcome.message });
    }
  }
  return results;
}

/** Runs a TCK `TestCases` folder: compliance levels 2 and 3 (non-compliant tests are not counted). */
export async function runTck(testCasesDir: string, now: number, only?: RegExp): Promise<TckCaseResult[]> {
  const results: TckCaseResult[] = [];
  for (const level of ['compliance-level-2', 'compliance-level-3']) {
    const levelPath = join(testCasesDir, level);
    for (const folder of directories(levelPath)) {
      if (only !== undefined && !only.test(folder)) continue;
      results.push(...(await runFolder(level, folder, join(levelPath, folder), now)));
    }
  }
  return results;
}

export function csvRow(result: TckCaseResult): string {
  const quote = (value: string): string => `"${value.replace(/"/g, "'").replace(/\s+/g, ' ')}"`;
  return [`${result.level}/${result.folder}`, result.testFile, result.id, result.outcome, result.message]
    .map(quote)
    .join(',');
}
