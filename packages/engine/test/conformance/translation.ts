// The mechanical rewrites and readings that turn a corpus scenario into an Operon test (rules in
// conformance-rules.ts, which docs/conformance.md repeats). Every rewrite names the element it changes, and
// fails loudly when the corpus text is not what the translation expects.
import type { EngineEvent, InstanceState } from '../../src/index';
import { expect } from 'vitest';
import { Scenario } from '../scenario';
import { readCorpusFile, type CorpusName } from './corpus';

export interface Rewrite {
  /** Service tasks that get `<zeebe:taskDefinition type="<id>"/>`: the test plays their job worker. */
  readonly jobs?: readonly string[];
  /** Flow id → [the condition as the corpus writes it, its FEEL translation without the `=`]. */
  readonly conditions?: Readonly<Record<string, readonly [corpus: string, feel: string]>>;
  /** Manual tasks the scenario expects to wait for a signal, as bpmn-elements' do: they become user tasks. */
  readonly waitingManualTasks?: readonly string[];
}

const ZEEBE_NAMESPACE = 'http://camunda.org/schema/zeebe/1.0';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface StartTag {
  readonly prefix: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly selfClosing: boolean;
}

/** The one start tag of element `localName` with this id (any namespace prefix). */
function startTagOf(xml: string, localName: string, id: string): StartTag {
  const pattern = new RegExp(`<((?:[\\w.-]+:)?)${localName}\\b[^>]*?\\sid="${escapeRegExp(id)}"[^>]*>`, 'g');
  const matches = [...xml.matchAll(pattern)];
  const match = matches[0];
  if (matches.length !== 1 || match === undefined) {
    throw new Error(`expected one <${localName} id="${id}"> in the corpus model, found ${matches.length}`);
  }
  const text = match[0];
  return {
    prefix: match[1] ?? '',
    start: match.index,
    end: match.index + text.length,
    text,
    selfClosing: text.endsWith('/>'),
  };
}

function withZeebeNamespace(xml: string): string {
  if (xml.includes(`xmlns:zeebe="${ZEEBE_NAMESPACE}"`)) return xml;
  return xml.replace(/<((?:[\w.-]+:)?)definitions\b/, (tag) => `${tag} xmlns:zeebe="${ZEEBE_NAMESPACE}"`);
}

function addJob(xml: string, id: string): string {
  const tag = startTagOf(xml, 'serviceTask', id);
  const definition = `<zeebe:taskDefinition type="${id}"/>`;
  if (tag.selfClosing) {
    const open = `${tag.text.slice(0, -2).trimEnd()}>`;
    const body = `<${tag.prefix}extensionElements>${definition}</${tag.prefix}extensionElements>`;
    return `${xml.slice(0, tag.start)}${open}${body}</${tag.prefix}serviceTask>${xml.slice(tag.end)}`;
  }
  const close = xml.indexOf(`</${tag.prefix}serviceTask>`, tag.end);
  const extensions = xml.indexOf(`<${tag.prefix}extensionElements>`, tag.end);
  if (extensions !== -1 && extensions < close) {
    const at = extensions + `<${tag.prefix}extensionElements>`.length;
    return `${xml.slice(0, at)}${definition}${xml.slice(at)}`;
  }
  const body = `<${tag.prefix}extensionElements>${definition}</${tag.prefix}extensionElements>`;
  return `${xml.slice(0, tag.end)}${body}${xml.slice(tag.end)}`;
}

function replaceCondition(xml: string, flowId: string, expected: string, feel: string): string {
  const tag = startTagOf(xml, 'sequenceFlow', flowId);
  const close = xml.indexOf(`</${tag.prefix}sequenceFlow>`, tag.end);
  if (tag.selfClosing || close === -1)
    throw new Error(`sequence flow '${flowId}' has no condition in the corpus model`);
  const inner = xml.slice(tag.end, close);
  const condition = /<((?:[\w.-]+:)?)conditionExpression\b([^>]*)>([\s\S]*?)<\/\1conditionExpression>/.exec(inner);
  const [whole, prefix = '', attributes = '', body = ''] = condition ?? [];
  if (whole === undefined) throw new Error(`sequence flow '${flowId}' has no condition in the corpus model`);
  const found = decodeXml(body).trim();
  if (found !== expected) throw new Error(`condition of '${flowId}' is \`${found}\`, not \`${expected}\``);
  const kept = attributes.replace(/\slanguage="[^"]*"/, '');
  const replacement = `<${prefix}conditionExpression${kept}>=${encodeXml(feel)}</${prefix}conditionExpression>`;
  const at = tag.end + condition!.index;
  return `${xml.slice(0, at)}${replacement}${xml.slice(at + whole.length)}`;
}

function manualToUserTask(xml: string, id: string): string {
  const tag = startTagOf(xml, 'manualTask', id);
  const open = tag.text.replace(`<${tag.prefix}manualTask`, `<${tag.prefix}userTask`);
  let rest = xml.slice(tag.end);
  if (!tag.selfClosing) rest = rest.replace(`</${tag.prefix}manualTask>`, `</${tag.prefix}userTask>`);
  return `${xml.slice(0, tag.start)}${open}${rest}`;
}

/** Applies the rewrites to a corpus model's text. */
export function rewriteModel(xml: string, rewrite: Rewrite = {}): string {
  let text = xml;
  for (const [flowId, [expected, feel]] of Object.entries(rewrite.conditions ?? {})) {
    text = replaceCondition(text, flowId, expected, feel);
  }
  for (const id of rewrite.waitingManualTasks ?? []) text = manualToUserTask(text, id);
  if (rewrite.jobs && rewrite.jobs.length > 0) {
    text = withZeebeNamespace(text);
    for (const id of rewrite.jobs) text = addJob(text, id);
  }
  return text;
}

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
