import { createHash } from 'node:crypto';
import {
  process as processCommand,
  type Command,
  type EngineEvent,
  type InstanceState,
  type Job,
  type UserTask,
  DEPLOY_CHECKS,
} from '@operon/engine';
import { parseBpmn, type ProcessDefinition } from '@operon/model';
import type { DefinitionRecord, InstanceWrite, Store } from '../src/index';

export const TENANT = 'acme';

export interface DeployedModel {
  readonly definition: ProcessDefinition;
  readonly record: DefinitionRecord;
}

/** Parses a BPMN document and deploys it as a one-file bundle. */
export async function deployModel(store: Store, xml: string, now = 0, tenantId = TENANT): Promise<DeployedModel> {
  const outcome = await parseBpmn(xml, DEPLOY_CHECKS);
  if (!outcome.ok) throw new Error(`model does not parse: ${JSON.stringify(outcome.diagnostics)}`);
  const definition = outcome.model.processes[0];
  if (!definition) throw new Error('model has no process');
  const contentHash = createHash('sha256').update(xml).digest('hex');
  const deployment = await store.deploy({
    tenantId,
    deploymentKey: `deployment-${contentHash.slice(0, 8)}-${now}`,
    name: `${definition.id}.bpmn`,
    now,
    resources: [{ name: `${definition.id}.bpmn`, kind: 'bpmn', content: xml, contentHash }],
    processes: [
      {
        processId: definition.id,
        name: definition.name,
        resourceName: `${definition.id}.bpmn`,
        contentHash,
        versionTag: undefined,
      },
    ],
  });
  const record = deployment.definitions[0];
  if (!record) throw new Error('nothing deployed');
  return { definition, record };
}

/**
 * One process instance driven through the real engine, each step committed to the store the way
 * the runtime does it: state, version, events and effects in one write.
 */
export class InstanceDriver {
  state: InstanceState | undefined;
  version = 0;

  constructor(
    private readonly store: Store,
    private readonly model: DeployedModel,
    readonly instanceKey: string,
    readonly tenantId = TENANT,
  ) {}

  /** The write a command gives, not committed; the driver does not move on. */
  step(command: Command, now: number): InstanceWrite {
    const result = processCommand(this.state, command, { now, definition: this.model.definition });
    if (result.rejection) throw new Error(`command ${command.type} rejected: ${result.rejection.message}`);
    if (!result.state) throw new Error('no state after the command');
    return {
      tenantId: this.tenantId,
      instanceKey: this.instanceKey,
      definitionKey: this.model.record.definitionKey,
      processId: this.model.definition.id,
      expectedVersion: this.version,
      state: result.state,
      events: result.events,
      effects: result.effects,
      now,
    };
  }

  /** Processes a command and commits its write. */
  async run(command: Command, now: number): Promise<readonly EngineEvent[]> {
    const write = this.step(command, now);
    await this.store.commit({ instances: [write] });
    this.accept(write);
    return write.events;
  }

  /** The write was committed (alone or in a batch): move on from it. */
  accept(write: InstanceWrite): void {
    this.state = write.state;
    this.version += 1;
  }

  start(variables: Record<string, unknown>, now: number, businessKey?: string): Promise<readonly EngineEvent[]> {
    return this.run(
      { type: 'create-instance', instanceKey: this.instanceKey, variables, ...(businessKey ? { businessKey } : {}) },
      now,
    );
  }

  job(type: string): Job {
    const job = Object.values(this.state?.jobs ?? {}).find((candidate) => candidate.type === type);
    if (!job) throw new Error(`no open job of type '${type}'`);
    return job;
  }

  userTask(elementId: string): UserTask {
    const task = Object.values(this.state?.userTasks ?? {}).find((candidate) => candidate.elementId === elementId);
    if (!task) throw new Error(`no open user task '${elementId}'`);
    return task;
  }

  /** The row key the store gives a job, task, incident, timer or subscription of this instance. */
  key(localKey: number): string {
    return `${this.instanceKey}.${localKey}`;
  }
}

/** Default variables of an ORDER instance. */
export function orderVariables(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { orderId: 'o-1', approver: null, groups: ['sales', 'managers'], due: null, priority: 50, ...overrides };
}
