// The mechanical rewrites and readings that turn a corpus scenario into an Operon test (rules in
// conformance-rules.ts, which docs/conformance.md repeats). Every rewrite names the element it changes, and
// fails loudly when the corpus text is not what the translation expects.
import { parseBpmn, type Diagnostic } from '@operon/model';
import { DEPLOY_CHECKS, type EngineEvent, type InstanceState } from '../../src/index';
import { expect } from 'vitest';
import { Scenario } from '../scenario';
import { readCorpusFile, type CorpusName } from './corpus';
import { rewriteModel, type Rewrite } from './model-rewrite';

export type { Rewrite } from './model-rewrite';

export function corpusModel(corpus: CorpusName, path: string, rewrite?: Rewrite): string {
  return rewriteModel(readCorpusFile(corpus, path), rewrite);
}

/** Given a corpus model (rewritten), a driver for one instance of its first process. */
export function given(corpus: CorpusName, path: string, rewrite?: Rewrite): Promise<Scenario> {
  return Scenario.of(corpusModel(corpus, path, rewrite));
}

const PHASES: Readonly<Partial<Record<EngineEvent['type'], string>>> = {
  'element-activating': 'enter',
  'element-activated': 'start',
  'element-completing': 'end',
  'element-completed': 'leave',
};

/** The lifecycle events as bpmn-elements names its messages: `enter start`, `leave end`, … (process included). */
export function lifecycle(events: readonly EngineEvent[]): string[] {
  return events.flatMap((event) => {
    const phase = PHASES[event.type];
    return phase !== undefined && 'elementId' in event ? [`${phase} ${event.elementId}`] : [];
  });
}

/** enter, start, end and leave of one element: it ran through without waiting. */
export function runsThrough(elementId: string): string[] {
  return ['enter', 'start', 'end', 'leave'].map((phase) => `${phase} ${elementId}`);
}

/**
 * Each chain appears in this order, and together the chains name exactly the lifecycle entries there are. Chains
 * let a test state the order along each path without fixing how concurrent paths interleave.
 */
export function expectChains(events: readonly EngineEvent[], chains: readonly (readonly string[])[]): void {
  const actual = lifecycle(events);
  expect(new Set(actual)).toEqual(new Set(chains.flat()));
  for (const chain of chains) {
    const positions = chain.map((entry) => actual.indexOf(entry));
    expect(positions, `in this order: ${chain.join(', ')}`).toEqual([...positions].sort((a, b) => a - b));
  }
}

/** Fires an element's timer by hand: the virtual clock moves to the due time, then the timer is triggered. */
export function fireTimer(scenario: Scenario, elementId: string): void {
  const timer = Object.values(scenario.state?.timers ?? {}).find((candidate) => candidate.elementId === elementId);
  if (!timer) throw new Error(`no timer is waiting at '${elementId}'`);
  scenario.now = Math.max(scenario.now, timer.dueAt);
  scenario.when({ type: 'trigger-timer', timerKey: timer.key });
}

export function timesCompleted(scenario: Scenario, elementId: string): number {
  return scenario.completed().filter((id) => id === elementId).length;
}

/** "Discarded": never activated on this run. */
export function wasActivated(scenario: Scenario, elementId: string): boolean {
  return scenario.events.some((event) => event.type === 'element-activating' && event.elementId === elementId);
}

/** Element ids of the open user tasks, in the order they were created. */
export function openUserTasks(scenario: Scenario): string[] {
  return Object.values(scenario.state?.userTasks ?? {})
    .sort((a, b) => a.key - b.key)
    .map((task) => task.elementId);
}

/** "Stop and save state": the instance state as the runtime stores it. */
export function saveState(scenario: Scenario): string {
  if (!scenario.state) throw new Error('no instance to save');
  return JSON.stringify(scenario.state);
}

/** "Recover and resume": a new driver continues from the saved JSON; the event history is kept, as a store keeps it. */
export function recover(scenario: Scenario, saved: string): Scenario {
  const recovered = new Scenario(scenario.definition);
  recovered.state = JSON.parse(saved) as InstanceState;
  recovered.events.push(...scenario.events);
  recovered.now = scenario.now;
  return recovered;
}

/**
 * "The conditional event is signalled (with a message)": bpmn-elements evaluates a conditional event's condition
 * when the event is signalled, Operon whenever variables change; the signal sets the variable `signal` to the
 * message (`{ id, … }`), which the translated condition reads.
 */
export function signalCondition(scenario: Scenario, message: Readonly<Record<string, unknown>>): void {
  scenario.when({ type: 'set-variables', variables: { signal: message } });
}

/** Whether a conditional event is waiting for its condition. */
export function conditionWaiting(scenario: Scenario, elementId: string): boolean {
  return Object.values(scenario.state?.conditionWaits ?? {}).some((wait) => wait.elementId === elementId);
}

/** "Throws on run" (rule 11): the errors parseBpmn refuses a corpus model (rewritten) with; none when it deploys. */
export async function deployErrors(corpus: CorpusName, path: string, rewrite?: Rewrite): Promise<Diagnostic[]> {
  const outcome = await parseBpmn(corpusModel(corpus, path, rewrite), DEPLOY_CHECKS);
  return outcome.ok ? [] : outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}
