import { asList, asString, builtin, invalid, type BuiltinDefinition } from './builtin-definition';
import type { EvalEnv } from './feel-function';
import { isContext, isList, type FeelContextValue, type FeelValue } from './feel-value';

function put(context: FeelContextValue, keys: readonly string[], value: FeelValue): FeelValue {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const result = new Map(context);
  if (rest.length === 0) result.set(key, value);
  else {
    const inner = context.get(key) ?? null;
    if (!isContext(inner)) return null;
    const updated = put(inner, rest, value);
    if (updated === null) return null;
    result.set(key, updated);
  }
  return result;
}

function contextPut(args: readonly FeelValue[], env: EvalEnv, path: boolean): FeelValue {
  const context = args[0] ?? null;
  const keyArg = args[1] ?? null;
  if (!isContext(context)) return invalid(env, 'context put: expects a context');
  const keys =
    !path && typeof keyArg === 'string'
      ? [keyArg]
      : path && isList(keyArg) && keyArg.length > 0 && keyArg.every((key) => typeof key === 'string')
        ? (keyArg as string[])
        : undefined;
  if (keys === undefined) return invalid(env, 'context put: invalid key');
  return put(context, keys, args[2] ?? null);
}

export const CONTEXT_BUILTINS: readonly BuiltinDefinition[] = [
  builtin('get value', 'm, key', ([context, key]) => {
    const name = asString(key);
    return isContext(context ?? null) && name !== undefined ? ((context as FeelContextValue).get(name) ?? null) : null;
  }),
  builtin('get entries', 'm', ([context]) =>
    isContext(context ?? null)
      ? [...(context as FeelContextValue)].map(
          ([key, value]) =>
            new Map<string, FeelValue>([
              ['key', key],
              ['value', value],
            ]),
        )
      : null,
  ),
  builtin('context', 'entries', ([entries], env) => {
    const list = asList(entries);
    if (list === undefined) return null;
    const result = new Map<string, FeelValue>();
    for (const entry of list) {
      if (!isContext(entry) || typeof entry.get('key') !== 'string' || !entry.has('value'))
        return invalid(env, 'context: each entry needs a key and a value');
      const key = entry.get('key') as string;
      if (result.has(key)) return invalid(env, `context: duplicate key ${key}`);
      result.set(key, entry.get('value') ?? null);
    }
    return result;
  }),
  // Positional calls take the first signature (a key or a list of keys); `key:` by name takes only a string.
  builtin('context put', 'context, keys, value', (args, env) => contextPut(args, env, typeof args[1] !== 'string')),
  builtin('context put', 'context, key, value', (args, env) => contextPut(args, env, false)),
  builtin('context merge', 'contexts', ([contexts], env) => {
    const list = asList(contexts);
    if (list === undefined || !list.every(isContext)) return invalid(env, 'context merge: expects a list of contexts');
    const result = new Map<string, FeelValue>();
    for (const context of list as FeelContextValue[]) for (const [key, value] of context) result.set(key, value);
    return result;
  }),
];
