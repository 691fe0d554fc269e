import type { Lifecycle } from '../element-behaviour';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { triggerCatch } from './catch-events';
import { startCompensation } from './compensation';
import { loopRoleOf } from './loop';

/**
 * A cancel end event cancels its transaction (BPMN 2.0.2 §10.3.5). Once the end event has ended the other
 * elements inside (as a terminate end event does), the transaction's completed activities are compensated (their
 * handlers run inside the cancel end event); then the transaction is terminated and left by its cancel boundary
 * event. An error leaving a transaction by an error boundary event compensates nothing: the specification calls
 * that a hazard.
 */
export function cancelTransaction(p: Processing, cancelEnd: ElementInstance, lifecycle: Lifecycle): 'wait' | 'failed' {
  const transactionKey = cancelEnd.scopeKey;
  if (transactionKey === undefined) return 'failed';
  if (!startCompensation(p, cancelEnd, transactionKey, lifecycle)) leaveCancelledTransaction(p, cancelEnd, lifecycle);
  return 'wait';
}

/** After the compensation: the transaction ends and its cancel boundary event takes over. */
export function leaveCancelledTransaction(p: Processing, cancelEnd: ElementInstance, lifecycle: Lifecycle): void {
  const transaction = cancelEnd.scopeKey === undefined ? undefined : p.element(cancelEnd.scopeKey);
  if (!transaction) return;
  // a multi-instance transaction: the body holds the boundary events
  const node = p.node(transaction.elementId);
  const body = loopRoleOf(p, node, transaction) === 'iteration' ? p.element(transaction.scopeKey ?? -1) : undefined;
  const host = body ?? transaction;
  const cancelBoundary = node.boundaryEventIds.find((id) => {
    const boundary = p.node(id);
    return boundary.kind === 'boundaryEvent' && boundary.eventDefinition.kind === 'cancel';
  });
  // the model refuses a transaction with a cancel end event and no cancel boundary event (CANCEL_EVENT_INVALID)
  if (cancelBoundary === undefined) return;
  triggerCatch(p, lifecycle, { kind: 'boundary', host, eventId: cancelBoundary, interrupting: true }, {});
}
