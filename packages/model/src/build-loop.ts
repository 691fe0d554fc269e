import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize } from './element-label';
import { booleanProperty, elementProperty, extensionsOf, stringProperty, type ModdleElement } from './moddle-element';
import type { LoopCharacteristics } from './process-definition';

/**
 * `bpmn:multiInstanceLoopCharacteristics` (with `zeebe:loopCharacteristics`) or
 * `bpmn:standardLoopCharacteristics` of an activity; undefined when it has neither.
 * `subject` names the activity for messages, e.g. "service task 'charge'".
 */
export function buildLoop(
  element: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): LoopCharacteristics | undefined {
  const loop = elementProperty(element, 'loopCharacteristics');
  if (loop === undefined) return undefined;
  const feel = (raw: string | undefined, what: string): string | undefined =>
    raw === undefined ? undefined : context.expressions.feel(raw, id, `the ${what} of ${subject}`);
  const formal = (name: string): string | undefined => {
    const expression = elementProperty(loop, name);
    return expression === undefined ? undefined : stringProperty(expression, 'body');
  };

  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const maximum = loop['loopMaximum'];
    return {
      kind: 'standardLoop',
      loopCondition: feel(formal('loopCondition'), 'loop condition'),
      loopMaximum: typeof maximum === 'number' && Number.isInteger(maximum) && maximum >= 0 ? maximum : undefined,
      testBefore: booleanProperty(loop, 'testBefore'),
    };
  }
  const zeebe = extensionsOf(loop).find((extension) => extension.$type === 'zeebe:LoopCharacteristics');
  const attribute = (name: string): string | undefined => (zeebe ? stringProperty(zeebe, name)?.trim() : undefined);
  const inputCollection = feel(attribute('inputCollection'), 'input collection');
  const cardinality = feel(formal('loopCardinality'), 'loop cardinality');
  if (inputCollection === undefined && cardinality === undefined) {
    context.diagnostics.error(
      DiagnosticCode.LOOP_INVALID,
      id,
      `${capitalize(subject)} is multi-instance but has no input collection. Add zeebe:loopCharacteristics with ` +
        'inputCollection="=items" (in Camunda Modeler: Multi-instance > Input collection), or a bpmn:loopCardinality.',
    );
  }
  const outputCollection = attribute('outputCollection');
  const outputElement = feel(attribute('outputElement'), 'output element');
  if ((outputCollection === undefined) !== (outputElement === undefined)) {
    context.diagnostics.error(
      DiagnosticCode.LOOP_INVALID,
      id,
      `${capitalize(subject)} has ${outputCollection === undefined ? 'an output element' : 'an output collection'} ` +
        'without the other. Set both (e.g. outputCollection="results" and outputElement="=result"), or neither.',
    );
  }
  return {
    kind: 'multiInstance',
    sequential: booleanProperty(loop, 'isSequential'),
    inputCollection,
    inputElement: attribute('inputElement'),
    cardinality,
    outputCollection,
    outputElement,
    completionCondition: feel(formal('completionCondition'), 'completion condition'),
  };
}
