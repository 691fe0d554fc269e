import { evaluateExpression } from '@operon/feel';
import type { FlowNode, ProcessDefinition } from '@operon/model';
import { RESETTING } from '../apply';
import { visibleVariables } from './variable-scope';
import type { Processing } from '../processing';

/** A gateway joins when it is parallel or inclusive and has more than one incoming flow. */
export function isJoin(node: FlowNode): boolean {
  return (
    (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway' || node.kind === 'complexGateway') &&
    node.incoming.length > 1
  );
}

/**
 * The incoming flows a joining gateway consumes now, or undefined while it must wait.
 * Parallel: a token on every incoming flow. Inclusive: at least one token, and no token elsewhere
 * in the scope that can still reach the gateway.
 */
export function readyFlows(p: Processing, gateway: FlowNode, scopeKey: number): readonly string[] | undefined {
  const arrived = p.draft.joins[scopeKey]?.[gateway.id];
  if (!arrived) return undefined;
  if (gateway.kind === 'parallelGateway') {
    return gateway.incoming.every((flowId) => (arrived[flowId] ?? 0) > 0) ? gateway.incoming : undefined;
  }
  const withToken = gateway.incoming.filter((flowId) => (arrived[flowId] ?? 0) > 0);
  if (gateway.kind === 'complexGateway') {
    if (arrived[RESETTING] !== undefined || withToken.length === 0) return undefined;
    if (gateway.activationCondition !== undefined) {
      const variables = { ...visibleVariables(p, scopeKey), activationCount: withToken.length };
      // a condition that fails to evaluate does not hold; the gateway fires as an inclusive join at the latest
      const result = evaluateExpression(gateway.activationCondition, variables, { now: p.context.now });
      if (result.ok && result.value === true) return withToken;
    }
  }
  if (canStillArrive(p, gateway.id, scopeKey)) return undefined;
  return withToken;
}

/** After a complex gateway fired: it absorbs the tokens still on their way, if any can arrive. */
export function startResetIfNeeded(p: Processing, gateway: FlowNode, scopeKey: number): void {
  if (gateway.kind !== 'complexGateway' || !canStillArrive(p, gateway.id, scopeKey)) return;
  p.emit({ type: 'join-reset', scopeKey, gatewayId: gateway.id, resetting: true });
}

/** A complex gateway in its reset whose tokens can no longer arrive drops the ones it absorbed. */
export function finishResets(p: Processing, scopeKey: number): void {
  for (const [gatewayId, arrived] of Object.entries(p.draft.joins[scopeKey] ?? {})) {
    if (arrived[RESETTING] === undefined || canStillArrive(p, gatewayId, scopeKey)) continue;
    p.emit({ type: 'join-reset', scopeKey, gatewayId, resetting: false });
  }
}

/** The inclusive joins of a scope that hold tokens. */
export function waitingInclusiveJoins(p: Processing, scopeKey: number): FlowNode[] {
  const joins = p.draft.joins[scopeKey];
  if (!joins) return [];
  return Object.keys(joins)
    .map((gatewayId) => p.node(gatewayId))
    .filter((node) => node.kind === 'inclusiveGateway' || node.kind === 'complexGateway');
}

function canStillArrive(p: Processing, gatewayId: string, scopeKey: number): boolean {
  const upstream = upstreamOf(p.definition, gatewayId);
  for (const element of p.childrenOf(scopeKey)) if (upstream.has(element.elementId)) return true;
  for (const otherGatewayId of Object.keys(p.draft.joins[scopeKey] ?? {})) {
    if (otherGatewayId !== gatewayId && upstream.has(otherGatewayId)) return true;
  }
  return false;
}

const upstreamCache = new WeakMap<ProcessDefinition, Map<string, ReadonlySet<string>>>();

/** The nodes from which a token can reach the gateway without passing through it. */
function upstreamOf(definition: ProcessDefinition, gatewayId: string): ReadonlySet<string> {
  let byGateway = upstreamCache.get(definition);
  if (!byGateway) {
    byGateway = new Map<string, ReadonlySet<string>>();
    upstreamCache.set(definition, byGateway);
  }
  const cached = byGateway.get(gatewayId);
  if (cached) return cached;
  const upstream = new Set<string>();
  const pending = [gatewayId];
  while (pending.length > 0) {
    const node = definition.nodes.get(pending.pop() ?? '');
    for (const flowId of node?.incoming ?? []) {
      const sourceId = definition.flows.get(flowId)?.sourceId;
      if (sourceId === undefined || sourceId === gatewayId || upstream.has(sourceId)) continue;
      upstream.add(sourceId);
      pending.push(sourceId);
    }
  }
  byGateway.set(gatewayId, upstream);
  return upstream;
}
