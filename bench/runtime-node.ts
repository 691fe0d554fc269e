/**
 * One Operon node of the runtime-pg scenario, run as a child process (`node --import tsx bench/runtime-node.ts
 * '<NodeConfig as JSON>'`) with an IPC channel to the scenario. It runs the bench model with instant workers on a
 * PostgreSQL schema shared with the other nodes, keeps `inFlight` instances of its own going while told to, and
 * reports every one of them that ends. An instance may end on another node (its last job claimed there), so each
 * node passes on the completions it commits for instances it did not start, and the scenario forwards them.
 */
import { Runtime } from '@operon/runtime';
import { createStore } from '@operon/store';
import { LoadDriver, prepareRuntime } from './runtime-harness';

export interface NodeConfig {
  readonly url: string;
  readonly schema: string;
  readonly nodeId: string;
  readonly inFlight: number;
  readonly maxConnections: number;
}

/** From the scenario to a node. */
export type ToNode =
  | { readonly type: 'start' }
  | { readonly type: 'stop-starting' }
  | { readonly type: 'completed-elsewhere'; readonly entries: readonly (readonly [string, number])[] }
  | { readonly type: 'finish' };

/** From a node to the scenario. */
export type FromNode =
  | { readonly type: 'ready' }
  | { readonly type: 'completed-here'; readonly entries: readonly (readonly [string, number])[] }
  | { readonly type: 'drained' }
  | {
      readonly type: 'report';
      /** Flat pairs: completion time, latency in ms, for each instance this node started. */
      readonly completions: readonly number[];
      readonly started: number;
      readonly failures: readonly string[];
      readonly commits: number;
      readonly steps: number;
    };

const FORWARD_EVERY_MS = 20;

async function main(config: NodeConfig): Promise<void> {
  const send = (message: FromNode): void => {
    process.send?.(message);
  };
  const store = createStore({ url: config.url, schema: config.schema, maxConnections: config.maxConnections });
  const runtime = await Runtime.start({ store, nodeId: config.nodeId });
  await prepareRuntime(runtime, config.inFlight);
  let commits = 0;
  let steps = 0;
  runtime.onCommitted((committed) => {
    commits++;
    steps += committed.length;
  });
  const driver = new LoadDriver(runtime, config.inFlight, { trackForeign: true });
  const forward = setInterval(() => {
    if (driver.foreignCompletions.length > 0)
      send({ type: 'completed-here', entries: driver.foreignCompletions.splice(0) });
  }, FORWARD_EVERY_MS);

  process.on('message', (message: ToNode) => {
    switch (message.type) {
      case 'start':
        driver.start();
        break;
      case 'stop-starting':
        driver.stopStarting();
        void driver.drained().then(() => {
          send({ type: 'drained' });
        });
        break;
      case 'completed-elsewhere':
        driver.completedElsewhere(message.entries);
        break;
      case 'finish':
        void finish();
        break;
    }
  });

  async function finish(): Promise<void> {
    clearInterval(forward);
    driver.close();
    await runtime.stop();
    await store.close();
    const report: FromNode = {
      type: 'report',
      completions: driver.completions.flatMap(({ at, latencyMs }) => [at, latencyMs]),
      started: driver.started,
      failures: driver.failures,
      commits,
      steps,
    };
    // IPC sends are asynchronous: disconnect only once the report is out, or it can be lost
    process.send?.(report, () => process.disconnect());
  }

  send({ type: 'ready' });
}

const [configText] = process.argv.slice(2);
if (configText === undefined || process.send === undefined) {
  console.error('runtime-node: run by the runtime-pg scenario, with an IPC channel and a JSON config argument');
  process.exitCode = 1;
} else {
  await main(JSON.parse(configText) as NodeConfig);
}
