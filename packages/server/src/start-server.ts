import { randomUUID } from 'node:crypto';
import { Runtime } from '@operon/runtime';
import { createStore, identityStoreOf, type Store } from '@operon/store';
import { pino, type Logger } from 'pino';
import { buildApp } from './app';
import type { OperonConfig } from './config';
import { deployExamplesOnFirstStart } from './example-processes';
import { AuditLog } from './identity/audit-log';
import { ADMIN_USER, bootstrapAdmin } from './identity/bootstrap-admin';
import type { OperonApp } from './operon-app';

export interface RunningServer {
  readonly url: string;
  readonly app: OperonApp;
  readonly runtime: Runtime;
  /** Stops taking requests, finishes in-flight commits, releases leases, closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts the service: opens and migrates the database, starts the runtime, creates `admin` and
 * deploys the examples on a first start, then listens. `print` gets the lines a person should see.
 */
export async function startServer(
  config: OperonConfig,
  print: (line: string) => void,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<RunningServer> {
  const store: Store =
    config.databaseUrl === undefined
      ? createStore({ dataDirectory: config.dataDirectory })
      : createStore({ url: config.databaseUrl });
  const runtime = await Runtime.start({
    store,
    nodeId: `node-${randomUUID()}`,
    log: (level, message, fields) => logger[level](fields ?? {}, message),
  });
  const identity = identityStoreOf(store);
  try {
    const admin = await bootstrapAdmin(
      identity,
      new AuditLog(identity, runtime.tenantId),
      runtime.tenantId,
      config.adminPassword,
      Date.now(),
    );
    if (config.deployExamples) {
      const examples = await deployExamplesOnFirstStart(runtime);
      if (examples) print(`Deployed the examples: ${examples.definitions.map((d) => d.processId).join(', ')}.`);
    }
    const app = await buildApp({ runtime, identity, config, logger });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    print(`Operon is running at ${url} (API docs at ${url}/docs).`);
    print(`Data: ${config.databaseUrl === undefined ? config.dataDirectory : 'PostgreSQL'}.`);
    if (admin?.generated) {
      print(`First start: sign in as '${ADMIN_USER}' with the password ${admin.password}`);
      print('It is shown only this once; change it with PUT /api/v1/users/admin/password.');
    } else if (admin) {
      print(`First start: created '${ADMIN_USER}' with the password from OPERON_ADMIN_PASSWORD.`);
    }
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await app.close();
        await runtime.stop();
        await store.close();
      })();
      return stopping;
    };
    return { url, app, runtime, stop };
  } catch (error) {
    await runtime.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
