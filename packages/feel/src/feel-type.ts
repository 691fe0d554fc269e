import { FeelFunction } from './feel-function';
import { FeelRange, isContext, isList, typeName, type FeelValue } from './feel-value';

/** A FEEL type, as `instance of` and typed function parameters name them. */
export type FeelType =
  | { readonly kind: 'any' }
  | { readonly kind: 'null' }
  | { readonly kind: 'primitive'; readonly name: PrimitiveTypeName }
  | { readonly kind: 'list'; readonly item: FeelType }
  | { readonly kind: 'context'; readonly entries: ReadonlyMap<string, FeelType> }
  | { readonly kind: 'range'; readonly element: FeelType }
  | { readonly kind: 'function'; readonly parameters: readonly FeelType[]; readonly result: FeelType };

export type PrimitiveTypeName =
  | 'number'
  | 'string'
  | 'boolean'
  | 'date'
  | 'time'
  | 'date and time'
  | 'days and time duration'
  | 'years and months duration';

const PRIMITIVE_ALIASES: Readonly<Record<string, PrimitiveTypeName>> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  'date and time': 'date and time',
  dateTime: 'date and time',
  'days and time duration': 'days and time duration',
  dayTimeDuration: 'days and time duration',
  'years and months duration': 'years and months duration',
  yearMonthDuration: 'years and months duration',
};

export const ANY: FeelType = { kind: 'any' };

export function primitiveType(name: string): FeelType | undefined {
  const stripped = name.replace(/^feel:/, '');
  if (stripped === 'Any' || stripped === 'any') return ANY;
  if (stripped === 'Null') return { kind: 'null' };
  if (stripped === 'context') return { kind: 'context', entries: new Map() };
  if (stripped === 'list') return { kind: 'list', item: ANY };
  if (stripped === 'function') return { kind: 'function', parameters: [], result: ANY };
  const primitive = PRIMITIVE_ALIASES[stripped];
  return primitive === undefined ? undefined : { kind: 'primitive', name: primitive };
}

/** Whether a value is an instance of a type (FEEL `instance of`). */
export function conformsTo(value: FeelValue, type: FeelType): boolean {
  switch (type.kind) {
    case 'any':
      return value !== null;
    case 'null':
      return value === null;
    case 'primitive':
      return value !== null && typeName(value) === type.name;
    case 'list':
      return isList(value) && value.every((item) => item === null || conformsTo(item, type.item));
    case 'context':
      if (!isContext(value)) return false;
      for (const [name, entryType] of type.entries) {
        if (!value.has(name)) return false;
        const entry = value.get(name) ?? null;
        if (entry !== null && !conformsTo(entry, entryType)) return false;
      }
      return true;
    case 'range':
      return (
        value instanceof FeelRange &&
        [value.start, value.end].every((bound) => bound === null || conformsTo(bound, type.element))
      );
    case 'function':
      return value instanceof FeelFunction && functionConforms(value, type);
  }
}

function functionConforms(
  value: FeelFunction,
  type: { readonly parameters: readonly FeelType[]; readonly result: FeelType },
): boolean {
  if (type.parameters.length === 0 && type.result.kind === 'any') return true;
  return value.signatures.some(
    (signature) =>
      signature.parameters.length === type.parameters.length &&
      signature.parameters.every((parameter, index) => {
        const expected = type.parameters[index] ?? ANY;
        // Parameters are contravariant: the function must accept at least what the type offers.
        return parameter.type === undefined || isSubtype(expected, parameter.type);
      }) &&
      (value.resultType === undefined || isSubtype(value.resultType, type.result)),
  );
}

/** Whether every instance of `a` is an instance of `b`. */
export function isSubtype(a: FeelType, b: FeelType): boolean {
  if (b.kind === 'any') return true;
  if (a.kind === 'null') return true;
  switch (a.kind) {
    case 'any':
      return false;
    case 'primitive':
      return b.kind === 'primitive' && a.name === b.name;
    case 'list':
      return b.kind === 'list' && isSubtype(a.item, b.item);
    case 'range':
      return b.kind === 'range' && isSubtype(a.element, b.element);
    case 'context':
      if (b.kind !== 'context') return false;
      for (const [name, entryType] of b.entries) {
        const mine = a.entries.get(name);
        if (mine === undefined || !isSubtype(mine, entryType)) return false;
      }
      return true;
    case 'function':
      return (
        b.kind === 'function' &&
        a.parameters.length === b.parameters.length &&
        a.parameters.every((parameter, index) => isSubtype(b.parameters[index] ?? ANY, parameter)) &&
        isSubtype(a.result, b.result)
      );
  }
}

/**
 * Parses a type expression (`number`, `list<string>`, `context<a: number>`, `function<number>->string`).
 * `resolve` names the types the caller knows (DMN item definitions); undefined when it does not parse.
 */
export function parseType(
  text: string,
  resolve: (name: string) => FeelType | undefined = () => undefined,
): FeelType | undefined {
  let position = 0;
  const source = text.trim();
  const skip = (): void => {
    while (position < source.length && /\s/.test(source.charAt(position))) position++;
  };
  const eat = (token: string): boolean => {
    skip();
    if (source.startsWith(token, position)) {
      position += token.length;
      return true;
    }
    return false;
  };
  const name = (): string => {
    skip();
    const match = /^[^<>,:()-]+/.exec(source.slice(position));
    if (!match) return '';
    position += match[0].length;
    return match[0].trim().replace(/\s+/g, ' ');
  };
  const type = (): FeelType | undefined => {
    const head = name();
    if ((head === 'list' || head === 'range') && eat('<')) {
      const inner = type();
      if (inner === undefined || !eat('>')) return undefined;
      return head === 'list' ? { kind: 'list', item: inner } : { kind: 'range', element: inner };
    }
    if (head === 'context' && eat('<')) {
      const entries = new Map<string, FeelType>();
      do {
        const key = name();
        if (!eat(':')) return undefined;
        const entryType = type();
        if (entryType === undefined) return undefined;
        entries.set(key, entryType);
      } while (eat(','));
      return eat('>') ? { kind: 'context', entries } : undefined;
    }
    if (head === 'function' && eat('<')) {
      const parameters: FeelType[] = [];
      if (!eat('>')) {
        do {
          const parameter = type();
          if (parameter === undefined) return undefined;
          parameters.push(parameter);
        } while (eat(','));
        if (!eat('>')) return undefined;
      }
      if (!eat('->')) return undefined;
      const result = type();
      return result === undefined ? undefined : { kind: 'function', parameters, result };
    }
    return primitiveType(head) ?? resolve(head);
  };
  const result = type();
  skip();
  return position === source.length ? result : undefined;
}
