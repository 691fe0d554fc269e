import { DEPLOY_CHECKS } from '@operon/engine';
import { parseDmn } from '@operon/dmn';
import { parseBpmn, type ProcessDefinition } from '@operon/model';
import type { DefinitionRecord, DeploymentRecord, ResourceKind, Store } from '@operon/store';
import { UnexpectedError, UserError } from './operon-error';

const LATEST_TTL_MS = 1_000;

export interface DeploymentResource {
  readonly name: string;
  readonly content: string;
}

export interface LoadedDefinition {
  readonly record: DefinitionRecord;
  readonly definition: ProcessDefinition;
}

/**
 * Deployed process definitions: validated on deploy, stored by the store, parsed once per node
 * and kept (definitions never change; a new content is a new version).
 */
export class DefinitionRegistry {
  private readonly byKey = new Map<string, Promise<LoadedDefinition | undefined>>();
  private readonly latestByProcess = new Map<
    string,
    { record: Promise<DefinitionRecord | undefined>; until: number }
  >();

  constructor(private readonly store: Store) {}

  /** Validates every resource of a bundle; refuses the whole bundle when one has errors. */
  async deploy(
    tenantId: string,
    deploymentKey: string,
    name: string,
    resources: readonly DeploymentResource[],
    now: number,
  ): Promise<DeploymentRecord> {
    if (resources.length === 0)
      throw new UserError('VALIDATION_FAILED', 'A deployment needs at least one resource (a .bpmn file).');
    const stored: { name: string; kind: ResourceKind; content: string; contentHash: string }[] = [];
    const processes: {
      processId: string;
      name: string | undefined;
      resourceName: string;
      contentHash: string;
      versionTag: string | undefined;
    }[] = [];
    const problems: {
      resource: string;
      diagnostics: readonly { code: string; message: string; elementId?: string | undefined }[];
    }[] = [];
    for (const resource of resources) {
      const kind = resourceKindOf(resource.name);
      if (kind === 'dmn') {
        const parsed = await parseDmn(resource.content);
        if (!parsed.ok || parsed.diagnostics.length > 0) {
          problems.push({ resource: resource.name, diagnostics: parsed.diagnostics });
          continue;
        }
      }
      if (kind !== 'bpmn') {
        stored.push({ name: resource.name, kind, content: resource.content, contentHash: '' });
        continue;
      }
      const outcome = await parseBpmn(resource.content, DEPLOY_CHECKS);
      if (!outcome.ok) {
        problems.push({ resource: resource.name, diagnostics: outcome.diagnostics });
        continue;
      }
      stored.push({ name: resource.name, kind, content: resource.content, contentHash: outcome.model.contentHash });
      for (const process of outcome.model.processes) {
        processes.push({
          processId: process.id,
          name: process.name,
          resourceName: resource.name,
          contentHash: outcome.model.contentHash,
          versionTag: process.versionTag,
        });
      }
    }
    if (problems.length > 0) {
      throw new UserError(
        'MODEL_INVALID',
        `The deployment has errors in ${problems.map((p) => p.resource).join(', ')}; fix them and deploy again.`,
        {
          resources: problems,
        },
      );
    }
    this.latestByProcess.clear();
    return this.store.deploy({ tenantId, deploymentKey, name, now, resources: stored, processes });
  }

  /** The latest version, or the given one. */
  async find(tenantId: string, processId: string, version?: number): Promise<LoadedDefinition> {
    const record =
      version === undefined
        ? await this.latest(tenantId, processId)
        : await this.store.findDefinition(tenantId, processId, version);
    if (!record) {
      const which = version === undefined ? '' : ` version ${version}`;
      throw new UserError('DEFINITION_NOT_FOUND', `Process '${processId}'${which} is not deployed; deploy it first.`, {
        processId,
      });
    }
    return this.load(tenantId, record.definitionKey);
  }

  /**
   * The latest version, remembered for a second: starting instances should not cost a query each.
   * A deployment on this node forgets it at once; one on another node is seen within the second.
   */
  private latest(tenantId: string, processId: string): Promise<DefinitionRecord | undefined> {
    const key = `${tenantId}/${processId}`;
    const now = Date.now();
    const known = this.latestByProcess.get(key);
    if (known && known.until > now) return known.record;
    // one lookup at a time per process: hundreds of starts arriving together share it
    const record = this.store.findDefinition(tenantId, processId);
    this.latestByProcess.set(key, { record, until: now + LATEST_TTL_MS });
    record.catch(() => this.latestByProcess.delete(key));
    return record;
  }

  async load(tenantId: string, definitionKey: string): Promise<LoadedDefinition> {
    const cacheKey = `${tenantId}/${definitionKey}`;
    let loading = this.byKey.get(cacheKey);
    if (!loading) {
      loading = this.read(tenantId, definitionKey);
      this.byKey.set(cacheKey, loading);
      loading.catch(() => this.byKey.delete(cacheKey));
    }
    const loaded = await loading;
    if (!loaded) throw new UserError('DEFINITION_NOT_FOUND', `Process definition ${definitionKey} does not exist.`);
    return loaded;
  }

  private async read(tenantId: string, definitionKey: string): Promise<LoadedDefinition | undefined> {
    const record = await this.store.getDefinition(tenantId, definitionKey);
    if (!record) return undefined;
    const resource = await this.store.getResource(tenantId, record.deploymentKey, record.resourceName);
    if (!resource)
      throw new UnexpectedError(`resource ${record.resourceName} of definition ${definitionKey} is missing`);
    const outcome = await parseBpmn(resource.content, DEPLOY_CHECKS);
    const definition = outcome.ok
      ? outcome.model.processes.find((process) => process.id === record.processId)
      : undefined;
    if (!definition) throw new UnexpectedError(`stored definition ${definitionKey} no longer parses`);
    return { record, definition };
  }
}

export function resourceKindOf(name: string): ResourceKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.bpmn20.xml')) return 'bpmn';
  if (lower.endsWith('.dmn')) return 'dmn';
  if (lower.endsWith('.form')) return 'form';
  if (lower.endsWith('.schema.json')) return 'schema';
  throw new UserError(
    'VALIDATION_FAILED',
    `Resource '${name}' has a type Operon does not deploy; use .bpmn, .dmn, .form or .schema.json files.`,
  );
}
