import { feelUnaryTests, type BuildContext } from './build-context';
import { diagnostic, DmnDiagnosticCode, type DmnDiagnostic } from './dmn-diagnostic';
import type { DmnModel } from './dmn-model';
import { ANY_ITEM, feelItemType, type ItemType } from './item-type';
import { child, children, idOf, text, type ModdleElement } from './moddle-element';

/**
 * Turns item definitions into item types. Resolution is lazy and memoised, so definitions may
 * refer to each other in any order; a cycle or an unknown typeRef gives a diagnostic and Any.
 */
export function itemTypeResolver(
  definitions: readonly ModdleElement[],
  imports: ReadonlyMap<string, { readonly name: string; readonly model: DmnModel }>,
  diagnostics: DmnDiagnostic[],
  context: () => BuildContext,
): (typeRef: string | undefined, elementId: string | undefined) => ItemType | undefined {
  const byName = new Map(definitions.map((definition) => [text(definition, 'name') ?? '', definition]));
  const resolved = new Map<string, ItemType>();
  const resolving = new Set<string>();

  const fromImports = (name: string): ItemType | undefined => {
    for (const { name: prefix, model } of imports.values()) {
      if (name.startsWith(`${prefix}.`)) return model.types.get(name.slice(prefix.length + 1));
    }
    return undefined;
  };

  const named = (name: string): ItemType | undefined => {
    const stripped = name.replace(/^feel:/, '');
    const cached = resolved.get(stripped);
    if (cached !== undefined) return cached;
    const definition = byName.get(stripped);
    if (definition === undefined) return fromImports(stripped);
    if (resolving.has(stripped)) return ANY_ITEM;
    resolving.add(stripped);
    const type = build(definition, stripped);
    resolving.delete(stripped);
    resolved.set(stripped, type);
    return type;
  };

  const reference = (typeRef: string, elementId: string | undefined): ItemType => {
    const type = feelItemType(typeRef.trim(), named);
    if (type !== undefined) return type;
    diagnostics.push(diagnostic(DmnDiagnosticCode.unknownType, `unknown type '${typeRef}'`, elementId));
    return ANY_ITEM;
  };

  const build = (definition: ModdleElement, name: string): ItemType => {
    const allowedText =
      text(child(definition, 'allowedValues'), 'text') ?? text(child(definition, 'typeConstraint'), 'text');
    const allowed =
      allowedText !== undefined && allowedText.trim() !== ''
        ? feelUnaryTests(context(), allowedText, idOf(definition))
        : undefined;
    const components = children(definition, 'itemComponent');
    const typeRef = text(definition, 'typeRef');
    let base: ItemType;
    if (components.length > 0) {
      base = {
        kind: 'structure',
        name,
        components: new Map(
          components.map((component) => [
            text(component, 'name') ?? '',
            build(component, text(component, 'name') ?? ''),
          ]),
        ),
      };
    } else if (typeRef !== undefined) {
      base = reference(typeRef, idOf(definition));
    } else if (child(definition, 'functionItem') !== undefined) {
      base = { kind: 'feel', name, type: { kind: 'function', parameters: [], result: { kind: 'any' } } };
    } else base = ANY_ITEM;
    const collection = definition.isCollection === true;
    if (collection) return { kind: 'collection', name, item: base, ...(allowed && { allowed }) };
    if (allowed === undefined) return base.name === name ? base : { ...base, name };
    return { ...base, name, allowed };
  };

  return (typeRef, elementId) =>
    typeRef === undefined || typeRef.trim() === '' ? undefined : reference(typeRef, elementId);
}

export function namedTypes(
  definitions: readonly ModdleElement[],
  resolve: (typeRef: string, id: string | undefined) => ItemType | undefined,
): Map<string, ItemType> {
  const types = new Map<string, ItemType>();
  for (const definition of definitions) {
    const name = text(definition, 'name');
    const type = name === undefined ? undefined : resolve(name, idOf(definition));
    if (name !== undefined && type !== undefined) types.set(name, type);
  }
  return types;
}
