import type { EndEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { cancelJob, createJob } from '../behaviours/job';
import { broadcastSignal } from '../behaviours/signal-throw';
import { throwCompensation } from '../behaviours/compensation';
import { cancelTransaction, leaveCancelledTransaction } from '../behaviours/transaction-cancel';
import { evaluateCode, throwError, throwEscalation } from '../behaviours/throw-events';
import type { ElementBehaviour } from '../element-behaviour';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';

/**
 * A none end event consumes the token. A terminate end event also ends every other element of its
 * flow scope, which then completes: a sub-process continues on its outgoing flow, a process instance
 * completes (Camunda 8: "after the termination, the process instance completes"). An error end event
 * throws its error (uncaught: an incident); an escalation end event throws its escalation and ends; a
 * signal end event broadcasts its signal and ends. A message end event is, as in Camunda 8, a job whose
 * worker sends the message; it ends when the job is completed. A compensation end event compensates its scope
 * (behaviours/compensation.ts) and ends when the handlers are done; a cancel end event cancels its transaction.
 */
export const endEvent: ElementBehaviour<EndEventNode> = {
  activate(p, node, element, lifecycle) {
    const definition = node.eventDefinition;
    if (definition === 'none') {
      markActivated(p, element);
      return 'complete';
    }
    if (definition === 'terminate') {
      markActivated(p, element);
      terminateSiblings(p, element, (key) => lifecycle.terminate(key));
      return 'complete';
    }
    switch (definition.kind) {
      case 'error': {
        const code = evaluateCode(p, definition.errorCode, element, 'error code');
        if (code === undefined) return 'failed';
        const error = { code, message: definition.errorMessage ?? '', variables: {} };
        // caught: the catch ended this end event with its scope
        return throwError(p, lifecycle, element, error, false) ? 'wait' : 'failed';
      }
      case 'escalation': {
        const code = evaluateCode(p, definition.escalationCode, element, 'escalation code');
        if (code === undefined) return 'failed';
        markActivated(p, element);
        throwEscalation(p, lifecycle, element, code);
        return 'complete';
      }
      case 'signal':
        if (!broadcastSignal(p, definition, element, lifecycle)) return 'failed';
        markActivated(p, element);
        return 'complete';
      case 'message':
        return createJob(p, definition.job, element) ? 'wait' : 'failed';
      case 'compensation':
        return throwCompensation(p, element, definition, lifecycle);
      case 'cancel':
        terminateSiblings(p, element, (key) => lifecycle.terminate(key));
        return cancelTransaction(p, element, lifecycle);
    }
  },
  outgoing: () => [],
  compensated(p, node, element, lifecycle) {
    if (
      node.eventDefinition !== 'none' &&
      node.eventDefinition !== 'terminate' &&
      node.eventDefinition.kind === 'cancel'
    ) {
      leaveCancelledTransaction(p, element, lifecycle);
    } else lifecycle.complete(element.key);
  },
  terminate: (p, _node, element) => cancelJob(p, element),
};

function terminateSiblings(p: Processing, element: ElementInstance, terminate: (key: number) => void): void {
  if (element.scopeKey === undefined) return;
  for (const sibling of p.childrenOf(element.scopeKey)) {
    if (sibling.key !== element.key) terminate(sibling.key);
  }
  if (p.draft.joins[element.scopeKey]) p.emit({ type: 'join-tokens-discarded', scopeKey: element.scopeKey });
}
