import type { IntermediateThrowEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { cancelJob, createJob } from '../behaviours/job';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { broadcastSignal } from '../behaviours/signal-throw';
import { throwCompensation } from '../behaviours/compensation';
import { evaluateCode, throwEscalation } from '../behaviours/throw-events';
import type { ElementBehaviour } from '../element-behaviour';
import type { Processing } from '../processing';

/**
 * A none intermediate throw event passes the token on; an escalation throw event throws its
 * escalation and goes on (unless an interrupting catch ended it); a signal throw event broadcasts its
 * signal and goes on. A link throw event jumps to the
 * link catch event of the same name in its scope. A message throw event is, as in Camunda 8, a job whose
 * worker sends the message; it goes on when the job is completed. A compensation throw event compensates
 * (behaviours/compensation.ts) and goes on when the handlers are done.
 */
export const intermediateThrowEvent: ElementBehaviour<IntermediateThrowEventNode> = {
  activate(p, node, element, lifecycle) {
    const definition = node.eventDefinition;
    if (definition !== 'none' && definition.kind === 'message') {
      return createJob(p, definition.job, element) ? 'wait' : 'failed';
    }
    if (definition !== 'none' && definition.kind === 'compensation') {
      return throwCompensation(p, element, definition, lifecycle);
    }
    if (definition !== 'none' && definition.kind === 'escalation') {
      const code = evaluateCode(p, definition.escalationCode, element, 'escalation code');
      if (code === undefined) return 'failed';
      markActivated(p, element);
      throwEscalation(p, lifecycle, element, code);
      return 'complete';
    }
    if (definition !== 'none' && definition.kind === 'signal' && !broadcastSignal(p, definition, element, lifecycle)) {
      return 'failed';
    }
    markActivated(p, element);
    if (definition !== 'none' && definition.kind === 'link' && element.scopeKey !== undefined) {
      const target = linkCatchOf(p, node.parentId, definition.linkName);
      if (target !== undefined) lifecycle.activate(target, element.scopeKey);
    }
    return 'complete';
  },
  outgoing(p, node, element) {
    if (node.eventDefinition !== 'none' && node.eventDefinition.kind === 'link') return [];
    return leaveByConditions(p, node, element);
  },
  terminate: (p, _node, element) => cancelJob(p, element),
};

function linkCatchOf(p: Processing, parentId: string | undefined, linkName: string): string | undefined {
  for (const node of p.definition.nodes.values()) {
    if (node.kind !== 'intermediateCatchEvent' || node.parentId !== parentId) continue;
    if (node.eventDefinition.kind === 'link' && node.eventDefinition.linkName === linkName) return node.id;
  }
  return undefined;
}
