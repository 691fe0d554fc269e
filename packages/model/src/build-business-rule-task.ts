import type { BuildContext } from './build-context';
import { buildJob } from './build-task';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize } from './element-label';
import { extensionsOf, stringProperty, type ModdleElement } from './moddle-element';
import type { BusinessRuleTaskNode, TaskNode } from './process-definition';
import type { ZeebeExtensions } from './zeebe-extensions';

type BusinessRuleTaskFields = Omit<BusinessRuleTaskNode, keyof TaskNode>;

/** `zeebe:calledDecision` (decision id, result variable), or a `zeebe:taskDefinition` job. */
export function buildBusinessRuleTask(
  element: ModdleElement,
  zeebe: ZeebeExtensions,
  id: string,
  subject: string,
  context: BuildContext,
): BusinessRuleTaskFields {
  const job = buildJob(zeebe, id, subject, context);
  const called = extensionsOf(element).find((extension) => extension.$type === 'zeebe:CalledDecision');
  const decisionId = called ? stringProperty(called, 'decisionId') : undefined;
  const resultVariable = called ? stringProperty(called, 'resultVariable') : undefined;
  if (job !== undefined) return { job, calledDecision: undefined };
  if (
    decisionId === undefined ||
    decisionId.trim() === '' ||
    resultVariable === undefined ||
    resultVariable.trim() === ''
  ) {
    context.diagnostics.error(
      DiagnosticCode.MISSING_TASK_TYPE,
      id,
      `${capitalize(subject)} needs a decision to call: add zeebe:calledDecision with a decisionId and a ` +
        'resultVariable (in Camunda Modeler: Implementation > DMN decision), or a zeebe:taskDefinition for a job worker.',
    );
    return { job: undefined, calledDecision: undefined };
  }
  return {
    job: undefined,
    calledDecision: {
      decisionId: context.expressions.value(decisionId.trim(), id, `the decision id of ${subject}`),
      resultVariable: resultVariable.trim(),
    },
  };
}
