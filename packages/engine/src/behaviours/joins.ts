import type { FlowNode, ProcessDefinition } from '@operon/model';
import type { Processing } from '../processing';

/** A gateway joins when it is parallel or inclusive and has more than one incoming flow. */
export function isJoin(node: FlowNode): boolean {
  return (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway') && node.incoming.length > 1;
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
  if (canStillArrive(p, gateway.id, scopeKey)) return undefined;
  return gateway.incoming.filter((flowId) => (arrived[flowId] ?? 0) > 0);
}

/** The inclusive joins of a scope that hold tokens. */
export function waitingInclusiveJoins(p: Processing, scopeKey: number): FlowNode[] {
  const joins = p.draft.joins[scopeKey];
  if (!joins) return [];
  return Object.keys(joins)
    .map((gatewayId) => p.node(gatewayId))
    .filter((node) => node.kind === 'inclusiveGateway');
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
