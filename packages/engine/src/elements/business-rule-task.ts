import { evaluateDecision } from '@operon/dmn';
import type { BusinessRuleTaskNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { describeFailure, evaluateValue, expressionText } from '../behaviours/expressions';
import { raiseIncident } from '../behaviours/incidents';
import { cancelJob, createJob } from '../behaviours/job';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { visibleVariables } from '../behaviours/variable-scope';
import type { ElementBehaviour } from '../element-behaviour';
import { IncidentType } from '../instance-state';

/**
 * A business rule task evaluates its called decision (the latest deployed version) with the
 * variables it sees, records the evaluation for audit, and completes with the result in its result
 * variable. A missing decision or an evaluation error is an incident. With a task definition it is a
 * job for a worker instead.
 */
export const businessRuleTask: ElementBehaviour<BusinessRuleTaskNode> = {
  activate(p, node, element, lifecycle) {
    if (node.job) return createJob(p, node.job, element) ? 'wait' : 'failed';
    if (!node.calledDecision) return 'failed';
    const variables = visibleVariables(p, element.key);
    const id = evaluateValue(p, node.calledDecision.decisionId, variables);
    if (!id.ok || typeof id.value !== 'string' || id.value === '') {
      raiseIncident(
        p,
        element,
        IncidentType.expression,
        `The decision id '${expressionText(node.calledDecision.decisionId)}' of '${node.id}' must give text: ${describeFailure(id)}.`,
      );
      return 'failed';
    }
    const model = p.context.decisions?.(id.value);
    if (!model) {
      raiseIncident(
        p,
        element,
        IncidentType.decision,
        `No deployed decision has the id '${id.value}' (called by '${node.id}'). Deploy the .dmn file that defines it, then resolve the incident.`,
      );
      return 'failed';
    }
    const result = evaluateDecision(model, id.value, variables, { now: p.context.now });
    if (result.errors.length > 0) {
      raiseIncident(
        p,
        element,
        IncidentType.decision,
        `Decision '${id.value}' failed: ${result.errors.slice(0, 3).join('; ')}. Fix the decision or the variables it reads, then resolve the incident.`,
      );
      return 'failed';
    }
    markActivated(p, element);
    p.emit({
      type: 'decision-evaluated',
      elementInstanceKey: element.key,
      elementId: node.id,
      decisionId: id.value,
      decisions: result.decisions,
    });
    lifecycle.complete(element.key, { [node.calledDecision.resultVariable]: result.value });
    return 'wait';
  },
  outgoing: leaveByConditions,
  terminate: (p, _node, element) => cancelJob(p, element),
};
