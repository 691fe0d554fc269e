import type { DmnModel } from '@operon/dmn';
import type { FlowNode, ProcessDefinition } from '@operon/model';
import { applyToDraft } from './apply';
import type { Effect } from './effect';
import type { EngineEvent } from './engine-event';
import type { ElementInstance, Variables } from './instance-state';
import type { StateDraft } from './state-draft';

/** What the caller passes in: the clock and the definition the instance runs. */
export interface EngineContext {
  /** Milliseconds since the epoch; the engine never reads a clock of its own. */
  readonly now: number;
  readonly definition: ProcessDefinition;
  /** The deployed DMN model that holds a decision (latest version), for business rule tasks. */
  readonly decisions?: DecisionLookup;
}

export type DecisionLookup = (decisionId: string) => DmnModel | undefined;

/**
 * One command being processed: a working state, the events and effects so far, and an agenda of
 * follow-up steps run in order (first in, first out) so that long chains do not recurse.
 * Every state change goes through `emit`, which applies the event.
 */
export class Processing {
  readonly events: EngineEvent[] = [];
  readonly effects: Effect[] = [];
  private readonly agenda: (() => void)[] = [];
  private readonly triggers = new Map<number, Variables>();
  private readonly gatewayChoices = new Map<number, string>();
  private readonly gatewayTriggers = new Map<string, Variables>();
  private reservedKey: number;

  constructor(
    readonly draft: StateDraft,
    readonly context: EngineContext,
  ) {
    this.reservedKey = draft.nextKey;
  }

  get definition(): ProcessDefinition {
    return this.context.definition;
  }

  emit(event: EngineEvent): void {
    this.events.push(event);
    applyToDraft(this.draft, event);
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  /** A fresh key; the event that introduces it records it in the state. */
  newKey(): number {
    const key = Math.max(this.reservedKey, this.draft.nextKey);
    this.reservedKey = key + 1;
    return key;
  }

  /**
   * Variables a trigger carried into an event sub-process, kept until its start event activates in this
   * command. (An incident in between, in the sub-process's input mappings, loses them.)
   */
  handOverTrigger(eventSubProcessKey: number, variables: Variables): void {
    if (Object.keys(variables).length > 0) this.triggers.set(eventSubProcessKey, variables);
  }

  takeTrigger(eventSubProcessKey: number): Variables | undefined {
    const variables = this.triggers.get(eventSubProcessKey);
    this.triggers.delete(eventSubProcessKey);
    return variables;
  }

  /**
   * An event after an event-based gateway was triggered: the gateway takes the flow to it (`chosenEvent`), and
   * the event, activated by that flow in this command, completes at once with the trigger's variables.
   */
  chooseGatewayEvent(gatewayKey: number, scopeKey: number, eventId: string, variables: Variables): void {
    this.gatewayChoices.set(gatewayKey, eventId);
    this.gatewayTriggers.set(`${scopeKey}/${eventId}`, variables);
  }

  chosenEvent(gatewayKey: number): string | undefined {
    return this.gatewayChoices.get(gatewayKey);
  }

  takeGatewayTrigger(scopeKey: number, eventId: string): Variables | undefined {
    const key = `${scopeKey}/${eventId}`;
    const variables = this.gatewayTriggers.get(key);
    this.gatewayTriggers.delete(key);
    return variables;
  }

  schedule(step: () => void): void {
    this.agenda.push(step);
  }

  /** Runs the agenda until nothing is left to do. */
  drain(): void {
    for (let index = 0; index < this.agenda.length; index++) this.agenda[index]?.();
    this.agenda.length = 0;
  }

  node(elementId: string): FlowNode {
    const node = this.definition.nodes.get(elementId);
    if (!node) throw new Error(`element '${elementId}' is not in process '${this.definition.id}'`);
    return node;
  }

  element(key: number): ElementInstance | undefined {
    return this.draft.elements[key];
  }

  /** The element instances directly inside a scope. */
  childrenOf(scopeKey: number): ElementInstance[] {
    const children: ElementInstance[] = [];
    for (const element of Object.values(this.draft.elements)) if (element.scopeKey === scopeKey) children.push(element);
    return children;
  }
}
