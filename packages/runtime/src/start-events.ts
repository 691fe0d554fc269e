import {
  scheduleTimer,
  startConditionHolds,
  timerStartOccurrence,
  type InstanceState,
  type Variables,
} from '@operon/engine';
import type { ValueExpression } from '@operon/model';
import type { Store } from '@operon/store';
import type { Clock } from './clock';
import type { CommandLoop } from './command-loop';
import type { DefinitionRegistry } from './definition-registry';
import { newInstanceKey } from './instance-key';
import { UserError } from './operon-error';

/** A timer, message, signal or conditional start event of the latest version of a deployed process. */
interface StartEventEntry {
  readonly processId: string;
  readonly definitionKey: string;
  readonly version: number;
  /** When the version was deployed: timer start events count from here. */
  readonly deployedAt: number;
  readonly eventId: string;
  readonly trigger:
    | { readonly kind: 'timer'; readonly timerKind: 'date' | 'duration' | 'cycle'; readonly text: string }
    | { readonly kind: 'message' | 'signal'; readonly name: string }
    | { readonly kind: 'conditional'; readonly condition: string };
}

/** `Runtime.evaluateConditions`: the variables to test, and optionally the one process whose conditions to test. */
export interface EvaluateConditions {
  readonly variables: Variables;
  readonly processId?: string;
}

export interface ConditionEvaluation {
  readonly startedInstances: readonly ConditionalStart[];
}

/** An instance a conditional start event started. */
export interface ConditionalStart {
  readonly instanceKey: string;
  readonly processId: string;
  readonly definitionKey: string;
  readonly version: number;
  readonly startEventId: string;
  readonly status: InstanceState['status'];
}

const TICK_MS = 500;
/** Every 10 s, the timer ticks look for deployments made on other nodes. */
const REFRESH_TICKS = 20;

/**
 * Process-level start events (BPMN 2.0.2 §10.5.2, Camunda 8 alike), for the latest version of each process:
 * a published message with the start event's name starts an instance (one active instance per correlation
 * key, as Zeebe does), a broadcast signal starts one per signal start event, and a timer start event starts
 * one per occurrence counted from the deployment (date, duration, cycle or cron). Timer instances get a key
 * derived from the occurrence, so a restart neither repeats an occurrence nor misses the latest one; there is
 * no schedule to store. Conditional start events are evaluated on request (Camunda 7's `evaluateConditions`).
 * A new version replaces the old one's start events. Deployments made on another node are seen before each
 * message, signal or condition evaluation, and by the timer ticks every 10 s.
 */
export class StartEvents {
  private entries: readonly StartEventEntry[] = [];
  /** The store's `definitionsMark` when the entries were read. */
  private mark: string | undefined;
  private ticks = 0;
  private readonly started = new Set<string>();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly loop: CommandLoop,
    private readonly definitions: DefinitionRegistry,
    private readonly clock: Clock,
    private readonly tenantId: string,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  /** Reads the start events of the latest version of every deployed process (at start and after a deployment). */
  async refresh(): Promise<void> {
    await this.load();
    await this.tick();
  }

  /** Reads the start events again when a deployment was made since they were read, on this node or another. */
  private async current(): Promise<void> {
    if ((await this.store.definitionsMark(this.tenantId)) !== this.mark) await this.load();
  }

  private async load(): Promise<void> {
    const mark = await this.store.definitionsMark(this.tenantId);
    const latest = new Map<string, { definitionKey: string; version: number; createdAt: number }>();
    let cursor: string | undefined;
    do {
      const page = await this.store.listDefinitions(
        this.tenantId,
        {},
        { limit: 500, ...(cursor === undefined ? {} : { cursor }) },
      );
      for (const record of page.items) {
        const known = latest.get(record.processId);
        if (!known || known.version < record.version) latest.set(record.processId, record);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    const entries: StartEventEntry[] = [];
    for (const [processId, record] of latest) {
      const { definition } = await this.definitions.load(this.tenantId, record.definitionKey);
      for (const eventId of definition.triggeredStartEventIds) {
        const node = definition.nodes.get(eventId);
        if (node?.kind !== 'startEvent' || node.eventDefinition === 'none') continue;
        const trigger = triggerOf(node.eventDefinition);
        if (trigger === undefined) continue;
        entries.push({
          processId,
          definitionKey: record.definitionKey,
          version: record.version,
          deployedAt: record.createdAt,
          eventId,
          trigger,
        });
      }
    }
    this.entries = entries;
    this.mark = mark;
  }

  /** Checks the timer start events twice a second (they may have fallen due while the runtime was stopped). */
  start(): void {
    this.ticker = setInterval(() => {
      this.ticking ??= this.tick().finally(() => (this.ticking = undefined));
    }, TICK_MS);
    this.ticker.unref();
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    await this.ticking;
  }

  /** A message was published: processes with a message start event of its name start. */
  async onMessage(name: string, correlationKey: string, variables: Variables, messageKey: string): Promise<string[]> {
    await this.current();
    const started: string[] = [];
    for (const entry of this.entries) {
      if (entry.trigger.kind !== 'message' || entry.trigger.name !== name) continue;
      if (correlationKey !== '' && (await this.hasActiveInstance(entry.processId, correlationKey))) continue;
      const instanceKey = `m${safe(messageKey)}-${safe(entry.eventId)}`;
      const businessKey = correlationKey === '' ? undefined : correlationKey;
      if ((await this.create(entry, instanceKey, variables, businessKey)) !== undefined) {
        started.push(instanceKey);
      }
    }
    return started;
  }

  /** A signal was broadcast: processes with a signal start event of its name start. */
  async onSignal(name: string, variables: Variables): Promise<string[]> {
    await this.current();
    const started: string[] = [];
    for (const entry of this.entries) {
      if (entry.trigger.kind !== 'signal' || entry.trigger.name !== name) continue;
      const instanceKey = newInstanceKey(this.clock.now());
      if ((await this.create(entry, instanceKey, variables, undefined)) !== undefined) started.push(instanceKey);
    }
    return started;
  }

  /**
   * Evaluates the conditional start events (of one process, or of all) against the variables; each whose
   * condition holds starts one instance with them. A process named that has none is a user error.
   */
  async onConditions(variables: unknown, processId: string | undefined): Promise<ConditionalStart[]> {
    await this.current();
    const entries = this.entries.filter(
      (entry) => entry.trigger.kind === 'conditional' && (processId === undefined || entry.processId === processId),
    );
    if (processId !== undefined && entries.length === 0) {
      throw new UserError(
        'VALIDATION_FAILED',
        `The latest version of process '${processId}' has no conditional start event; give a process that has one, ` +
          'or no process id to evaluate the conditional start events of every process.',
        { processId },
      );
    }
    // checked here, not left to the engine: a refused create-instance would only start nothing, silently
    if (!isVariables(variables)) {
      throw new UserError('INVALID_VARIABLES', 'Variables must be a JSON object such as {"amount": 100}.');
    }
    const started: ConditionalStart[] = [];
    const now = this.clock.now();
    for (const entry of entries) {
      if (entry.trigger.kind !== 'conditional' || !startConditionHolds(entry.trigger.condition, variables, now))
        continue;
      const instanceKey = newInstanceKey(now);
      const status = await this.create(entry, instanceKey, variables, undefined);
      if (status === undefined) continue;
      const { processId: id, definitionKey, version, eventId: startEventId } = entry;
      started.push({ instanceKey, processId: id, definitionKey, version, startEventId, status });
    }
    return started;
  }

  private async tick(): Promise<void> {
    // deployments made on other nodes: looked for every REFRESH_TICKS ticks
    if (++this.ticks % REFRESH_TICKS === 0) {
      await this.current().catch((error: unknown) => this.log('Could not look for new deployments.', error));
    }
    const now = this.clock.now();
    for (const entry of this.entries) {
      if (entry.trigger.kind !== 'timer') continue;
      const scheduled = scheduleTimer(entry.trigger.timerKind, entry.trigger.text, entry.deployedAt);
      if (!scheduled.ok) {
        const warned = `invalid:${entry.definitionKey}/${entry.eventId}`;
        if (!this.started.has(warned))
          this.log(
            `The timer start event '${entry.eventId}' of '${entry.processId}' never fires: ${scheduled.message}`,
            undefined,
          );
        this.started.add(warned);
        continue;
      }
      const { due } = timerStartOccurrence(scheduled.schedule, now);
      if (due === undefined) continue;
      const instanceKey = `t${safe(entry.definitionKey)}-${safe(entry.eventId)}-${due.toString(36)}`;
      if (this.started.has(instanceKey)) continue;
      try {
        await this.create(entry, instanceKey, {}, undefined);
        this.started.add(instanceKey);
      } catch (error) {
        this.log(`Could not start '${entry.processId}' by its timer start event '${entry.eventId}'.`, error);
      }
    }
  }

  /**
   * Creates the instance unless one with the key exists (started before a restart, or by another node);
   * its status after the first command, or undefined when it was not created.
   */
  private async create(
    entry: StartEventEntry,
    instanceKey: string,
    variables: Variables,
    businessKey: string | undefined,
  ): Promise<InstanceState['status'] | undefined> {
    if (await this.store.loadInstance(this.tenantId, instanceKey)) return undefined;
    try {
      const outcome = await this.loop.submit({
        tenantId: this.tenantId,
        instanceKey,
        definitionKey: entry.definitionKey,
        command: {
          type: 'create-instance',
          instanceKey,
          variables,
          startEventId: entry.eventId,
          ...(businessKey === undefined ? {} : { businessKey }),
        },
      });
      return outcome.state.status;
    } catch (error) {
      if (error instanceof UserError) return undefined;
      throw error;
    }
  }

  private async hasActiveInstance(processId: string, businessKey: string): Promise<boolean> {
    const { items } = await this.store.queryInstances(
      { tenantId: this.tenantId, processId, businessKey, status: 'active' },
      { limit: 1 },
    );
    return items.length > 0;
  }
}

function triggerOf(definition: {
  readonly kind: string;
  readonly timerKind?: 'date' | 'duration' | 'cycle';
  readonly expression?: ValueExpression;
  readonly messageName?: ValueExpression;
  readonly signalName?: ValueExpression;
  readonly condition?: string;
}): StartEventEntry['trigger'] | undefined {
  if (definition.kind === 'conditional' && definition.condition !== undefined) {
    return { kind: 'conditional', condition: definition.condition };
  }
  // start events have no variables to evaluate FEEL against: only static values (and FEEL string literals)
  const text = (value: ValueExpression | undefined): string | undefined =>
    value === undefined
      ? undefined
      : value.kind === 'static'
        ? value.value
        : /^"([^"]*)"$/.exec(value.expression.trim())?.[1];
  if (definition.kind === 'timer' && definition.timerKind !== undefined) {
    const timer = text(definition.expression);
    return timer === undefined ? undefined : { kind: 'timer', timerKind: definition.timerKind, text: timer };
  }
  if (definition.kind === 'message' || definition.kind === 'signal') {
    const name = text(definition.kind === 'message' ? definition.messageName : definition.signalName);
    return name === undefined ? undefined : { kind: definition.kind, name };
  }
  return undefined;
}

function isVariables(value: unknown): value is Variables {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Instance keys may not contain '.', which separates an entity's local key. */
function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
