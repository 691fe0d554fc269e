import { applyInputMappings, applyOutputMappings } from './behaviours/variable-mappings';
import { openEventTriggers } from './behaviours/event-triggers';
import { continueCompensation, recordCompensable } from './behaviours/compensation';
import { releaseEventWaits } from './behaviours/event-waits';
import { adHocConditionHolds } from './behaviours/ad-hoc';
import {
  activateLoopBody,
  continueLoop,
  finishIteration,
  loopRoleOf,
  propagateOutputCollection,
} from './behaviours/loop';
import { finishResets, isJoin, readyFlows, startResetIfNeeded, waitingInclusiveJoins } from './behaviours/joins';
import { propagateVariables, setLocalVariables } from './behaviours/variable-scope';
import type { ElementBehaviour, Lifecycle } from './element-behaviour';
import { elementBehaviours } from './element-behaviours';
import type { FlowNode, LoopCharacteristics } from '@operon/model';
import type { ElementInstance, Variables } from './instance-state';
import type { Processing } from './processing';

/**
 * The lifecycle every element shares (as in Zeebe): activating → activated → completing → completed,
 * or terminated. Input mappings run while activating, output mappings while completing; an incident
 * stops the element in that phase, and resolving it runs the phase again.
 */

function behaviourOf(node: FlowNode): ElementBehaviour<FlowNode> {
  return elementBehaviours[node.kind];
}

export function activateElement(
  p: Processing,
  elementId: string,
  scopeKey: number,
  consumedFlowIds?: readonly string[],
): number {
  const key = p.newKey();
  p.emit(
    consumedFlowIds
      ? { type: 'element-activating', key, elementId, scopeKey, consumedFlowIds }
      : { type: 'element-activating', key, elementId, scopeKey },
  );
  p.schedule(() => runActivation(p, key));
  return key;
}

/** Runs (or, after an incident, re-runs) the activation of an element. */
export function runActivation(p: Processing, key: number): void {
  const element = p.element(key);
  if (!element || element.phase !== 'activating') return;
  const node = p.node(element.elementId);
  const role = loopRoleOf(p, node, element);
  if (role === 'body' && node.loop) {
    // the body holds the boundary events; input mappings belong to each iteration, as in Camunda 8
    const outcome = activateLoopBody(p, node.loop, element, lifecycle(p));
    if (outcome === 'failed') return;
    if (!openEventTriggers(p, node, element, 'boundaries')) return;
    if (outcome === 'complete') completeElement(p, key);
    return;
  }
  if (!applyInputMappings(p, node, element, role === 'iteration')) return;
  // boundary events and event sub-processes listen from activation on, as in Zeebe
  if (!openEventTriggers(p, node, element, role === 'iteration' ? 'eventSubProcesses' : 'all')) return;
  const outcome = behaviourOf(node).activate(p, node, element, lifecycle(p));
  if (outcome === 'failed') releaseEventWaits(p, element);
  if (outcome === 'complete') completeElement(p, key);
}

/** Completes an element; `variables` (from a job, a user task or a script) merge in first. */
export function completeElement(p: Processing, key: number, variables?: Variables): void {
  const element = p.element(key);
  if (!element || element.phase !== 'active') return;
  const node = p.node(element.elementId);
  const given = variables && Object.keys(variables).length > 0 ? variables : undefined;
  // With output mappings the variables stay local and the mappings decide what leaves the element.
  if (given && node.outputs.length > 0) setLocalVariables(p, key, given);
  releaseEventWaits(p, element);
  p.emit({ type: 'element-completing', key, elementId: element.elementId });
  p.schedule(() => {
    // Without output mappings the variables propagate as the completion runs, not before: the iterations of a
    // parallel multi-instance script task all complete inside one command, and each must read its own result
    // when its output element is collected (Zeebe applies them on completion too).
    if (given && node.outputs.length === 0) propagateVariables(p, key, given);
    runCompletion(p, key);
  });
}

/** Runs (or, after an incident, re-runs) the completion of an element: outputs, then outgoing flows. */
export function runCompletion(p: Processing, key: number): void {
  const element = p.element(key);
  if (!element || element.phase !== 'completing' || element.scopeKey === undefined) return;
  const node = p.node(element.elementId);
  const role = loopRoleOf(p, node, element);
  if (role !== 'body' && !applyOutputMappings(p, node, element)) return;
  if (role === 'iteration' && node.loop) {
    completeIteration(p, node.loop, element, element.scopeKey);
    return;
  }
  if (role === 'body' && node.loop) propagateOutputCollection(p, node.loop, element);
  const flows = behaviourOf(node).outgoing(p, node, element);
  if (flows === undefined) return;
  recordCompensable(p, node, element, role);
  p.emit({ type: 'element-completed', key, elementId: element.elementId });
  for (const flowId of flows) takeFlow(p, flowId, element.scopeKey);
  tokenMoved(p, element.scopeKey);
}

/** An iteration of a loop completes into its body, which starts the next one or ends the rest. */
function completeIteration(
  p: Processing,
  loop: LoopCharacteristics,
  iteration: ElementInstance,
  bodyKey: number,
): void {
  const next = finishIteration(p, loop, iteration);
  if (next === undefined) return;
  const counter = Number(p.draft.variables[iteration.key]?.['loopCounter'] ?? 1);
  recordCompensable(p, p.node(iteration.elementId), iteration, 'iteration');
  p.emit({ type: 'element-completed', key: iteration.key, elementId: iteration.elementId });
  const body = p.element(bodyKey);
  if (body) continueLoop(p, loop, body, counter, next, lifecycle(p));
  tokenMoved(p, bodyKey);
}

function takeFlow(p: Processing, flowId: string, scopeKey: number): void {
  const flow = p.definition.flows.get(flowId);
  if (!flow) throw new Error(`sequence flow '${flowId}' is not in process '${p.definition.id}'`);
  const target = p.node(flow.targetId);
  if (!isJoin(target)) {
    p.emit({ type: 'flow-taken', flowId, scopeKey });
    activateElement(p, target.id, scopeKey);
    return;
  }
  p.emit({ type: 'flow-taken', flowId, scopeKey, joinAt: target.id });
  tryJoin(p, target, scopeKey);
}

function tryJoin(p: Processing, gateway: FlowNode, scopeKey: number): void {
  const flows = readyFlows(p, gateway, scopeKey);
  if (!flows) return;
  activateElement(p, gateway.id, scopeKey, flows);
  startResetIfNeeded(p, gateway, scopeKey);
}

/**
 * After a token left an element of a scope: an inclusive join may no longer wait for it, and a
 * scope with nothing left inside it completes.
 */
function tokenMoved(p: Processing, scopeKey: number): void {
  for (const gateway of waitingInclusiveJoins(p, scopeKey)) tryJoin(p, gateway, scopeKey);
  finishResets(p, scopeKey);
  p.schedule(() => completeScopeIfDone(p, scopeKey));
}

function completeScopeIfDone(p: Processing, scopeKey: number): void {
  const scope = p.element(scopeKey);
  if (!scope || scope.phase !== 'active') return;
  const scopeNode = p.definition.nodes.get(scope.elementId);
  if (scopeNode?.kind === 'subProcess' && scopeNode.adHoc && adHocConditionHolds(p, scopeNode.adHoc, scope)) {
    // an ad-hoc sub-process whose completion condition holds ends the rest, or lets it finish
    if (!scopeNode.adHoc.cancelRemainingInstances && p.childrenOf(scopeKey).length > 0) return;
    for (const child of p.childrenOf(scopeKey)) terminateElement(p, child.key);
    if (p.draft.joins[scopeKey]) p.emit({ type: 'join-tokens-discarded', scopeKey });
  }
  if (p.childrenOf(scopeKey).length > 0 || p.draft.joins[scopeKey]) return;
  if (scope.compensationQueue !== undefined) {
    // a compensation throw event whose handler finished: the next one, else it goes on (or its transaction ends)
    if (continueCompensation(p, scopeKey, lifecycle(p))) return;
    const node = p.node(scope.elementId);
    const behaviour = behaviourOf(node);
    if (behaviour.compensated) behaviour.compensated(p, node, scope, lifecycle(p));
    else completeElement(p, scopeKey);
    return;
  }
  if (scopeKey !== p.draft.rootKey) {
    completeElement(p, scopeKey);
    return;
  }
  releaseEventWaits(p, scope);
  p.emit({ type: 'element-completing', key: scopeKey, elementId: scope.elementId });
  p.emit({ type: 'element-completed', key: scopeKey, elementId: scope.elementId });
  p.effect({ type: 'instance-ended', status: p.draft.status });
  if (p.draft.parent) {
    p.effect({ type: 'complete-call-activity', parent: p.draft.parent, variables: p.draft.variables[scopeKey] ?? {} });
  }
}

/** Terminates an element and everything inside it, releasing jobs, tasks and incidents. */
export function terminateElement(p: Processing, key: number): void {
  const element = p.element(key);
  if (!element) return;
  for (const child of p.childrenOf(key)) terminateElement(p, child.key);
  if (element.scopeKey !== undefined) {
    const node = p.node(element.elementId);
    if (loopRoleOf(p, node, element) !== 'body') behaviourOf(node).terminate?.(p, node, element);
  }
  releaseEventWaits(p, element);
  if (element.incidentKey !== undefined) p.emit({ type: 'incident-resolved', incidentKey: element.incidentKey });
  p.emit({ type: 'element-terminated', key, elementId: element.elementId });
}

/** Starts a new instance: the process scope, then its none start event. */
export function startInstance(
  p: Processing,
  variables: Variables,
  startEventId: string = p.definition.startEventId,
): void {
  const rootKey = p.draft.rootKey;
  p.emit({ type: 'element-activating', key: rootKey, elementId: p.definition.id, scopeKey: undefined });
  setLocalVariables(p, rootKey, variables);
  p.emit({ type: 'element-activated', key: rootKey, elementId: p.definition.id });
  const root = p.element(rootKey);
  // a failing trigger of an event sub-process leaves an incident on the process; the instance still starts
  if (root) openEventTriggers(p, undefined, root);
  activateElement(p, startEventId, rootKey);
}

/** The lifecycle operations, for elements and commands that start other elements. */
export function lifecycle(p: Processing): Lifecycle {
  return {
    activate: (elementId, scopeKey) => activateElement(p, elementId, scopeKey),
    complete: (key, variables) => completeElement(p, key, variables),
    terminate: (key) => terminateElement(p, key),
  };
}
