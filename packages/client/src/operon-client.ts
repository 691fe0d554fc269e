import { OperonApiError } from './api-error';
import type {
  ActivatedJob,
  ApiToken,
  BroadcastSignal,
  ConditionEvaluation,
  Deployment,
  Incident,
  InstanceDetails,
  InstanceStatus,
  InstanceSummary,
  IssuedToken,
  Me,
  Outcome,
  Page,
  PublishedMessage,
  RoleGrant,
  Session,
  StartedInstance,
  User,
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
  'POST /api/v1/signals',
  'POST /api/v1/conditions/evaluate',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'GET /api/v1/users',
  'POST /api/v1/users',
  'PUT /api/v1/users/{username}/roles',
  'GET /api/v1/tokens',
  'POST /api/v1/tokens',
  'DELETE /api/v1/tokens/{tokenId}',
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

  broadcastSignal(signal: { name: string; variables?: Variables }): Promise<BroadcastSignal> {
    return this.call('POST', '/api/v1/signals', { body: signal });
  }

  /** Evaluates the conditional start events (of one process, or all): one instance per condition that holds. */
  evaluateConditions(request: { variables: Variables; processId?: string }): Promise<ConditionEvaluation> {
    return this.call('POST', '/api/v1/conditions/evaluate', { body: request });
  }

  /**
   * Signs in with a password. The session lives in a cookie, so this is for a client whose `fetch`
   * keeps cookies and echoes the CSRF token (as a browser does); machines use API tokens.
   */
  logIn(username: string, password: string): Promise<Session> {
    return this.call('POST', '/api/v1/auth/login', { body: { username, password } });
  }

  async logOut(): Promise<void> {
    await this.call('POST', '/api/v1/auth/logout', { body: {} });
  }

  whoAmI(): Promise<Me> {
    return this.call('GET', '/api/v1/auth/me');
  }

  listUsers(query: { limit?: number; cursor?: string } = {}): Promise<Page<User>> {
    return this.call('GET', '/api/v1/users', { query });
  }

  createUser(user: {
    username: string;
    password: string;
    displayName?: string;
    grants?: readonly RoleGrant[];
  }): Promise<User> {
    return this.call('POST', '/api/v1/users', { body: user });
  }

  setUserRoles(username: string, grants: readonly RoleGrant[]): Promise<User> {
    return this.call('PUT', `/api/v1/users/${encodeURIComponent(username)}/roles`, { body: { grants } });
  }

  createToken(request: {
    name: string;
    grants: readonly RoleGrant[];
    owner?: string;
    expiresInDays?: number;
  }): Promise<IssuedToken> {
    return this.call('POST', '/api/v1/tokens', { body: request });
  }

  listTokens(): Promise<{ items: readonly ApiToken[] }> {
    return this.call('GET', '/api/v1/tokens');
  }

  async revokeToken(tokenId: string): Promise<void> {
    await this.call('DELETE', `/api/v1/tokens/${encodeURIComponent(tokenId)}`);
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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
