import { OperonApiError } from './api-error';
import type {
  ActivatedJob,
  Deployment,
  Incident,
  InstanceDetails,
  InstanceStatus,
  InstanceSummary,
  Outcome,
  Page,
  PublishedMessage,
  StartedInstance,
  UserTask,
  Variables,
} from './api-types';

export interface ClientOptions {
  /** e.g. http://127.0.0.1:8080 */
  readonly baseUrl: string;
  /** An API token (opr.<id>.<secret>). */
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

/** Every route the client calls; a test checks each against the server's OpenAPI document. */
export const CLIENT_ROUTES = [
  'POST /api/v1/deployments',
  'POST /api/v1/process-instances',
  'GET /api/v1/process-instances',
  'GET /api/v1/process-instances/{instanceKey}',
  'POST /api/v1/process-instances/{instanceKey}/cancel',
  'POST /api/v1/messages',
  'POST /api/v1/jobs/activate',
  'POST /api/v1/jobs/{jobKey}/complete',
  'POST /api/v1/jobs/{jobKey}/fail',
  'GET /api/v1/user-tasks',
  'POST /api/v1/user-tasks/{taskKey}/claim',
  'POST /api/v1/user-tasks/{taskKey}/complete',
  'GET /api/v1/incidents',
  'POST /api/v1/incidents/{incidentKey}/resolve',
] as const;

type Query = Readonly<Record<string, string | number | undefined>>;

/** A typed client of the Operon REST API. Errors are OperonApiError with the API's stable code. */
export class OperonClient {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  deploy(files: readonly { name: string; content: string }[], name?: string): Promise<Deployment> {
    const form = new FormData();
    if (name !== undefined) form.append('name', name);
    for (const file of files) form.append('resources', new Blob([file.content]), file.name);
    return this.call('POST', '/api/v1/deployments', { form });
  }

  startInstance(request: {
    processId: string;
    version?: number;
    variables?: Variables;
    businessKey?: string;
  }): Promise<StartedInstance> {
    return this.call('POST', '/api/v1/process-instances', { body: request });
  }

  searchInstances(
    query: {
      processId?: string;
      status?: InstanceStatus | 'incident';
      businessKey?: string;
      limit?: number;
      cursor?: string;
    } = {},
  ): Promise<Page<InstanceSummary>> {
    return this.call('GET', '/api/v1/process-instances', { query });
  }

  getInstance(instanceKey: string): Promise<InstanceDetails> {
    return this.call('GET', `/api/v1/process-instances/${encodeURIComponent(instanceKey)}`);
  }

  cancelInstance(instanceKey: string): Promise<Outcome> {
    return this.call('POST', `/api/v1/process-instances/${encodeURIComponent(instanceKey)}/cancel`, { body: {} });
  }

  publishMessage(message: {
    name: string;
    correlationKey: string;
    variables?: Variables;
    timeToLive?: number;
  }): Promise<PublishedMessage> {
    return this.call('POST', '/api/v1/messages', { body: message });
  }

  async activateJobs(
    request: { type: string; maxJobs?: number; timeout?: number; requestTimeout?: number; worker?: string },
    signal?: AbortSignal,
  ): Promise<ActivatedJob[]> {
    const answer = await this.call<{ jobs: ActivatedJob[] }>('POST', '/api/v1/jobs/activate', {
      body: request,
      ...(signal === undefined ? {} : { signal }),
    });
    return answer.jobs;
  }

  completeJob(jobKey: string, variables: Variables = {}): Promise<Outcome> {
    return this.call('POST', `/api/v1/jobs/${encodeURIComponent(jobKey)}/complete`, { body: { variables } });
  }

  failJob(
    jobKey: string,
    failure: { retries: number; errorMessage?: string; retryBackOff?: number },
  ): Promise<Outcome> {
    return this.call('POST', `/api/v1/jobs/${encodeURIComponent(jobKey)}/fail`, { body: failure });
  }

  listUserTasks(
    query: {
      view?: 'mine' | 'candidate' | 'unassigned' | 'all';
      processId?: string;
      instanceKey?: string;
      limit?: number;
    } = {},
  ): Promise<Page<UserTask>> {
    return this.call('GET', '/api/v1/user-tasks', { query });
  }

  claimUserTask(taskKey: string): Promise<UserTask> {
    return this.call('POST', `/api/v1/user-tasks/${encodeURIComponent(taskKey)}/claim`, { body: {} });
  }

  completeUserTask(taskKey: string, variables: Variables = {}): Promise<Outcome> {
    return this.call('POST', `/api/v1/user-tasks/${encodeURIComponent(taskKey)}/complete`, { body: { variables } });
  }

  listIncidents(query: { instanceKey?: string; state?: 'open' | 'resolved' } = {}): Promise<Page<Incident>> {
    return this.call('GET', '/api/v1/incidents', { query });
  }

  resolveIncident(incidentKey: string, retries?: number): Promise<Outcome> {
    return this.call('POST', `/api/v1/incidents/${encodeURIComponent(incidentKey)}/resolve`, {
      body: retries === undefined ? {} : { retries },
    });
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    request: { body?: unknown; form?: FormData; query?: Query; signal?: AbortSignal } = {},
  ): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token !== undefined) headers.authorization = `Bearer ${this.options.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetch(url, {
      method,
      headers,
      ...(request.form !== undefined ? { body: request.form } : {}),
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) {
      const {
        code = 'UNKNOWN',
        message = response.statusText,
        ...details
      } = (parsed ?? {}) as {
        code?: string;
        message?: string;
      };
      throw new OperonApiError(response.status, code, message, details);
    }
    return parsed as T;
  }
}
