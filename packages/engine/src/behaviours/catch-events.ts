import type { FlowNode } from '@operon/model';
import type { Lifecycle } from '../element-behaviour';
import type { ElementInstance, Variables } from '../instance-state';
import type { Processing } from '../processing';
import { releaseEventWaits } from './event-waits';
import { loopRoleOf } from './loop';
import { setLocalVariables } from './variable-scope';

/**
 * Where a triggered event takes over: a boundary event of an activity instance (`host`), or an event
 * sub-process started inside a scope instance (`scope`). Interrupting catches end what they interrupt
 * first: the activity, or everything else in the scope (BPMN 2.0.2 §10.5.6, Camunda 8 alike).
 */
export type Catch =
  | {
      readonly kind: 'boundary';
      readonly host: ElementInstance;
      readonly eventId: string;
      readonly interrupting: boolean;
    }
  | {
      /** An event after an event-based gateway: the gateway completes towards it. */
      readonly kind: 'eventGateway';
      readonly gateway: ElementInstance;
      readonly eventId: string;
      readonly interrupting: true;
    }
  | {
      readonly kind: 'eventSubProcess';
      readonly scope: ElementInstance;
      readonly eventSubProcessId: string;
      readonly eventId: string;
      readonly interrupting: boolean;
    };

/** The catch a timer or message held by `holder` for the event `eventId` starts; undefined for the holder's own event. */
export function catchOf(p: Processing, holder: ElementInstance, eventId: string): Catch | undefined {
  if (holder.elementId === eventId) return undefined;
  if (p.definition.nodes.get(holder.elementId)?.kind === 'eventBasedGateway') {
    return { kind: 'eventGateway', gateway: holder, eventId, interrupting: true };
  }
  const node = p.node(eventId);
  if (node.kind === 'boundaryEvent') {
    return { kind: 'boundary', host: holder, eventId, interrupting: node.interrupting };
  }
  if (node.kind === 'startEvent' && node.parentId !== undefined) {
    return {
      kind: 'eventSubProcess',
      scope: holder,
      eventSubProcessId: node.parentId,
      eventId,
      interrupting: node.interrupting,
    };
  }
  return undefined;
}

/**
 * The catch of a thrown error or escalation, searched from the thrower outwards as Zeebe does: the
 * thrower's own boundary events (for a job's error), then at each enclosing scope its event
 * sub-processes, then the scope's boundary events. At each step an event with the same code wins over
 * one that catches every code. An event sub-process does not catch what is thrown inside another event
 * sub-process of the same scope.
 */
export function findCatch(
  p: Processing,
  thrower: ElementInstance,
  kind: 'error' | 'escalation',
  code: string,
  ownBoundaries: boolean,
): Catch | undefined {
  if (ownBoundaries && !isLoopIteration(p, thrower)) {
    const own = boundaryCatch(p, thrower, kind, code);
    if (own) return own;
  }
  let child = thrower;
  while (child.scopeKey !== undefined) {
    const scope = p.element(child.scopeKey);
    if (!scope) return undefined;
    const scopeNode = scope.key === p.draft.rootKey ? undefined : p.node(scope.elementId);
    const childNode = p.definition.nodes.get(child.elementId);
    const fromEventSubProcess = childNode?.kind === 'subProcess' && childNode.triggeredByEvent;
    // a multi-instance body holds the boundary events; each iteration holds the event sub-processes
    const isBody = scopeNode !== undefined && loopRoleOf(p, scopeNode, scope) === 'body';
    if (!fromEventSubProcess && !isBody) {
      const started = eventSubProcessCatch(p, scope, scopeNode, kind, code);
      if (started) return started;
    }
    if (scopeNode && !isLoopIteration(p, scope)) {
      const boundary = boundaryCatch(p, scope, kind, code);
      if (boundary) return boundary;
    }
    child = scope;
  }
  return undefined;
}

function isLoopIteration(p: Processing, element: ElementInstance): boolean {
  const node = p.definition.nodes.get(element.elementId);
  return node !== undefined && loopRoleOf(p, node, element) === 'iteration';
}

function boundaryCatch(
  p: Processing,
  host: ElementInstance,
  kind: 'error' | 'escalation',
  code: string,
): Catch | undefined {
  const candidates = p.node(host.elementId).boundaryEventIds.map((id) => p.node(id));
  const match = bestMatch(candidates, kind, code, (node) =>
    node.kind === 'boundaryEvent' ? node.eventDefinition : undefined,
  );
  if (match?.kind !== 'boundaryEvent') return undefined;
  return { kind: 'boundary', host, eventId: match.id, interrupting: match.interrupting };
}

function eventSubProcessCatch(
  p: Processing,
  scope: ElementInstance,
  scopeNode: FlowNode | undefined,
  kind: 'error' | 'escalation',
  code: string,
): Catch | undefined {
  const ids =
    scopeNode === undefined
      ? p.definition.eventSubProcessIds
      : scopeNode.kind === 'subProcess'
        ? scopeNode.eventSubProcessIds
        : [];
  const starts = ids.flatMap((id) => {
    const eventSubProcess = p.node(id);
    return eventSubProcess.kind === 'subProcess' ? [p.node(eventSubProcess.startEventId)] : [];
  });
  const match = bestMatch(starts, kind, code, (node) =>
    node.kind === 'startEvent' && node.eventDefinition !== 'none' ? node.eventDefinition : undefined,
  );
  if (match?.kind !== 'startEvent' || match.parentId === undefined) return undefined;
  return {
    kind: 'eventSubProcess',
    scope,
    eventSubProcessId: match.parentId,
    eventId: match.id,
    interrupting: match.interrupting,
  };
}

type CatchDefinition = { readonly kind: string; readonly errorCode?: unknown; readonly escalationCode?: unknown };

function bestMatch(
  nodes: readonly FlowNode[],
  kind: 'error' | 'escalation',
  code: string,
  definitionOf: (node: FlowNode) => CatchDefinition | undefined,
): FlowNode | undefined {
  let catchAll: FlowNode | undefined;
  for (const node of nodes) {
    const definition = definitionOf(node);
    if (definition?.kind !== kind) continue;
    const caught = kind === 'error' ? definition.errorCode : definition.escalationCode;
    if (caught === code) return node;
    if (caught === undefined) catchAll ??= node;
  }
  return catchAll;
}

/**
 * Starts a catch with the variables its trigger carried (a message's, a thrown error's): they become
 * local variables of the catching event, which propagates them when it completes (or maps them with
 * its output mappings).
 */
export function triggerCatch(p: Processing, lifecycle: Lifecycle, caught: Catch, variables: Variables): void {
  if (caught.kind === 'eventGateway') {
    if (caught.gateway.scopeKey === undefined) return;
    p.chooseGatewayEvent(caught.gateway.key, caught.gateway.scopeKey, caught.eventId, variables);
    lifecycle.complete(caught.gateway.key);
    return;
  }
  if (caught.kind === 'boundary') {
    const scopeKey = caught.host.scopeKey;
    if (scopeKey === undefined) return;
    if (caught.interrupting) lifecycle.terminate(caught.host.key);
    const key = lifecycle.activate(caught.eventId, scopeKey);
    setLocalVariables(p, key, variables);
    return;
  }
  if (caught.interrupting) interruptScope(p, lifecycle, caught.scope);
  const key = lifecycle.activate(caught.eventSubProcessId, caught.scope.key);
  p.handOverTrigger(key, variables);
}

/** An interrupting event sub-process ends everything else in its scope and every other event it waits for. */
function interruptScope(p: Processing, lifecycle: Lifecycle, scope: ElementInstance): void {
  for (const child of p.childrenOf(scope.key)) lifecycle.terminate(child.key);
  if (p.draft.joins[scope.key]) p.emit({ type: 'join-tokens-discarded', scopeKey: scope.key });
  releaseEventWaits(p, scope);
}
