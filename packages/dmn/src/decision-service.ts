import { FeelFunction, type FeelValue } from '@operon/feel';
import type { DmnEnv } from './dmn-env';
import type { ElementReference, ServiceNode } from './dmn-model';
import { coerceToType, type ItemType } from './item-type';
import { instanceKey, referencedInstance, type ModelInstance } from './model-instance';

function parameterOf(
  instance: ModelInstance,
  reference: ElementReference,
  kind: 'input' | 'decision',
): { name: string; type: ItemType | undefined } {
  const model = referencedInstance(instance, reference)?.instance.model;
  const node = kind === 'input' ? model?.inputs.get(reference.id) : model?.decisions.get(reference.id);
  return { name: node?.name ?? reference.id, type: node?.type };
}

/** Starts an evaluation whose input decisions are given (keyed by instance and id). */
export type EvaluationFactory = (seeded: ReadonlyMap<string, FeelValue>) => {
  decision(instance: ModelInstance, id: string): FeelValue;
};

/**
 * Evaluates a decision service: its input decisions and input data are given (by name), its
 * output decisions computed. One output gives its value; several give a context.
 */
export function invokeService(
  instance: ModelInstance,
  service: ServiceNode,
  given: ReadonlyMap<string, FeelValue>,
  env: DmnEnv,
  evaluations: EvaluationFactory,
): FeelValue {
  const seeded = new Map<string, FeelValue>();
  for (const reference of service.inputDecisions) {
    const target = referencedInstance(instance, reference);
    const node = target?.instance.model.decisions.get(reference.id);
    if (target !== undefined && node !== undefined) {
      seeded.set(
        instanceKey(target.instance, reference.id),
        coerceToType(given.get(node.name) ?? null, node.type, env, `input decision '${node.name}'`),
      );
    }
  }
  const inner: ModelInstance = { ...instance, inputs: given };
  const evaluation = evaluations(seeded);
  const outputs = service.outputDecisions.map((reference) => {
    const target = referencedInstance(inner, reference);
    const node = target?.instance.model.decisions.get(reference.id);
    return {
      name: node?.name ?? reference.id,
      value: target === undefined ? null : evaluation.decision(target.instance, reference.id),
    };
  });
  const result =
    outputs.length === 1 ? (outputs[0]?.value ?? null) : new Map(outputs.map((output) => [output.name, output.value]));
  return coerceToType(result, service.type, env, `decision service '${service.name}'`);
}

/** A decision service as a function (when a decision requires it as knowledge): arguments are checked. */
export function serviceFunction(
  instance: ModelInstance,
  service: ServiceNode,
  evaluations: EvaluationFactory,
): FeelFunction {
  const parameters = [
    ...service.inputData.map((reference) => parameterOf(instance, reference, 'input')),
    ...service.inputDecisions.map((reference) => parameterOf(instance, reference, 'decision')),
  ];
  return new FeelFunction(service.name, [
    {
      parameters: parameters.map(({ name }) => ({ name })),
      invoke: (args, env) => {
        const given = new Map<string, FeelValue>();
        for (const [index, parameter] of parameters.entries()) {
          const value = args[index] ?? null;
          const coerced = coerceToType(value, parameter.type, env, `${service.name}: argument '${parameter.name}'`);
          if (coerced === null && value !== null) return null;
          given.set(parameter.name, coerced);
        }
        return invokeService(instance, service, given, env as DmnEnv, evaluations);
      },
    },
  ]);
}
