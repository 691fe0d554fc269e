import { asInteger, asList, asString, builtin, describe, invalid, type BuiltinDefinition } from './builtin-definition';
import { Decimal } from './decimal';
import { regexOf } from './xpath-regex';
import { FeelFunction } from './feel-function';
import { FeelRange, isContext, isList, type FeelValue } from './feel-value';

const codePoints = (text: string): string[] => Array.from(text);

function substring(args: readonly FeelValue[]): FeelValue {
  const text = asString(args[0]);
  const start = asInteger(args[1]);
  const hasLength = args.length > 2;
  const length = asInteger(args[2]);
  if (text === undefined || start === undefined || (hasLength && length === undefined)) return null;
  const chars = codePoints(text);
  if (start === 0 || Math.abs(start) > chars.length + (start > 0 ? 1 : 0)) return null;
  const from = start > 0 ? start - 1 : chars.length + start;
  return chars.slice(from, hasLength ? from + (length ?? 0) : undefined).join('');
}

function stringPair(fn: (text: string, match: string) => FeelValue) {
  return (args: readonly FeelValue[]): FeelValue => {
    const text = asString(args[0]);
    const match = asString(args[1]);
    return text === undefined || match === undefined ? null : fn(text, match);
  };
}

export const STRING_BUILTINS: readonly BuiltinDefinition[] = [
  builtin('substring', 'string, start position, length?', substring),
  builtin('string length', 'string', ([text]) =>
    typeof text === 'string' ? Decimal.fromInt(codePoints(text).length) : null,
  ),
  builtin('upper case', 'string', ([text]) => (typeof text === 'string' ? text.toUpperCase() : null)),
  builtin('lower case', 'string', ([text]) => (typeof text === 'string' ? text.toLowerCase() : null)),
  builtin(
    'substring before',
    'string, match',
    stringPair((text, match) => {
      const at = text.indexOf(match);
      return at < 0 ? '' : text.slice(0, at);
    }),
  ),
  builtin(
    'substring after',
    'string, match',
    stringPair((text, match) => {
      const at = text.indexOf(match);
      return at < 0 ? '' : text.slice(at + match.length);
    }),
  ),
  builtin(
    'contains',
    'string, match',
    stringPair((text, match) => text.includes(match)),
  ),
  builtin(
    'starts with',
    'string, match',
    stringPair((text, match) => text.startsWith(match)),
  ),
  builtin(
    'ends with',
    'string, match',
    stringPair((text, match) => text.endsWith(match)),
  ),
  builtin('matches', 'input, pattern, flags?', (args, env) => {
    const input = asString(args[0]);
    const pattern = asString(args[1]);
    const flags = args.length > 2 && args[2] !== null ? asString(args[2]) : '';
    if (input === undefined || pattern === undefined || flags === undefined) return null;
    const regex = regexOf(pattern, flags, false);
    return regex === undefined ? invalid(env, `matches: invalid pattern ${pattern}`) : regex.test(input);
  }),
  builtin('replace', 'input, pattern, replacement, flags?', (args, env) => {
    const input = asString(args[0]);
    const pattern = asString(args[1]);
    const replacement = asString(args[2]);
    const flags = args.length > 3 ? asString(args[3]) : '';
    if (input === undefined || pattern === undefined || replacement === undefined || flags === undefined) return null;
    const regex = regexOf(pattern, flags, true);
    if (regex === undefined) return invalid(env, `replace: invalid pattern ${pattern}`);
    if (regex.test('')) return invalid(env, 'replace: the pattern matches the empty string');
    regex.lastIndex = 0;
    const jsReplacement = replacement
      .replace(/\$\$/g, '$$$$')
      .replace(/\\\$/g, '$$$$')
      .replace(/\$0/g, '$$&')
      .replace(/\$([1-9])/g, '$$$1');
    return input.replace(regex, jsReplacement);
  }),
  builtin('split', 'string, delimiter', (args, env) => {
    const text = asString(args[0]);
    const delimiter = asString(args[1]);
    if (text === undefined || delimiter === undefined) return null;
    const regex = regexOf(delimiter, '', true);
    return regex === undefined ? invalid(env, `split: invalid pattern ${delimiter}`) : text.split(regex);
  }),
  builtin('string join', 'list, delimiter?', (args, env) => {
    const list = asList(args[0]);
    const delimiter = args.length > 1 && args[1] !== null ? asString(args[1]) : '';
    if (list === undefined || delimiter === undefined) return null;
    if (list.some((item) => item !== null && typeof item !== 'string'))
      return invalid(env, 'string join: the list holds non-strings');
    return list.filter((item): item is string => typeof item === 'string').join(delimiter);
  }),
  builtin('extract', 'string, pattern', (args) => {
    const text = asString(args[0]);
    const pattern = asString(args[1]);
    if (text === undefined || pattern === undefined) return null;
    const regex = regexOf(pattern, '', true);
    return regex === undefined ? null : (text.match(regex) ?? []).map(String);
  }),
  builtin('string', 'from', ([value]) => (value === null || value === undefined ? null : stringOf(value))),
  builtin('describe', 'value', ([value]) => describe(value ?? null)),
];

/** FEEL `string()`: the value's text, as a FEEL literal would print it (strings unquoted at the top). */
export function stringOf(value: FeelValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || value instanceof Decimal) return String(value);
  if (isList(value)) return `[${value.map(nestedString).join(', ')}]`;
  if (isContext(value)) return `{${[...value].map(([key, entry]) => `${key}: ${nestedString(entry)}`).join(', ')}}`;
  if (value instanceof FeelRange) return rangeString(value);
  if (value instanceof FeelFunction) return `function ${value.name}`.trim();
  return value.toString();
}

function rangeString(range: FeelRange): string {
  const bound = (value: FeelValue): string => (value === null ? '' : nestedString(value));
  if (range.operator === '=' || range.operator === '!=')
    return `${range.operator === '=' ? '' : '!= '}${bound(range.end)}`;
  if (range.operator !== undefined) return `${range.operator} ${bound(range.start ?? range.end)}`;
  return `${range.startIncluded ? '[' : '('}${bound(range.start)}..${bound(range.end)}${range.endIncluded ? ']' : ')'}`;
}

function nestedString(value: FeelValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : stringOf(value);
}
