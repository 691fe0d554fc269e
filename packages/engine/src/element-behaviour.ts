import type { FlowNode, NodeKind, FlowNodeOfKind } from '@operon/model';
import type { ElementInstance, Variables } from './instance-state';
import type { Processing } from './processing';

/**
 * What an element does once activated: `complete` at once; `wait` until something completes it (a job,
 * a user task, its children, or a completion it has already asked the lifecycle for); or `failed`:
 * it stopped at an incident.
 */
export type ActivationOutcome = 'complete' | 'wait' | 'failed';

/** The lifecycle operations an element may start for other elements (see lifecycle.ts). */
export interface Lifecycle {
  /** Activates an element in a scope; returns its new element instance key. */
  activate(elementId: string, scopeKey: number): number;
  complete(key: number, variables?: Variables): void;
  terminate(key: number): void;
}

/**
 * The hooks of one BPMN element kind. The shared lifecycle (lifecycle.ts) runs input mappings before
 * `activate`, output mappings before `outgoing`, and cleans up scopes and incidents on termination.
 */
export interface ElementBehaviour<N extends FlowNode> {
  activate(p: Processing, node: N, element: ElementInstance, lifecycle: Lifecycle): ActivationOutcome;
  /** The flows to take on completion; undefined when none can be taken (an incident was raised). */
  outgoing(p: Processing, node: N, element: ElementInstance): readonly string[] | undefined;
  /** Releases what the element holds (a job, a user task) when it is terminated. */
  terminate?(p: Processing, node: N, element: ElementInstance): void;
  /** After the compensation the element started (its handlers ran inside it) is done; without it, it completes. */
  compensated?(p: Processing, node: N, element: ElementInstance, lifecycle: Lifecycle): void;
}

export type ElementBehaviours = { readonly [K in NodeKind]: ElementBehaviour<FlowNodeOfKind<K>> };
