// A parent instance and the child instances its call activities start, driven together: the test plays the
// runtime between them, as runInMemory does (src/in-memory-run.ts), but one command at a time, so a scenario can
// wait, signal user tasks, fire timers and save state in between.
import { parseBpmn, type ProcessDefinition } from '@operon/model';
import {
  deliveryOf,
  isCallReport,
  type Command,
  type Effect,
  type InstanceState,
  type Variables,
  DEPLOY_CHECKS,
} from '../../src/index';
import { Scenario } from '../scenario';
import type { CorpusName } from './corpus';
import { corpusModel, type Rewrite } from './translation';

export class CalledProcesses {
  /** Every instance by key: the root first, then each child as its call activity starts it. */
  readonly instances = new Map<string, Scenario>();

  private constructor(readonly processes: readonly ProcessDefinition[]) {}

  /** Given a corpus model (rewritten): its executable processes, deployed together. */
  static async of(corpus: CorpusName, path: string, rewrite?: Rewrite): Promise<CalledProcesses> {
    const outcome = await parseBpmn(corpusModel(corpus, path, rewrite), DEPLOY_CHECKS);
    if (!outcome.ok) throw new Error(`model does not parse: ${JSON.stringify(outcome.diagnostics, null, 2)}`);
    return new CalledProcesses(outcome.model.processes);
  }

  private definition(processId: string): ProcessDefinition | undefined {
    return this.processes.find((candidate) => candidate.id === processId);
  }

  /** Starts the root instance of a process, and every child it calls. */
  start(processId: string): Scenario {
    const definition = this.definition(processId);
    if (!definition) throw new Error(`process '${processId}' is not deployed`);
    const root = new Scenario(definition);
    this.instances.set('root', root);
    this.send(root, { type: 'create-instance', instanceKey: 'root', variables: {} });
    return root;
  }

  get root(): Scenario {
    const root = this.instances.get('root');
    if (!root) throw new Error('no instance started');
    return root;
  }

  /** The child instances, in the order they were started. */
  children(processId?: string): Scenario[] {
    return [...this.instances.entries()]
      .filter(([key, run]) => key !== 'root' && (processId === undefined || run.definition.id === processId))
      .map(([, run]) => run);
  }

  /** Processes a command on one instance, then hands its effects on to the instances they concern. */
  send(run: Scenario, command: Command): void {
    const before = run.effects.length;
    run.when(command);
    const instanceKey = run.state?.instanceKey ?? 'root';
    for (const effect of run.effects.slice(before)) this.deliver(instanceKey, effect);
  }

  /** Signals (completes) the open user task of this element in one instance. */
  completeUserTask(run: Scenario, elementId: string): void {
    this.send(run, { type: 'complete-user-task', userTaskKey: run.userTask(elementId).key, variables: {} });
  }

  /** Completes the open job of this type in one instance, with these variables. */
  completeJob(run: Scenario, type: string, variables: Variables = {}): void {
    this.send(run, { type: 'complete-job', jobKey: run.job(type).key, variables });
  }

  /** The worker fails the open job of this type in one instance, with no retries left: an incident. */
  failJob(run: Scenario, type: string, errorMessage: string): void {
    this.send(run, { type: 'fail-job', jobKey: run.job(type).key, retries: 0, errorMessage });
  }

  /** The worker throws a BPMN error for the open job of this type in one instance. */
  throwError(run: Scenario, type: string, errorCode: string): void {
    this.send(run, { type: 'throw-error', jobKey: run.job(type).key, errorCode, errorMessage: '', variables: {} });
  }

  /** Moves the virtual clock of one instance to its timer's due time and fires it. */
  fireTimer(run: Scenario, eventId: string): void {
    const timer = run.timer(eventId);
    run.now = Math.max(run.now, timer.dueAt);
    this.send(run, { type: 'trigger-timer', timerKey: timer.key });
  }

  /** "Stop and save state": every instance's state as the runtime stores it. */
  save(): string {
    const states: Record<string, InstanceState | undefined> = {};
    for (const [key, run] of this.instances) states[key] = run.state;
    return JSON.stringify(states);
  }

  /** "Recover and resume": new drivers continue every instance from the saved JSON. */
  recover(saved: string): CalledProcesses {
    const recovered = new CalledProcesses(this.processes);
    const states = JSON.parse(saved) as Record<string, InstanceState | undefined>;
    for (const [key, run] of this.instances) {
      const next = new Scenario(run.definition);
      next.state = states[key];
      next.events.push(...run.events);
      next.now = run.now;
      recovered.instances.set(key, next);
    }
    return recovered;
  }

  private instance(key: string): Scenario {
    const run = this.instances.get(key);
    if (!run) throw new Error(`no instance '${key}'`);
    return run;
  }

  private deliver(instanceKey: string, effect: Effect): void {
    if (effect.type === 'create-child-instance') {
      const called = this.definition(effect.processId);
      if (!called) {
        const message = `The called process '${effect.processId}' is not deployed.`;
        const { elementInstanceKey } = effect.parent;
        const command: Command = {
          type: 'fail-call-activity',
          elementInstanceKey,
          childInstanceKey: effect.childInstanceKey,
          message,
        };
        this.send(this.instance(instanceKey), command);
        return;
      }
      const child = new Scenario(called);
      child.now = this.instance(instanceKey).now;
      this.instances.set(effect.childInstanceKey, child);
      const { childInstanceKey, variables, parent } = effect;
      this.send(child, { type: 'create-instance', instanceKey: childInstanceKey, variables, parent });
    } else if (isCallReport(effect)) {
      const delivery = deliveryOf(effect, instanceKey);
      this.send(this.instance(delivery.instanceKey), delivery.command);
    }
  }
}
