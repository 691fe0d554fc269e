import { isContext, type FeelValue } from '@operon/feel';
import type { DmnModel, ElementReference } from './dmn-model';

/**
 * A model as one evaluation sees it: the same imported model can appear twice (imported by two
 * models, under two names) with different input data, so decisions are keyed by the import path.
 */
export interface ModelInstance {
  readonly model: DmnModel;
  /** Import names from the root model, joined by '/'; '' for the root. */
  readonly path: string;
  readonly inputs: ReadonlyMap<string, FeelValue>;
  /** Inputs given per namespace (the TCK's `inputNode namespace=…`). */
  readonly byNamespace: (namespace: string) => ReadonlyMap<string, FeelValue>;
}

export function rootInstance(
  model: DmnModel,
  inputs: ReadonlyMap<string, FeelValue>,
  byNamespace: ModelInstance['byNamespace'],
): ModelInstance {
  return { model, path: '', inputs, byNamespace };
}

/** The instance a reference points into, with the import name that prefixes its names. */
export function referencedInstance(
  instance: ModelInstance,
  reference: ElementReference,
): { instance: ModelInstance; prefix: string | undefined } | undefined {
  if (reference.namespace === undefined) return { instance, prefix: undefined };
  const imported = instance.model.imports.get(reference.namespace);
  if (imported === undefined) return undefined;
  const inputs = new Map(instance.byNamespace(reference.namespace));
  // Inputs of an imported model may also be given nested under the import's name.
  const nested = instance.inputs.get(imported.name);
  if (isContext(nested)) for (const [name, value] of nested) inputs.set(name, value);
  return {
    instance: {
      model: imported.model,
      path: `${instance.path}/${imported.name}`,
      inputs,
      byNamespace: instance.byNamespace,
    },
    prefix: imported.name,
  };
}

export function instanceKey(instance: ModelInstance, id: string): string {
  return `${instance.path}#${id}`;
}
