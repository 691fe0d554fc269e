import type { Runtime } from '@operon/runtime';
import type { IdentityStore } from '@operon/store';
import type { OperonConfig } from './config';
import type { EventStream } from './event-stream';
import type { AuditLog } from './identity/audit-log';
import type { PrincipalCache } from './identity/principal-cache';
import type { JobWaiters } from './job-waiters';
import type { OperonMetrics } from './metrics';

/** What the routes work with; made once per server by buildApp. */
export interface ServerContext {
  readonly runtime: Runtime;
  readonly identity: IdentityStore;
  readonly config: OperonConfig;
  readonly audit: AuditLog;
  /** Authenticated callers; cleared by every change of identities (see principal-cache.ts). */
  readonly principals: PrincipalCache;
  readonly metrics: OperonMetrics;
  readonly events: EventStream;
  readonly jobWaiters: JobWaiters;
  readonly tenantId: string;
  readonly now: () => number;
}
