import type { FeelValue } from './feel-value';

/** Variables visible to an expression: a chain of maps, innermost first. */
export class Scope {
  constructor(
    private readonly variables: ReadonlyMap<string, FeelValue>,
    private readonly parent?: Scope,
  ) {}

  static readonly empty: Scope = new Scope(new Map());

  lookup(name: string): FeelValue | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the chain
    let scope: Scope | undefined = this;
    while (scope !== undefined) {
      const value = scope.variables.get(name);
      if (value !== undefined || scope.variables.has(name)) return value;
      scope = scope.parent;
    }
    return undefined;
  }

  with(variables: ReadonlyMap<string, FeelValue>): Scope {
    return new Scope(variables, this);
  }

  /** Every name in the chain, outermost first (for the parser's multi-word names). */
  names(): string[] {
    const names = this.parent?.names() ?? [];
    for (const name of this.variables.keys()) names.push(name);
    return names;
  }
}
