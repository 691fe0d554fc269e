import { isList, type FeelValue } from '@operon/feel';
import type { BuildContext } from './build-context';
import type { BoxedEvaluator } from './dmn-env';
import type { ItemType } from './item-type';
import { child, kindOf, text, type ModdleElement } from './moddle-element';

type Compile = (
  element: ModdleElement | undefined,
  context: BuildContext,
  type: ItemType | undefined,
) => BoxedEvaluator;

/** DMN 1.5's boxed `for`, `some` and `every`: an iterator variable over the `in` list. */
export function compileIteration(element: ModdleElement, context: BuildContext, compile: Compile): BoxedEvaluator {
  const kind = kindOf(element);
  const variable = text(element, 'iteratorVariable') ?? 'item';
  const source = compile(child(child(element, 'in'), 'value'), context, undefined);
  const body = compile(child(child(element, kind === 'For' ? 'return' : 'satisfies'), 'value'), context, undefined);
  return (scope, env) => {
    const value = source(scope, env);
    if (value === null) return null;
    const list = isList(value) ? value : [value];
    const results: FeelValue[] = [];
    for (const item of list) {
      const result = body(
        scope.with(
          new Map([
            [variable, item],
            ['partial', results],
          ]),
        ),
        env,
      );
      if (kind !== 'For' && result !== null && typeof result !== 'boolean') {
        env.errors.push(`${kind.toLowerCase()}: the condition is not a boolean`);
        return null;
      }
      if (kind === 'Some' && result === true) return true;
      if (kind === 'Every' && result === false) return false;
      results.push(result);
    }
    if (kind === 'For') return results;
    if (results.some((result) => typeof result !== 'boolean')) return null;
    return kind === 'Every';
  };
}
