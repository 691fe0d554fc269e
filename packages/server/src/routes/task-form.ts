import type { Store } from '@operon/store';

/**
 * The form a user task links with `zeebe:formDefinition formId`: the deployed .form resource whose
 * JSON `id` is that id (the most recently deployed one, when several are).
 */
export async function findForm(store: Store, tenantId: string, formId: string): Promise<unknown> {
  let found: unknown;
  let cursor: string | undefined;
  do {
    const page = await store.listDeployments(tenantId, { limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    for (const deployment of page.items) {
      for (const name of deployment.resourceNames.filter((resourceName) => resourceName.endsWith('.form'))) {
        const resource = await store.getResource(tenantId, deployment.deploymentKey, name);
        const form = resource && parseForm(resource.content);
        if (form?.id === formId) found = form;
      }
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return found;
}

function parseForm(content: string): { id?: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(content);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
