import type { ProcessDefinition } from '@operon/model';
import type { Command } from './command';
import type { EngineEvent } from './engine-event';
import type { Incident, InstanceState, Variables } from './instance-state';
import { process } from './process';
import type { DecisionLookup } from './processing';
import type { Rejection } from './rejection';

export interface InMemoryRunOptions {
  readonly variables?: Variables;
  /** Complete every job as it appears, with no variables (a smoke test without workers). */
  readonly completeJobs?: boolean;
  /** Complete every user task as it appears, with no variables. */
  readonly completeUserTasks?: boolean;
  /** The clock, in milliseconds since the epoch; default 0. */
  readonly now?: number;
  readonly instanceKey?: string;
  /** The DMN models business rule tasks call (see EngineContext.decisions). */
  readonly decisions?: DecisionLookup;
  /** Stop after this many commands, in case a model loops for ever. Default 100,000. */
  readonly maxCommands?: number;
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
}

/**
 * Runs one instance in memory until it ends or waits: for `operon run`, tests and benchmarks.
 * Jobs and user tasks are completed at once when asked; signals the instance throws reach its own
 * signal subscriptions; nothing else happens by itself.
 */
export function runInMemory(definition: ProcessDefinition, options: InMemoryRunOptions = {}): InMemoryRun {
  const context = { now: options.now ?? 0, definition, ...(options.decisions ? { decisions: options.decisions } : {}) };
  const events: EngineEvent[] = [];
  const pending: Command[] = [
    {
      type: 'create-instance',
      instanceKey: options.instanceKey ?? '1',
      variables: options.variables ?? {},
    },
  ];
  const limit = options.maxCommands ?? 100_000;
  let state: InstanceState | undefined;
  let rejection: Rejection | undefined;
  for (let count = 0; count < limit && pending.length > 0; count++) {
    const command = pending.shift() as Command;
    const result = process(state, command, context);
    if (result.rejection) {
      rejection = result.rejection;
      break;
    }
    state = result.state;
    events.push(...result.events);
    for (const effect of result.effects) {
      if (effect.type === 'activate-job' && options.completeJobs) {
        pending.push({ type: 'complete-job', jobKey: effect.job.key });
      } else if (effect.type === 'open-user-task' && options.completeUserTasks) {
        pending.push({ type: 'complete-user-task', userTaskKey: effect.userTask.key });
      } else if (effect.type === 'broadcast-signal') {
        // the one instance in memory is every instance there is: it receives its own signals
        for (const subscription of Object.values(state?.signalSubscriptions ?? {})) {
          if (subscription.signalName !== effect.signalName) continue;
          pending.push({ type: 'trigger-signal', subscriptionKey: subscription.key, variables: effect.variables });
        }
      }
    }
  }
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
  };
}

function statusOf(state: InstanceState | undefined, openIncidents: number): RunStatus {
  if (!state) return 'incident';
  if (state.status === 'completed') return 'completed';
  if (state.status === 'terminated') return 'terminated';
  return openIncidents > 0 ? 'incident' : 'waiting';
}
