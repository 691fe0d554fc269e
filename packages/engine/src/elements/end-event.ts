import type { EndEventNode } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { broadcastSignal } from '../behaviours/signal-throw';
import { evaluateCode, throwError, throwEscalation } from '../behaviours/throw-events';
import type { ElementBehaviour } from '../element-behaviour';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';

/**
 * A none end event consumes the token. A terminate end event also ends every other element of its
 * flow scope, which then completes: a sub-process continues on its outgoing flow, a process instance
 * completes (Camunda 8: "after the termination, the process instance completes"). An error end event
 * throws its error (uncaught: an incident); an escalation end event throws its escalation and ends; a
 * signal end event broadcasts its signal and ends.
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
        if (!broadcastSignal(p, definition, element)) return 'failed';
        markActivated(p, element);
        return 'complete';
    }
  },
  outgoing: () => [],
};

function terminateSiblings(p: Processing, element: ElementInstance, terminate: (key: number) => void): void {
  if (element.scopeKey === undefined) return;
  for (const sibling of p.childrenOf(element.scopeKey)) {
    if (sibling.key !== element.key) terminate(sibling.key);
  }
  if (p.draft.joins[element.scopeKey]) p.emit({ type: 'join-tokens-discarded', scopeKey: element.scopeKey });
}
