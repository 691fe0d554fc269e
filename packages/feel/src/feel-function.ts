import type { FeelType } from './feel-type';
import type { FeelValue } from './feel-value';
import type { FeelDateTime } from './temporal';

/** What every evaluation carries: a sink for error messages, and the clock's reading. */
export interface EvalEnv {
  readonly errors: string[];
  /** The current instant for `now()` and `today()`; undefined when no clock was given. */
  readonly now: FeelDateTime | undefined;
  /** Names the types the model declares (DMN item definitions), for `instance of`. */
  readonly resolveType?: (name: string) => FeelType | undefined;
}

export interface Parameter {
  readonly name: string;
  readonly optional?: boolean;
  readonly type?: FeelType;
}

export interface Signature {
  readonly parameters: readonly Parameter[];
  /** The last parameter takes any number of arguments (`min(1, 2, 3)`). */
  readonly variadic?: boolean;
  readonly invoke: (args: readonly FeelValue[], env: EvalEnv) => FeelValue;
}

/** A FEEL function value: a built-in, a user-defined function, or a DMN business knowledge model. */
export class FeelFunction {
  constructor(
    readonly name: string,
    readonly signatures: readonly Signature[],
    readonly resultType?: FeelType,
  ) {}

  /** Calls with positional (array) or named (map) arguments; an impossible call is an error, null. */
  call(args: readonly FeelValue[] | ReadonlyMap<string, FeelValue>, env: EvalEnv): FeelValue {
    const bound = Array.isArray(args)
      ? this.bindPositional(args)
      : this.bindNamed(args as ReadonlyMap<string, FeelValue>);
    if (bound === undefined) {
      const count = Array.isArray(args)
        ? `${args.length} arguments`
        : `arguments (${[...(args as ReadonlyMap<string, FeelValue>).keys()].join(', ')})`;
      env.errors.push(`${this.name || 'function'}: cannot be called with ${count}`);
      return null;
    }
    return bound.signature.invoke(bound.args, env);
  }

  private bindPositional(args: readonly FeelValue[]): { signature: Signature; args: readonly FeelValue[] } | undefined {
    for (const signature of this.signatures) {
      const required = signature.parameters.filter((parameter) => parameter.optional !== true).length;
      const max = signature.variadic === true ? Infinity : signature.parameters.length;
      if (args.length >= required && args.length <= max) return { signature, args };
    }
    return undefined;
  }

  private bindNamed(
    args: ReadonlyMap<string, FeelValue>,
  ): { signature: Signature; args: readonly FeelValue[] } | undefined {
    outer: for (const signature of this.signatures) {
      const names = signature.parameters.map((parameter) => parameter.name);
      for (const key of args.keys()) if (!names.includes(key)) continue outer;
      const bound: FeelValue[] = [];
      let last = -1;
      for (const [index, parameter] of signature.parameters.entries()) {
        if (args.has(parameter.name)) {
          bound[index] = args.get(parameter.name) ?? null;
          last = index;
        } else if (parameter.optional !== true) continue outer;
      }
      for (let i = 0; i <= last; i++) bound[i] ??= null;
      return { signature, args: bound.slice(0, last + 1) };
    }
    return undefined;
  }
}
