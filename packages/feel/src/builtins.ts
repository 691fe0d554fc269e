import { builtin, type BuiltinDefinition } from './builtin-definition';
import { CONTEXT_BUILTINS } from './builtins-context';
import { LIST_BUILTINS } from './builtins-list';
import { NUMERIC_BUILTINS } from './builtins-numeric';
import { RANGE_BUILTINS } from './builtins-range';
import { STRING_BUILTINS } from './builtins-string';
import { TEMPORAL_BUILTINS } from './builtins-temporal';
import { FeelFunction, type Parameter } from './feel-function';
import type { FeelValue } from './feel-value';

const BOOLEAN_BUILTINS: readonly BuiltinDefinition[] = [
  builtin('not', 'negand', ([value]) => (typeof value === 'boolean' ? !value : null)),
  builtin('is defined', 'value', ([value]) => value !== undefined && value !== null),
  builtin('get or else', 'value, default', ([value, fallback]) =>
    value === null || value === undefined ? (fallback ?? null) : value,
  ),
  builtin('assert', 'value, condition, cause?', ([value, condition]) => (condition === true ? (value ?? null) : null)),
];

/** Parameters that take a single value: a singleton list passed to one is unwrapped (DMN 1.3 §10.3.2.9.4). */
const SCALAR_PARAMETERS = new Set([
  'string',
  'n',
  'number',
  'dividend',
  'divisor',
  'scale',
  'start position',
  'length',
  'input',
  'pattern',
  'replacement',
  'flags',
  'delimiter',
  'grouping separator',
  'decimal separator',
  'date',
  'time',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'offset',
  'base',
  'exponent',
  'negand',
]);

/** Parameters that take a list: a single value passed to one becomes a singleton list. */
const LIST_PARAMETERS = new Set(['list', 'entries', 'contexts']);

function unwrapSingletons(
  parameters: readonly Parameter[],
  invoke: BuiltinDefinition['invoke'],
  variadic: boolean,
): BuiltinDefinition['invoke'] {
  const scalar = parameters.map((parameter) => SCALAR_PARAMETERS.has(parameter.name));
  const listy = parameters.map((parameter) => LIST_PARAMETERS.has(parameter.name));
  if (variadic || (!scalar.includes(true) && !listy.includes(true))) return invoke;
  return (args, env) =>
    invoke(
      args.map((arg, index) => {
        if (scalar[index] === true && Array.isArray(arg) && arg.length === 1) return arg[0] as FeelValue;
        if (listy[index] === true && arg !== null && !Array.isArray(arg)) return [arg];
        return arg;
      }),
      env,
    );
}

function parametersOf(params: string): Parameter[] {
  return params
    .split(',')
    .map((param) => param.trim())
    .filter((param) => param !== '')
    .map((param) => (param.endsWith('?') ? { name: param.slice(0, -1), optional: true } : { name: param }));
}

const registry = new Map<string, FeelFunction>();
{
  const grouped = new Map<string, BuiltinDefinition[]>();
  for (const definition of [
    ...BOOLEAN_BUILTINS,
    ...STRING_BUILTINS,
    ...NUMERIC_BUILTINS,
    ...LIST_BUILTINS,
    ...TEMPORAL_BUILTINS,
    ...RANGE_BUILTINS,
    ...CONTEXT_BUILTINS,
  ]) {
    grouped.set(definition.name, [...(grouped.get(definition.name) ?? []), definition]);
  }
  for (const [name, definitions] of grouped) {
    registry.set(
      name,
      new FeelFunction(
        name,
        definitions.map((definition) => {
          const parameters = parametersOf(definition.params);
          const variadic = definition.variadic === true;
          return { parameters, variadic, invoke: unwrapSingletons(parameters, definition.invoke, variadic) };
        }),
      ),
    );
  }
}

export function builtinFunction(name: string): FeelFunction | undefined {
  return registry.get(name);
}

/** Built-in names, for the parser: a name with spaces parses only when the parser knows it. */
export const BUILTIN_NAMES: readonly string[] = [...registry.keys()];
