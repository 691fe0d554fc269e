import { parseDmnDocuments, type DmnModel } from '@operon/dmn';
import type { Store } from '@operon/store';

const PAGE = 200;

/**
 * The deployed DMN decisions, by decision id, the latest deployment winning. Read from the store at
 * start, after every deployment on this node, and every `refreshMs` (deployments made on other nodes).
 * The engine looks decisions up synchronously, so they are kept in memory.
 */
export class DecisionRegistry {
  private byDecisionId = new Map<string, DmnModel>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly tenantId: string,
  ) {}

  lookup = (decisionId: string): DmnModel | undefined => this.byDecisionId.get(decisionId);

  start(refreshMs: number): void {
    this.timer = setInterval(() => {
      this.refresh().catch(() => undefined); // the database is away: the next refresh will do
    }, refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Reads every deployed .dmn resource, oldest deployment first, so later versions win. */
  async refresh(): Promise<void> {
    const deployments: { deploymentKey: string; createdAt: number; names: readonly string[] }[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listDeployments(
        this.tenantId,
        cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
      );
      for (const item of page.items) {
        const names = item.resourceNames.filter((name) => name.toLowerCase().endsWith('.dmn'));
        if (names.length > 0) deployments.push({ deploymentKey: item.deploymentKey, createdAt: item.createdAt, names });
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    deployments.sort((a, b) => a.createdAt - b.createdAt);
    const next = new Map<string, DmnModel>();
    for (const deployment of deployments) {
      const contents: string[] = [];
      for (const name of deployment.names) {
        const resource = await this.store.getResource(this.tenantId, deployment.deploymentKey, name);
        if (resource) contents.push(resource.content);
      }
      const { models } = await parseDmnDocuments(contents);
      for (const model of models) for (const decisionId of model.decisions.keys()) next.set(decisionId, model);
    }
    this.byDecisionId = next;
  }
}
