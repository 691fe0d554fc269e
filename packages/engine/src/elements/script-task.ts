import type { ScriptTaskNode } from '@operon/model';
import { evaluateExpression } from '@operon/feel';
import { markActivated } from '../behaviours/activation';
import { raiseIncident } from '../behaviours/incidents';
import { cancelJob, createJob } from '../behaviours/job';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { visibleVariables } from '../behaviours/variable-scope';
import type { ElementBehaviour } from '../element-behaviour';
import { IncidentType } from '../instance-state';

/**
 * A script task evaluates its `zeebe:script` FEEL expression and stores the result in its result
 * variable, which then propagates like a job's variables. With a `zeebe:taskDefinition` instead,
 * it is a job for a worker, like a service task.
 */
export const scriptTask: ElementBehaviour<ScriptTaskNode> = {
  activate(p, node, element, lifecycle) {
    if (node.job) return createJob(p, node.job, element) ? 'wait' : 'failed';
    if (!node.script) return 'failed';
    const result = evaluateExpression(node.script.expression, visibleVariables(p, element.key), { now: p.context.now });
    if (!result.ok) {
      raiseIncident(
        p,
        element,
        IncidentType.expression,
        `The script '${node.script.expression}' of '${node.id}' failed: ${result.error.message}. Fix the expression, then resolve the incident.`,
      );
      return 'failed';
    }
    markActivated(p, element);
    lifecycle.complete(element.key, { [node.script.resultVariable]: result.value });
    return 'wait';
  },
  outgoing: leaveByConditions,
  terminate: (p, _node, element) => cancelJob(p, element),
};
