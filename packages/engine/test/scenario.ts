import { parseBpmn, type ProcessDefinition } from '@operon/model';
import { expect } from 'vitest';
import {
  apply,
  process,
  type Command,
  type Effect,
  type EngineEvent,
  type Incident,
  type InstanceState,
  type Job,
  type MessageSubscription,
  type Timer,
  type UserTask,
  type Variables,
  DEPLOY_CHECKS,
} from '../src/index';

const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

/** Wraps process content in a BPMN document with the Camunda 8 namespace. */
export function bpmn(processContent: string, processId = 'process'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="definitions" targetNamespace="http://operon.test">
  <bpmn:process id="${processId}" isExecutable="true">${processContent}</bpmn:process>
</bpmn:definitions>`;
}

/** A `<bpmn:definitions>` with root elements (errors, messages, signals, escalations) before the process. */
export function bpmnWith(rootElements: string, processContent: string, processId = 'process'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="definitions" targetNamespace="http://operon.test">
  ${rootElements}
  <bpmn:process id="${processId}" isExecutable="true">${processContent}</bpmn:process>
</bpmn:definitions>`;
}

/** `<bpmn:userTask>`. */
export function userTask(id: string): string {
  return `<bpmn:userTask id="${id}"/>`;
}

/** `<bpmn:boundaryEvent>` attached to `host` with an event definition. */
export function boundary(id: string, host: string, definition: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${host}" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>`;
}

/** `<bpmn:serviceTask>` with a job type. */
export function serviceTask(id: string, type = id, extra = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/>${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

export async function deploy(xml: string): Promise<ProcessDefinition> {
  const outcome = await parseBpmn(xml, DEPLOY_CHECKS);
  if (!outcome.ok) throw new Error(`model does not parse: ${JSON.stringify(outcome.diagnostics, null, 2)}`);
  const definition = outcome.model.processes[0];
  if (!definition) throw new Error('model has no process');
  return definition;
}

/**
 * Given a model, when commands are processed, then assertions on the event stream: a process
 * instance driven through the pure engine, with a virtual clock.
 */
export class Scenario {
  state: InstanceState | undefined;
  readonly events: EngineEvent[] = [];
  readonly effects: Effect[] = [];
  now = 0;

  constructor(readonly definition: ProcessDefinition) {}

  static async of(xml: string): Promise<Scenario> {
    return new Scenario(await deploy(xml));
  }

  /** Processes a command that must be accepted; returns the events it produced. */
  when(command: Command): EngineEvent[] {
    const result = process(this.state, command, { now: this.now, definition: this.definition });
    if (result.rejection) throw new Error(`command ${command.type} rejected: ${result.rejection.message}`);
    this.state = result.state;
    this.events.push(...result.events);
    this.effects.push(...result.effects);
    return [...result.events];
  }

  /** Processes a command that must be refused; returns the rejection code. */
  rejected(command: Command): string {
    const before = this.state;
    const result = process(this.state, command, { now: this.now, definition: this.definition });
    expect(result.events).toEqual([]);
    expect(result.state).toBe(before);
    return result.rejection?.code ?? 'accepted';
  }

  start(variables: Variables = {}): this {
    this.when({ type: 'create-instance', instanceKey: 'instance-1', variables });
    return this;
  }

  get status(): string | undefined {
    return this.state?.status;
  }

  job(type: string): Job {
    const job = Object.values(this.state?.jobs ?? {}).find((candidate) => candidate.type === type);
    if (!job) throw new Error(`no open job of type '${type}'; open: ${this.openJobTypes().join(', ') || 'none'}`);
    return job;
  }

  openJobTypes(): string[] {
    return Object.values(this.state?.jobs ?? {}).map((job) => job.type);
  }

  completeJob(type: string, variables: Variables = {}): this {
    this.when({ type: 'complete-job', jobKey: this.job(type).key, variables });
    return this;
  }

  /** A worker throws a BPMN error for the open job of this type. */
  throwError(type: string, errorCode: string, variables: Variables = {}, errorMessage = ''): this {
    this.when({ type: 'throw-error', jobKey: this.job(type).key, errorCode, errorMessage, variables });
    return this;
  }

  /** The pending timer of an event (a catch event, a boundary event, an event sub-process start event). */
  timer(eventId: string): Timer {
    const timer = Object.values(this.state?.timers ?? {}).find((candidate) => candidate.elementId === eventId);
    if (!timer) throw new Error(`no pending timer for '${eventId}'`);
    return timer;
  }

  timers(): Timer[] {
    return Object.values(this.state?.timers ?? {});
  }

  /** Moves the virtual clock to the timer's due time and fires it. */
  fireTimer(eventId: string): this {
    const timer = this.timer(eventId);
    this.now = Math.max(this.now, timer.dueAt);
    this.when({ type: 'trigger-timer', timerKey: timer.key });
    return this;
  }

  subscription(eventId: string): MessageSubscription {
    const found = Object.values(this.state?.subscriptions ?? {}).find((candidate) => candidate.elementId === eventId);
    if (!found) throw new Error(`no open message subscription for '${eventId}'`);
    return found;
  }

  subscriptions(): MessageSubscription[] {
    return Object.values(this.state?.subscriptions ?? {});
  }

  correlate(eventId: string, variables: Variables = {}): this {
    this.when({ type: 'correlate-message', subscriptionKey: this.subscription(eventId).key, variables });
    return this;
  }

  userTask(elementId: string): UserTask {
    const task = Object.values(this.state?.userTasks ?? {}).find((candidate) => candidate.elementId === elementId);
    if (!task) throw new Error(`no open user task '${elementId}'`);
    return task;
  }

  completeUserTask(elementId: string, variables: Variables = {}): this {
    this.when({ type: 'complete-user-task', userTaskKey: this.userTask(elementId).key, variables });
    return this;
  }

  incidents(): Incident[] {
    return Object.values(this.state?.incidents ?? {});
  }

  incidentAt(elementId: string): Incident {
    const incident = this.incidents().find((candidate) => candidate.elementId === elementId);
    if (!incident) throw new Error(`no incident at '${elementId}'`);
    return incident;
  }

  /** Ids of the elements that completed, in order (not the process itself). */
  completed(): string[] {
    return this.idsOf('element-completed');
  }

  terminated(): string[] {
    return this.idsOf('element-terminated');
  }

  /** Ids of the elements currently active (not the process itself). */
  active(): string[] {
    const state = this.state;
    if (!state) return [];
    return Object.values(state.elements)
      .filter((element) => element.key !== state.rootKey)
      .map((element) => element.elementId)
      .sort();
  }

  takenFlows(): string[] {
    return this.events.flatMap((event) => (event.type === 'flow-taken' ? [event.flowId] : []));
  }

  variables(): Variables {
    return this.state ? (this.state.variables[this.state.rootKey] ?? {}) : {};
  }

  /** Folding `apply` over the history gives the state `process` returned. */
  replayed(): InstanceState | undefined {
    return this.events.reduce<InstanceState | undefined>((state, event) => apply(state, event), undefined);
  }

  private idsOf(type: 'element-completed' | 'element-terminated'): string[] {
    const rootKey = this.state?.rootKey;
    return this.events.flatMap((event) => (event.type === type && event.key !== rootKey ? [event.elementId] : []));
  }
}

/**
 * A compensation boundary event on `host`, associated (`bpmn:association`) with its handler: a service task marked
 * `isForCompensation` whose job type is its id.
 */
export function compensationHandler(host: string, handler = `undo-${host}`): string {
  return `<bpmn:boundaryEvent id="${host}-compensation" attachedToRef="${host}"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
    <bpmn:serviceTask id="${handler}" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="${handler}"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:association id="${host}-association" sourceRef="${host}-compensation" targetRef="${handler}"/>`;
}
