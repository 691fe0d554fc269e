import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize } from './element-label';
import { extensionsOf, stringProperty, type ModdleElement } from './moddle-element';
import type { CallActivityNode, TaskNode } from './process-definition';

type CallActivityFields = Omit<CallActivityNode, keyof TaskNode>;

/** `zeebe:calledElement`: the called process id (static or FEEL) and how variables propagate (both default true). */
export function buildCallActivity(
  element: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): CallActivityFields {
  const called = extensionsOf(element).find((extension) => extension.$type === 'zeebe:CalledElement');
  const processId = (called && stringProperty(called, 'processId')) ?? stringProperty(element, 'calledElement');
  if (processId === undefined) {
    context.diagnostics.error(
      DiagnosticCode.CALLED_ELEMENT_MISSING,
      id,
      `${capitalize(subject)} does not say which process to call. Add zeebe:calledElement with a processId ` +
        '(in Camunda Modeler: Called element > Process ID), e.g. processId="payment" or processId="=subProcessId".',
    );
  }
  const flag = (name: string): boolean => called?.[name] !== false;
  return {
    calledProcessId: context.expressions.value((processId ?? '').trim(), id, `the called process id of ${subject}`),
    propagateAllParentVariables: flag('propagateAllParentVariables'),
    propagateAllChildVariables: flag('propagateAllChildVariables'),
  };
}
