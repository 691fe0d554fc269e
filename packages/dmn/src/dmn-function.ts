import { FeelFunction, type FeelValue, type Parameter, type Scope } from '@operon/feel';
import type { BoxedEvaluator, DmnEnv } from './dmn-env';
import { coerceToType, feelTypeOf, type ItemType } from './item-type';

export interface DmnParameter {
  readonly name: string;
  readonly type: ItemType | undefined;
}

/**
 * A function defined in a model (a function definition, or a business knowledge model):
 * arguments are conformed to the parameter types, the result to the result type.
 */
export function dmnFunction(
  name: string,
  parameters: readonly DmnParameter[],
  body: BoxedEvaluator,
  scope: Scope,
  resultType: ItemType | undefined,
): FeelFunction {
  return new FeelFunction(
    name,
    [
      {
        parameters: parameters.map((parameter): Parameter =>
          parameter.type === undefined
            ? { name: parameter.name, optional: true }
            : { name: parameter.name, type: feelTypeOf(parameter.type), optional: true },
        ),
        invoke: (args, env) => {
          const dmnEnv = env as DmnEnv;
          if (args.length > parameters.length) {
            env.errors.push(`${name || 'function'}: expects ${parameters.length} arguments, got ${args.length}`);
            return null;
          }
          const variables = new Map<string, FeelValue>();
          for (const [index, parameter] of parameters.entries()) {
            const value = args[index] ?? null;
            const coerced = coerceToType(
              value,
              parameter.type,
              env,
              `${name || 'function'}: parameter '${parameter.name}'`,
            );
            if (coerced === null && value !== null) return null;
            variables.set(parameter.name, coerced);
          }
          const result = body(scope.with(variables), dmnEnv);
          return coerceToType(result, resultType, env, `${name || 'function'}: result`);
        },
      },
    ],
    resultType && feelTypeOf(resultType),
  );
}
