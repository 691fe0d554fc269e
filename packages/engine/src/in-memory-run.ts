import type { ProcessDefinition } from '@operon/model';
import { deliveryOf, isCallReport } from './call-reports';
import type { Command } from './command';
import type { EngineEvent } from './engine-event';
import type { Incident, InstanceState, Timer, Variables } from './instance-state';
import { process } from './process';
import type { DecisionLookup } from './processing';
import type { Rejection } from './rejection';

export interface InMemoryRunOptions {
  readonly variables?: Variables;
  /** Complete every job as it appears, with no variables (a smoke test without workers). */
  readonly completeJobs?: boolean;
  /** Complete every user task as it appears, with no variables. */
  readonly completeUserTasks?: boolean;
  /** Where the virtual clock starts, in milliseconds since the epoch; default 0. */
  readonly now?: number;
  readonly instanceKey?: string;
  /** The DMN models business rule tasks call (see EngineContext.decisions). */
  readonly decisions?: DecisionLookup;
  /** Stop after this many commands (fired timers included), in case a model loops for ever. Default 100,000. */
  readonly maxCommands?: number;
  /**
   * The processes call activities may call (e.g. the other processes of the same file): their children run in
   * memory too. Without it, a call activity of the process's own id calls the process itself; others wait.
   */
  readonly processes?: (processId: string) => ProcessDefinition | undefined;
}

export type RunStatus = 'completed' | 'waiting' | 'incident' | 'terminated';

export interface InMemoryRun {
  readonly status: RunStatus;
  readonly state: InstanceState | undefined;
  readonly events: readonly EngineEvent[];
  readonly variables: Variables;
  /** Ids of the elements that completed, in completion order (the process itself is not listed). */
  readonly completedElements: readonly string[];
  readonly incidents: readonly Incident[];
  readonly rejection: Rejection | undefined;
  /** The virtual clock at the end, in milliseconds since the epoch: the start plus the time timers made pass. */
  readonly now: number;
  /** The same, as an ISO 8601 date-time. */
  readonly virtualTime: string;
}

/**
 * Runs one instance in memory until it ends or waits: for `operon run`, tests and benchmarks.
 * Jobs and user tasks are completed at once when asked; a signal an instance throws reaches the other
 * instances in memory (its own subscriptions received it in the command that threw it). Timers fire in
 * virtual time: when nothing else is left to do, the clock jumps to the earliest open timer of the instance
 * or its children and fires it, so a one-day wait takes no time.
 * Messages never arrive by themselves.
 */
export function runInMemory(definition: ProcessDefinition, options: InMemoryRunOptions = {}): InMemoryRun {
  const rootInstanceKey = options.instanceKey ?? '1';
  const lookup = (processId: string): ProcessDefinition | undefined =>
    options.processes?.(processId) ?? (processId === definition.id ? definition : undefined);
  const instances = new Map<string, { definition: ProcessDefinition; state: InstanceState | undefined }>([
    [rootInstanceKey, { definition, state: undefined }],
  ]);
  const events: EngineEvent[] = [];
  const pending: { instanceKey: string; command: Command }[] = [
    {
      instanceKey: rootInstanceKey,
      command: { type: 'create-instance', instanceKey: rootInstanceKey, variables: options.variables ?? {} },
    },
  ];
  const limit = options.maxCommands ?? 100_000;
  let rejection: Rejection | undefined;
  let now = options.now ?? 0;
  for (let count = 0; count < limit; count++) {
    if (pending.length === 0) {
      const due = earliestTimer(instances);
      if (!due) break;
      now = Math.max(now, due.timer.dueAt); // a timer already due fires now: the clock never goes back
      pending.push({ instanceKey: due.instanceKey, command: { type: 'trigger-timer', timerKey: due.timer.key } });
    }
    const { instanceKey, command } = pending.shift() as { instanceKey: string; command: Command };
    const instance = instances.get(instanceKey);
    if (!instance) continue;
    const context = {
      now,
      definition: instance.definition,
      ...(options.decisions ? { decisions: options.decisions } : {}),
    };
    const result = process(instance.state, command, context);
    if (result.rejection) {
      if (instanceKey !== rootInstanceKey) continue; // a child's report that came too late
      rejection = result.rejection;
      break;
    }
    instance.state = result.state;
    if (instanceKey === rootInstanceKey) events.push(...result.events);
    const send = (to: string, next: Command): number => pending.push({ instanceKey: to, command: next });
    for (const effect of result.effects) {
      if (effect.type === 'activate-job' && options.completeJobs) {
        send(instanceKey, { type: 'complete-job', jobKey: effect.job.key });
      } else if (effect.type === 'open-user-task' && options.completeUserTasks) {
        send(instanceKey, { type: 'complete-user-task', userTaskKey: effect.userTask.key });
      } else if (effect.type === 'broadcast-signal') {
        // the instances in memory are every instance there is; the thrower already received its own signal
        for (const [key, { state }] of instances) {
          if (key === effect.excludeInstanceKey) continue;
          for (const subscription of Object.values(state?.signalSubscriptions ?? {})) {
            if (subscription.signalName !== effect.signalName) continue;
            send(key, { type: 'trigger-signal', subscriptionKey: subscription.key, variables: effect.variables });
          }
        }
      } else if (effect.type === 'create-child-instance') {
        const called = lookup(effect.processId);
        const { elementInstanceKey } = effect.parent;
        if (!called) {
          const message = `The called process '${effect.processId}' is not in this run.`;
          send(instanceKey, {
            type: 'fail-call-activity',
            elementInstanceKey,
            childInstanceKey: effect.childInstanceKey,
            message,
          });
          continue;
        }
        instances.set(effect.childInstanceKey, { definition: called, state: undefined });
        send(effect.childInstanceKey, {
          type: 'create-instance',
          instanceKey: effect.childInstanceKey,
          variables: effect.variables,
          parent: effect.parent,
        });
      } else if (isCallReport(effect)) {
        const delivery = deliveryOf(effect, instanceKey);
        send(delivery.instanceKey, delivery.command);
      }
    }
  }
  const state = instances.get(rootInstanceKey)?.state;
  const rootKey = state?.rootKey;
  const incidents = state ? Object.values(state.incidents) : [];
  return {
    status: statusOf(state, incidents.length),
    state,
    events,
    variables: (rootKey !== undefined && state?.variables[rootKey]) || {},
    completedElements: events.flatMap((event) =>
      event.type === 'element-completed' && event.key !== rootKey ? [event.elementId] : [],
    ),
    incidents,
    rejection,
    now,
    virtualTime: new Date(now).toISOString(),
  };
}

/** The open timer that falls due first among the active instances in memory (the first such on a tie). */
function earliestTimer(
  instances: ReadonlyMap<string, { readonly state: InstanceState | undefined }>,
): { instanceKey: string; timer: Timer } | undefined {
  let earliest: { instanceKey: string; timer: Timer } | undefined;
  for (const [instanceKey, { state }] of instances) {
    if (state?.status !== 'active') continue;
    for (const timer of Object.values(state.timers)) {
      if (!earliest || timer.dueAt < earliest.timer.dueAt) earliest = { instanceKey, timer };
    }
  }
  return earliest;
}

function statusOf(state: InstanceState | undefined, openIncidents: number): RunStatus {
  if (!state) return 'incident';
  if (state.status === 'completed') return 'completed';
  if (state.status === 'terminated') return 'terminated';
  return openIncidents > 0 ? 'incident' : 'waiting';
}
