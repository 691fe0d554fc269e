import {
  deliveryOf,
  type Command,
  type Effect,
  type ErrorThrower,
  type InstanceState,
  type ParentReference,
} from '@operon/engine';
import type { Store } from '@operon/store';
import type { CommandLoop, CommittedStep } from './command-loop';
import type { DefinitionRegistry } from './definition-registry';
import { UserError } from './operon-error';

const callEffectTypes = [
  'create-child-instance',
  'cancel-child-instance',
  'complete-call-activity',
  'fail-call-activity',
  'propagate-error',
  'error-not-caught',
] as const;
type CallEffect = Extract<Effect, { type: (typeof callEffectTypes)[number] }>;

/**
 * Call activities across instances. The engine names each child instance by a key derived from the parent
 * (so re-processing names the same child) and records it in the parent's state; after each commit this
 * carries out the effects: create the child (latest version of the called process), cancel it, report
 * its end to the parent, pass an error it does not catch up to the parent, or tell an error's thrower that
 * no ancestor caught it. A crash between the parent's commit and these steps is repaired by `recover`,
 * which compares parents and children after a start: a missing child is created, a finished child is
 * reported, a child whose call activity is gone is cancelled, an error a child passed up is passed again when
 * its call activity has not taken it up. Every step is idempotent.
 */
export class CallActivities {
  private recovery: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly loop: CommandLoop,
    private readonly definitions: DefinitionRegistry,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  /** Carries out the call activity effects of committed steps (after the commit, as all effects). */
  dispatch(step: CommittedStep): void {
    for (const effect of step.effects) {
      if (!isCallEffect(effect)) continue;
      this.carryOut(step.tenantId, effect).catch((error: unknown) =>
        this.log(`Could not carry out '${effect.type}'; it is repaired at the next start.`, error),
      );
    }
  }

  private async carryOut(tenantId: string, effect: CallEffect): Promise<void> {
    switch (effect.type) {
      case 'create-child-instance':
        return this.createChild(tenantId, effect);
      case 'cancel-child-instance':
      case 'error-not-caught': {
        const delivery = deliveryOf(effect, '');
        return this.send(tenantId, delivery.instanceKey, delivery.command);
      }
      case 'complete-call-activity':
      case 'fail-call-activity':
      case 'propagate-error':
        return this.toParent(
          tenantId,
          effect.parent,
          (childInstanceKey) => deliveryOf(effect, childInstanceKey).command,
        );
    }
  }

  private async createChild(tenantId: string, effect: Extract<Effect, { type: 'create-child-instance' }>) {
    // a child that exists already was created before a crash, or by another node's recovery
    if (await this.store.loadInstance(tenantId, effect.childInstanceKey)) return;
    let definitionKey: string;
    try {
      definitionKey = (await this.definitions.find(tenantId, effect.processId)).record.definitionKey;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      await this.send(tenantId, effect.parent.instanceKey, {
        type: 'fail-call-activity',
        elementInstanceKey: effect.parent.elementInstanceKey,
        childInstanceKey: effect.childInstanceKey,
        message: `The called process '${effect.processId}' is not deployed. Deploy it, then resolve the incident.`,
      });
      return;
    }
    await this.loop
      .submit({
        tenantId,
        instanceKey: effect.childInstanceKey,
        definitionKey,
        command: {
          type: 'create-instance',
          instanceKey: effect.childInstanceKey,
          variables: effect.variables,
          parent: effect.parent,
        },
      })
      .catch((error: unknown) => {
        if (!(error instanceof UserError)) throw error;
      });
  }

  /** The child's key is the one its parent recorded; a command for a parent that moved on is refused and dropped. */
  private async toParent(
    tenantId: string,
    parent: ParentReference,
    command: (childInstanceKey: string) => Command,
  ): Promise<void> {
    const stored = await this.store.loadInstance(tenantId, parent.instanceKey);
    const childInstanceKey = stored?.state.elements[parent.elementInstanceKey]?.calledInstanceKey;
    if (childInstanceKey === undefined) return;
    await this.send(tenantId, parent.instanceKey, command(childInstanceKey));
  }

  private async send(tenantId: string, instanceKey: string, command: Command): Promise<void> {
    try {
      await this.loop.submit({ tenantId, instanceKey, command });
    } catch (error) {
      if (!(error instanceof UserError)) throw error; // the instance ended or moved on meanwhile
    }
  }

  /**
   * Repairs what a crash cut off, by comparing every active parent with its children and every active
   * child with its parent. Runs in the background after a start; each repair is an ordinary command.
   */
  recover(tenantId: string): Promise<void> {
    this.recovery = this.recoverAll(tenantId);
    return this.recovery;
  }

  /** Whether the element that first threw the error still waits for it to be caught (no incident yet). */
  private async stillWaits(tenantId: string, here: InstanceState, thrower: ErrorThrower, code: string) {
    const state =
      thrower.instanceKey === here.instanceKey
        ? here
        : (await this.store.loadInstance(tenantId, thrower.instanceKey))?.state;
    const element = state?.status === 'active' ? state.elements[thrower.elementInstanceKey] : undefined;
    return element?.propagatedError?.code === code && element.incidentKey === undefined;
  }

  /** Stops a recovery in progress after its current instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.recovery?.catch(() => undefined);
  }

  private async recoverAll(tenantId: string): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.store.queryInstances(
        { tenantId, status: 'active' },
        { limit: 200, ...(cursor === undefined ? {} : { cursor }) },
      );
      for (const summary of page.items) {
        if (this.stopped) return;
        const stored = await this.store.loadInstance(tenantId, summary.instanceKey);
        if (stored?.state.status === 'active') await this.recoverInstance(tenantId, stored.state);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  private async recoverInstance(tenantId: string, state: InstanceState): Promise<void> {
    for (const element of Object.values(state.elements)) {
      const childKey = element.calledInstanceKey;
      if (childKey === undefined || element.phase !== 'active' || element.incidentKey !== undefined) continue;
      const child = await this.store.loadInstance(tenantId, childKey);
      const parent = { instanceKey: state.instanceKey, elementInstanceKey: element.key, elementId: element.elementId };
      if (!child) {
        const resumed = await this.loop
          .submit({
            tenantId,
            instanceKey: state.instanceKey,
            command: { type: 'resume-call-activity', elementInstanceKey: element.key, childInstanceKey: childKey },
          })
          .catch(() => undefined);
        for (const effect of resumed?.effects ?? []) if (isCallEffect(effect)) await this.carryOut(tenantId, effect);
      } else if (child.state.status === 'completed') {
        const variables = child.state.variables[child.state.rootKey] ?? {};
        await this.carryOut(tenantId, { type: 'complete-call-activity', parent, variables });
      } else if (child.state.status === 'terminated') {
        await this.carryOut(tenantId, {
          type: 'fail-call-activity',
          parent,
          message: `The called instance ${childKey} was cancelled. Resolve the incident to call the process again.`,
        });
      }
    }
    const parent = state.parent;
    if (parent === undefined) return;
    const stored = await this.store.loadInstance(tenantId, parent.instanceKey);
    const caller = stored?.state.elements[parent.elementInstanceKey];
    if (stored?.state.status !== 'active' || caller?.calledInstanceKey !== state.instanceKey) {
      await this.send(tenantId, state.instanceKey, { type: 'cancel-instance', byParent: true });
    } else if (caller.propagatedError === undefined && caller.incidentKey === undefined) {
      await this.resendPropagatedErrors(tenantId, state, parent);
    }
  }

  /**
   * An error this child passed up that its parent's call activity has not taken up (it would have ended, passed
   * the error on, or told the thrower): the crash came between the child's commit and the parent's command.
   */
  private async resendPropagatedErrors(tenantId: string, state: InstanceState, parent: ParentReference) {
    for (const element of Object.values(state.elements)) {
      const error = element.propagatedError;
      if (error?.thrower === undefined || element.incidentKey !== undefined) continue;
      const { code, message, variables = {}, thrower } = error;
      if (!(await this.stillWaits(tenantId, state, thrower, code))) continue;
      await this.carryOut(tenantId, { type: 'propagate-error', parent, error: { code, message, variables }, thrower });
    }
  }
}

function isCallEffect(effect: Effect): effect is CallEffect {
  return (callEffectTypes as readonly string[]).includes(effect.type);
}
