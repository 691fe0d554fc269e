// The executable processes of one corpus model, run together: the test plays the runtime between them, as
// packages/runtime does with messages and signals. A published message correlates to the waiting subscriptions of
// its name and starts every process with a message start event of that name (runtime/src/start-events.ts); with a
// time to live, a message nothing waits for is kept for the first subscription of its name that opens
// (runtime/src/message-correlation.ts). A broadcast signal reaches every waiting subscription of its name in every
// instance, and starts every process with a signal start event of that name (runtime/src/signal-broadcast.ts).
import { parseBpmn, type ProcessDefinition } from '@operon/model';
import { DEPLOY_CHECKS, type Command, type InstanceState, type Variables } from '../../src/index';
import { Scenario } from '../scenario';
import type { CorpusName } from './corpus';
import { corpusModel, type Rewrite } from './translation';

/** The start events of a process triggered by a message or a signal of this name. */
function triggeredStartEvents(definition: ProcessDefinition, kind: 'message' | 'signal', name: string): string[] {
  return definition.triggeredStartEventIds.filter((id) => {
    const node = definition.nodes.get(id);
    if (node?.kind !== 'startEvent' || node.eventDefinition === 'none') return false;
    const trigger = node.eventDefinition;
    if (trigger.kind === 'message') {
      return kind === 'message' && trigger.messageName.kind === 'static' && trigger.messageName.value === name;
    }
    if (trigger.kind === 'signal') {
      return kind === 'signal' && trigger.signalName.kind === 'static' && trigger.signalName.value === name;
    }
    return false;
  });
}

/** A published message with a time to live that no subscription has taken yet. */
interface BufferedMessage {
  readonly name: string;
  readonly variables: Variables;
}

export class Collaboration {
  /** Every instance started, in the order it started. */
  readonly instances: Scenario[] = [];
  private readonly buffered: BufferedMessage[] = [];

  private constructor(readonly processes: readonly ProcessDefinition[]) {}

  /** Given a corpus model (rewritten): its executable processes, deployed together. */
  static async of(corpus: CorpusName, path: string, rewrite?: Rewrite): Promise<Collaboration> {
    const outcome = await parseBpmn(corpusModel(corpus, path, rewrite), DEPLOY_CHECKS);
    if (!outcome.ok) throw new Error(`model does not parse: ${JSON.stringify(outcome.diagnostics, null, 2)}`);
    return new Collaboration(outcome.model.processes);
  }

  /** Starts an instance of a process at its none start event, or at the given start event. */
  start(processId: string, startEventId?: string, variables: Variables = {}): Scenario {
    const definition = this.processes.find((candidate) => candidate.id === processId);
    if (!definition) throw new Error(`process '${processId}' is not deployed`);
    const run = new Scenario(definition);
    const instanceKey = `instance-${this.instances.length + 1}`;
    this.instances.push(run);
    this.send(run, { type: 'create-instance', instanceKey, variables, ...(startEventId ? { startEventId } : {}) });
    return run;
  }

  /**
   * Processes a command on one instance, then does what the runtime does with its effects: a thrown signal is
   * broadcast to the other instances, and a kept message goes to a subscription of its name that opened.
   */
  send(run: Scenario, command: Command): void {
    const before = run.effects.length;
    run.when(command);
    for (const effect of run.effects.slice(before)) {
      if (effect.type === 'broadcast-signal') {
        this.broadcast(effect.signalName, effect.variables, effect.excludeInstanceKey);
      }
    }
    this.correlateBuffered(run);
  }

  /**
   * A message is published by name: it reaches the waiting subscriptions and starts processes. With `keep` (a time
   * to live), a message that reaches nothing is kept for the first subscription of its name that opens.
   */
  publish(messageName: string, variables: Variables = {}, keep = false): void {
    let reached = false;
    for (const run of [...this.instances]) {
      const subscription = run.subscriptions().find((candidate) => candidate.messageName === messageName);
      if (subscription && run.status === 'active') {
        this.send(run, { type: 'correlate-message', subscriptionKey: subscription.key, variables });
        reached = true;
      }
    }
    for (const definition of this.processes) {
      for (const startEventId of triggeredStartEvents(definition, 'message', messageName)) {
        this.start(definition.id, startEventId, variables);
        reached = true;
      }
    }
    if (!reached && keep) this.buffered.push({ name: messageName, variables });
  }

  /**
   * A signal is broadcast by name: every subscription of its name in every instance (but the thrower's, which the
   * engine served when it threw) receives it, and every process with a signal start event of its name starts.
   */
  broadcast(signalName: string, variables: Variables = {}, excludeInstanceKey?: string): void {
    for (const run of [...this.instances]) {
      if (run.state?.instanceKey === excludeInstanceKey || run.status !== 'active') continue;
      const subscriptions = Object.values(run.state?.signalSubscriptions ?? {});
      for (const subscription of subscriptions.filter((candidate) => candidate.signalName === signalName)) {
        if (!run.state?.signalSubscriptions?.[subscription.key]) continue; // an earlier catch closed it
        this.send(run, { type: 'trigger-signal', subscriptionKey: subscription.key, variables });
      }
    }
    for (const definition of this.processes) {
      for (const startEventId of triggeredStartEvents(definition, 'signal', signalName)) {
        this.start(definition.id, startEventId, variables);
      }
    }
  }

  /** The worker of a message throw event (or send task) whose job type is its id: sends the message, then completes. */
  sendMessage(run: Scenario, jobType: string, messageName: string): void {
    run.job(jobType);
    this.publish(messageName);
    this.completeJob(run, jobType);
  }

  /** Completes the open job of this type in one instance, with these variables. */
  completeJob(run: Scenario, type: string, variables: Variables = {}): void {
    this.send(run, { type: 'complete-job', jobKey: run.job(type).key, variables });
  }

  /** Signals (completes) the open user task of this element in one instance, with these variables. */
  completeUserTask(run: Scenario, elementId: string, variables: Variables = {}): void {
    this.send(run, { type: 'complete-user-task', userTaskKey: run.userTask(elementId).key, variables });
  }

  /** The instances of a process. */
  runsOf(processId: string): Scenario[] {
    return this.instances.filter((run) => run.definition.id === processId);
  }

  /** Ids of the elements completed, over every instance. */
  completed(): string[] {
    return this.instances.flatMap((run) => run.completed());
  }

  /** "Stop and save state": every instance's state as the runtime stores it. */
  save(): string {
    return JSON.stringify(this.instances.map((run) => run.state));
  }

  /** "Recover and resume": new drivers continue every instance from the saved JSON (their histories are kept). */
  recover(saved: string): Collaboration {
    const recovered = new Collaboration(this.processes);
    const states = JSON.parse(saved) as (InstanceState | undefined)[];
    this.instances.forEach((run, index) => {
      const next = new Scenario(run.definition);
      next.state = states[index];
      next.events.push(...run.events);
      next.now = run.now;
      recovered.instances.push(next);
    });
    recovered.buffered.push(...this.buffered);
    return recovered;
  }

  /** A kept message goes to the first subscription of its name that this instance has open. */
  private correlateBuffered(run: Scenario): void {
    for (const message of [...this.buffered]) {
      if (!this.buffered.includes(message)) continue; // a nested command took it
      const subscription = run.subscriptions().find((candidate) => candidate.messageName === message.name);
      if (!subscription || run.status !== 'active') continue;
      this.buffered.splice(this.buffered.indexOf(message), 1);
      this.send(run, { type: 'correlate-message', subscriptionKey: subscription.key, variables: message.variables });
    }
  }
}
