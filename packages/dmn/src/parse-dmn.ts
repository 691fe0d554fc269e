import { buildModel } from './build-model';
import type { DmnDiagnostic } from './dmn-diagnostic';
import type { DmnModel } from './dmn-model';
import { readDmnXml } from './read-dmn-xml';

export type DmnParseResult =
  | { readonly ok: true; readonly model: DmnModel; readonly diagnostics: readonly DmnDiagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly DmnDiagnostic[] };

export interface DmnParseOptions {
  /** Models this one may import (matched by namespace). */
  readonly imports?: readonly DmnModel[];
}

/**
 * Parses DMN XML (1.2–1.5) and compiles every expression once. A document that is not a
 * readable DMN model gives `ok: false`; problems inside a readable model (an expression that does
 * not parse, a missing reference) are diagnostics with element ids on an `ok` model.
 */
export async function parseDmn(xml: string, options: DmnParseOptions = {}): Promise<DmnParseResult> {
  const reading = await readDmnXml(xml);
  if (!reading.ok) return { ok: false, diagnostics: reading.diagnostics };
  const model = buildModel(reading.definitions, options.imports ?? [], reading.warnings);
  return { ok: true, model, diagnostics: model.diagnostics };
}

/**
 * Parses several documents that import each other (a TCK folder, a deployment bundle):
 * each is built after the models it imports.
 */
export async function parseDmnDocuments(
  xmls: readonly string[],
): Promise<{ readonly models: readonly DmnModel[]; readonly diagnostics: readonly DmnDiagnostic[] }> {
  const readings = await Promise.all(xmls.map(readDmnXml));
  const diagnostics: DmnDiagnostic[] = [];
  const pending = readings.flatMap((reading) => {
    if (reading.ok) return [reading];
    diagnostics.push(...reading.diagnostics);
    return [];
  });
  const models: DmnModel[] = [];
  while (pending.length > 0) {
    const namespaces = new Set(models.map((model) => model.namespace));
    const pendingNamespaces = new Set(pending.map((reading) => String(reading.definitions.namespace)));
    let index = pending.findIndex((reading) => {
      const imports = Array.isArray(reading.definitions.import)
        ? (reading.definitions.import as { namespace?: unknown }[])
        : [];
      return imports.every((declaration) => {
        const namespace = String(declaration.namespace);
        return namespaces.has(namespace) || !pendingNamespaces.has(namespace);
      });
    });
    if (index < 0) index = 0;
    const [reading] = pending.splice(index, 1);
    if (reading === undefined) break;
    const model = buildModel(reading.definitions, models, reading.warnings);
    models.push(model);
    diagnostics.push(...model.diagnostics);
  }
  return { models, diagnostics };
}
