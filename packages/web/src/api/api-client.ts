/** The Operon REST API as the browser sees it: same origin, session cookie, CSRF header on changes. */

const CSRF_COOKIE = 'operon_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

/** Dispatched on window when the service answers 401: the session ended, so the UI shows sign-in again. */
export const UNAUTHENTICATED_EVENT = 'operon:unauthenticated';

/** An error answer of the service: its stable code (docs/errors.md), its message, its details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Whether a session cookie pair is present (the CSRF cookie is readable; the session one is HttpOnly). */
export function hasSessionCookie(): boolean {
  return csrfToken() !== undefined;
}

async function send(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (contentType !== undefined) headers['content-type'] = contentType;
  const token = method === 'GET' ? undefined : csrfToken();
  if (token !== undefined) headers[CSRF_HEADER] = token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body }),
  });
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/auth/login'))
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { message: text };
    }
    const { code, message, ...details } = parsed;
    throw new ApiError(
      response.status,
      typeof code === 'string' ? code : 'HTTP_' + String(response.status),
      typeof message === 'string' ? message : response.statusText,
      details,
    );
  }
  return response;
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: async <T>(path: string): Promise<T> => json<T>(await send('GET', path)),
  text: async (path: string): Promise<string> => (await send('GET', path)).text(),
  post: async <T>(path: string, body: unknown = {}): Promise<T> =>
    json<T>(await send('POST', path, JSON.stringify(body), 'application/json')),
  put: async <T>(path: string, body: unknown = {}): Promise<T> =>
    json<T>(await send('PUT', path, JSON.stringify(body), 'application/json')),
  delete: async (path: string): Promise<void> => {
    await send('DELETE', path);
  },
  upload: async <T>(path: string, form: FormData): Promise<T> => json<T>(await send('POST', path, form)),
};

/** A query string from the defined, non-empty values. */
export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
