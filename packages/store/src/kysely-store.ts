import type { Kysely } from 'kysely';
import { commit } from './commit';
import {
  definitionsMark,
  deploy,
  findDefinition,
  getDefinition,
  getResource,
  listDefinitions,
  listDeployments,
} from './deployments';
import type { DialectAdapter } from './dialect-adapter';
import { elementStatistics } from './element-statistics';
import { history } from './history';
import { kyselyIdentityStore } from './identity-kysely-store';
import type { IdentityStore } from './identity-store';
import { queryIncidents } from './incidents';
import { loadInstance, queryInstances } from './instances';
import { claimJobs, getJob } from './jobs';
import { findMessage, findSubscriptions, purgeExpiredMessages, saveMessage } from './messages';
import type { IdentityDatabase, OperonDatabase } from './operon-database';
import { migrate } from './schema-migrations';
import { findSignalSubscriptions } from './signals';
import type { Store } from './store';
import { claimDueTimers } from './timers';
import { assignUserTask, getUserTask, queryUserTasks } from './user-tasks';

/** Shards of the element counters: enough that a few nodes rarely share one. */
const STATISTICS_SHARDS = 64;

/** The Store over Kysely: the same queries for SQLite and PostgreSQL, the differences in `adapter`. */
export class KyselyStore implements Store {
  /** This store's shard of the element counters (see element-counters.ts). */
  private readonly statisticsShard = Math.floor(Math.random() * STATISTICS_SHARDS);

  constructor(
    private readonly db: Kysely<OperonDatabase>,
    private readonly adapter: DialectAdapter,
  ) {}

  get dialect(): Store['dialect'] {
    return this.adapter.dialect;
  }

  /** The server's identity tables, on the same connection (created by `migrate()`). */
  identity(): IdentityStore {
    // The same connection sees both sets of tables; the identity functions only name their own.
    return kyselyIdentityStore(this.db as unknown as Kysely<IdentityDatabase>);
  }

  migrate: Store['migrate'] = () => migrate(this.db, this.adapter);
  close: Store['close'] = () => this.db.destroy();

  deploy: Store['deploy'] = (input) => deploy(this.db, this.adapter, input);
  listDeployments: Store['listDeployments'] = (tenantId, page) => listDeployments(this.db, tenantId, page);
  getResource: Store['getResource'] = (tenantId, deploymentKey, name) =>
    getResource(this.db, tenantId, deploymentKey, name);
  findDefinition: Store['findDefinition'] = (tenantId, processId, version) =>
    findDefinition(this.db, tenantId, processId, version);
  getDefinition: Store['getDefinition'] = (tenantId, definitionKey) => getDefinition(this.db, tenantId, definitionKey);
  listDefinitions: Store['listDefinitions'] = (tenantId, filter, page) =>
    listDefinitions(this.db, tenantId, filter, page);
  definitionsMark: Store['definitionsMark'] = (tenantId) => definitionsMark(this.db, tenantId);

  commit: Store['commit'] = (batch) => commit(this.db, this.adapter.dialect, batch, this.statisticsShard);
  loadInstance: Store['loadInstance'] = (tenantId, instanceKey) => loadInstance(this.db, tenantId, instanceKey);

  claimJobs: Store['claimJobs'] = (request) => claimJobs(this.db, this.adapter, request);
  getJob: Store['getJob'] = (tenantId, jobKey) => getJob(this.db, tenantId, jobKey);
  releaseLeases: Store['releaseLeases'] = async (ownerId) => {
    const released = { lease_owner: null, lease_until: null };
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('jobs').set(released).where('lease_owner', '=', ownerId).execute();
      await trx.updateTable('timers').set(released).where('lease_owner', '=', ownerId).execute();
    });
  };

  claimDueTimers: Store['claimDueTimers'] = (request) => claimDueTimers(this.db, this.adapter, request);
  saveMessage: Store['saveMessage'] = (message) => saveMessage(this.db, message);
  findMessage: Store['findMessage'] = (tenantId, name, correlationKey, now) =>
    findMessage(this.db, tenantId, name, correlationKey, now);
  findSubscriptions: Store['findSubscriptions'] = (tenantId, name, correlationKey) =>
    findSubscriptions(this.db, tenantId, name, correlationKey);
  purgeExpiredMessages: Store['purgeExpiredMessages'] = (now) => purgeExpiredMessages(this.db, now);
  findSignalSubscriptions: Store['findSignalSubscriptions'] = (tenantId, signalName) =>
    findSignalSubscriptions(this.db, tenantId, signalName);

  queryInstances: Store['queryInstances'] = (filter, page) => queryInstances(this.db, filter, page);
  history: Store['history'] = (tenantId, instanceKey, page) => history(this.db, tenantId, instanceKey, page);
  queryIncidents: Store['queryIncidents'] = (filter, page) => queryIncidents(this.db, filter, page);
  queryUserTasks: Store['queryUserTasks'] = (filter, page) => queryUserTasks(this.db, filter, page);
  getUserTask: Store['getUserTask'] = (tenantId, taskKey) => getUserTask(this.db, tenantId, taskKey);
  assignUserTask: Store['assignUserTask'] = (tenantId, taskKey, assignee, expectedAssignee) =>
    assignUserTask(this.db, tenantId, taskKey, assignee, expectedAssignee);
  elementStatistics: Store['elementStatistics'] = (tenantId, definitionKey) =>
    elementStatistics(this.db, tenantId, definitionKey);
}
