import { sql, type Kysely, type Selectable } from 'kysely';
import { fromNullable, toNullable } from './column-values';
import type { DialectAdapter } from './dialect-adapter';
import type { OperonDatabase, ProcessDefinitionsTable } from './operon-database';
import { after, decodeCursor, pageLimit, toPage } from './page-cursor';
import type {
  DefinitionRecord,
  DeploymentInput,
  DeploymentRecord,
  DeploymentSummary,
  Page,
  PageRequest,
  ResourceKind,
  ResourceRecord,
} from './store';

type Db = Kysely<OperonDatabase>;

/**
 * Stores a bundle. Processes are versioned by content: the same content as the latest version
 * is that version again (deploying twice is idempotent); new content is latest + 1.
 */
export function deploy(db: Db, adapter: DialectAdapter, input: DeploymentInput): Promise<DeploymentRecord> {
  return db.transaction().execute(async (trx) => {
    await adapter.lockDeployments(trx, input.tenantId);
    const { tenantId, deploymentKey } = input;
    await trx
      .insertInto('deployments')
      .values({ tenant_id: tenantId, deployment_key: deploymentKey, name: input.name, created_at: input.now })
      .execute();
    if (input.resources.length > 0) {
      await trx
        .insertInto('resources')
        .values(
          input.resources.map((resource) => ({
            tenant_id: tenantId,
            deployment_key: deploymentKey,
            name: resource.name,
            kind: resource.kind,
            content: resource.content,
            content_hash: resource.contentHash,
          })),
        )
        .execute();
    }
    const definitions: DefinitionRecord[] = [];
    for (const process of input.processes) {
      const latest = await trx
        .selectFrom('process_definitions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('process_id', '=', process.processId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest?.content_hash === process.contentHash) {
        definitions.push(definitionOf(latest));
        continue;
      }
      const version = (latest?.version ?? 0) + 1;
      const row = {
        tenant_id: tenantId,
        definition_key: `${process.processId}:${version}`,
        process_id: process.processId,
        version,
        name: toNullable(process.name),
        version_tag: toNullable(process.versionTag),
        content_hash: process.contentHash,
        deployment_key: deploymentKey,
        resource_name: process.resourceName,
        created_at: input.now,
      };
      await trx.insertInto('process_definitions').values(row).execute();
      definitions.push(definitionOf(row));
    }
    return {
      deploymentKey,
      tenantId,
      name: input.name,
      createdAt: input.now,
      definitions,
      resources: input.resources.map((resource) => ({ name: resource.name, kind: resource.kind })),
    };
  });
}

export async function listDeployments(db: Db, tenantId: string, page: PageRequest): Promise<Page<DeploymentSummary>> {
  const limit = pageLimit(page);
  const cursor = decodeCursor('deployments', ['number', 'string'], page.cursor);
  const rows = await db
    .selectFrom('deployments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(cursor !== undefined, (query) =>
      query.where(after(sql.ref('created_at'), sql.ref('deployment_key'), cursor ?? [], 'asc')),
    )
    .orderBy('created_at')
    .orderBy('deployment_key')
    .limit(limit + 1)
    .execute();
  const keys = rows.slice(0, limit).map((row) => row.deployment_key);
  const resources =
    keys.length === 0
      ? []
      : await db
          .selectFrom('resources')
          .select(['deployment_key', 'name'])
          .where('tenant_id', '=', tenantId)
          .where('deployment_key', 'in', keys)
          .orderBy('name')
          .execute();
  return toPage(
    'deployments',
    rows,
    limit,
    (row) => ({
      deploymentKey: row.deployment_key,
      name: row.name,
      createdAt: row.created_at,
      resourceNames: resources
        .filter((resource) => resource.deployment_key === row.deployment_key)
        .map((resource) => resource.name),
    }),
    (row) => [row.created_at, row.deployment_key],
  );
}

export async function getResource(
  db: Db,
  tenantId: string,
  deploymentKey: string,
  name: string,
): Promise<ResourceRecord | undefined> {
  const row = await db
    .selectFrom('resources')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deployment_key', '=', deploymentKey)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    deploymentKey: row.deployment_key,
    name: row.name,
    kind: row.kind as ResourceKind,
    content: row.content,
    contentHash: row.content_hash,
  };
}

export async function findDefinition(
  db: Db,
  tenantId: string,
  processId: string,
  version?: number,
): Promise<DefinitionRecord | undefined> {
  const row = await db
    .selectFrom('process_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('process_id', '=', processId)
    .$if(version !== undefined, (query) => query.where('version', '=', version ?? 0))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && definitionOf(row);
}

export async function getDefinition(
  db: Db,
  tenantId: string,
  definitionKey: string,
): Promise<DefinitionRecord | undefined> {
  const row = await db
    .selectFrom('process_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('definition_key', '=', definitionKey)
    .executeTakeFirst();
  return row && definitionOf(row);
}

/** By process id, then version. */
export async function listDefinitions(
  db: Db,
  tenantId: string,
  filter: { processId?: string },
  page: PageRequest,
): Promise<Page<DefinitionRecord>> {
  const limit = pageLimit(page);
  const cursor = decodeCursor('definitions', ['string', 'number'], page.cursor);
  const rows = await db
    .selectFrom('process_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(filter.processId !== undefined, (query) => query.where('process_id', '=', filter.processId ?? ''))
    .$if(cursor !== undefined, (query) =>
      query.where(after(sql.ref('process_id'), sql.ref('version'), cursor ?? [], 'asc')),
    )
    .orderBy('process_id')
    .orderBy('version')
    .limit(limit + 1)
    .execute();
  return toPage('definitions', rows, limit, definitionOf, (row) => [row.process_id, row.version]);
}

/** How many definitions the tenant has and when the latest was deployed: it changes with every deployment. */
export async function definitionsMark(db: Db, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('process_definitions')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('created_at').as('latest')])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return `${String(row?.count ?? 0)}/${String(row?.latest ?? '')}`;
}

function definitionOf(row: Selectable<ProcessDefinitionsTable>): DefinitionRecord {
  return {
    definitionKey: row.definition_key,
    tenantId: row.tenant_id,
    processId: row.process_id,
    name: fromNullable(row.name),
    version: row.version,
    versionTag: fromNullable(row.version_tag),
    contentHash: row.content_hash,
    deploymentKey: row.deployment_key,
    resourceName: row.resource_name,
    createdAt: row.created_at,
  };
}
