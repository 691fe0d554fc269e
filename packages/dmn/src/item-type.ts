import {
  ANY,
  conformsTo,
  isContext,
  isList,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
  parseType,
  type CompiledUnaryTests,
  type EvalEnv,
  type FeelType,
  type FeelValue,
  Scope,
} from '@operon/feel';

/**
 * A DMN type: an item definition (a FEEL type, a collection, a structure of components), or a
 * FEEL type named by a `typeRef`. Allowed values restrict the values further.
 */
export type ItemType =
  | { readonly kind: 'feel'; readonly name: string; readonly type: FeelType; readonly allowed?: CompiledUnaryTests }
  | {
      readonly kind: 'collection';
      readonly name: string;
      readonly item: ItemType;
      readonly allowed?: CompiledUnaryTests;
    }
  | {
      readonly kind: 'structure';
      readonly name: string;
      readonly components: ReadonlyMap<string, ItemType>;
      readonly allowed?: CompiledUnaryTests;
    };

export const ANY_ITEM: ItemType = { kind: 'feel', name: 'Any', type: ANY };

/** The structural FEEL type of an item type, for `instance of`. */
export function feelTypeOf(type: ItemType): FeelType {
  switch (type.kind) {
    case 'feel':
      return type.type;
    case 'collection':
      return { kind: 'list', item: feelTypeOf(type.item) };
    case 'structure':
      return {
        kind: 'context',
        entries: new Map([...type.components].map(([name, component]) => [name, feelTypeOf(component)])),
      };
  }
}

function allowedPasses(value: FeelValue, allowed: CompiledUnaryTests | undefined, env: EvalEnv): boolean {
  if (allowed === undefined || value === null) return true;
  return allowed.test(value, Scope.empty, env) === true;
}

/** Whether a value is of an item type, allowed values included. null always is. */
export function isOfType(value: FeelValue, type: ItemType, env: EvalEnv): boolean {
  if (value === null) return true;
  switch (type.kind) {
    case 'feel':
      if (type.type.kind === 'any') return allowedPasses(value, type.allowed, env);
      return conformsTo(value, type.type) && allowedPasses(value, type.allowed, env);
    case 'collection':
      return (
        isList(value) && value.every((item) => isOfType(item, type.item, env) && allowedPasses(item, type.allowed, env))
      );
    case 'structure':
      if (!isContext(value)) return false;
      for (const [name, component] of type.components) {
        if (!value.has(name) || !isOfType(value.get(name) ?? null, component, env)) return false;
      }
      return allowedPasses(value, type.allowed, env);
  }
}

/**
 * Conforms a value to an item type as DMN 1.3+ does for decision results, inputs and
 * parameters: a singleton list unwraps, a single item wraps into a collection; a value
 * that still does not conform is an error and becomes null.
 */
export function coerceToType(value: FeelValue, type: ItemType | undefined, env: EvalEnv, what: string): FeelValue {
  if (type === undefined || value === null || isOfType(value, type, env)) return value;
  if (type.kind !== 'collection' && isList(value) && value.length === 1 && isOfType(value[0] ?? null, type, env))
    return value[0] ?? null;
  if (type.kind === 'collection' && !isList(value) && isOfType(value, type.item, env)) return [value];
  env.errors.push(`${what}: the value does not conform to type '${type.name}'`);
  return null;
}

const TEMPORAL_PARSERS: Readonly<Record<string, (text: string) => FeelValue | undefined>> = {
  date: parseDate,
  time: parseTime,
  'date and time': parseDateTime,
  'days and time duration': parseDuration,
  'years and months duration': parseDuration,
};

/**
 * Input data given as JSON (process variables) has no dates: an ISO 8601 string given for an input
 * declared as a date, time, date and time or duration is read as one, also inside lists and structures.
 */
export function fromJsonForType(value: FeelValue, type: ItemType | undefined): FeelValue {
  if (type === undefined || value === null) return value;
  if (typeof value === 'string' && type.kind === 'feel' && type.type.kind === 'primitive') {
    return TEMPORAL_PARSERS[type.type.name]?.(value) ?? value;
  }
  if (type.kind === 'collection' && isList(value)) return value.map((item) => fromJsonForType(item, type.item));
  if (type.kind === 'structure' && isContext(value)) {
    return new Map([...value].map(([name, entry]) => [name, fromJsonForType(entry, type.components.get(name))]));
  }
  return value;
}

/** A FEEL type (from a typeRef such as `list<number>`) as an item type. */
export function feelItemType(text: string, resolve: (name: string) => ItemType | undefined): ItemType | undefined {
  const named = resolve(text);
  if (named !== undefined) return named;
  const type = parseType(text, (name) => {
    const item = resolve(name);
    return item === undefined ? undefined : feelTypeOf(item);
  });
  return type === undefined ? undefined : { kind: 'feel', name: text, type };
}
