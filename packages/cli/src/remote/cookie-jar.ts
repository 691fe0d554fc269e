const CSRF_COOKIE = 'operon_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What a browser does for a session: keeps the cookies the server sets, sends them back, and echoes
 * the CSRF cookie as X-CSRF-Token on requests that change something. Used by `operon login`.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(header = '') {
    for (const pair of header.split(';')) {
      const [name, ...value] = pair.trim().split('=');
      if (name) this.cookies.set(name, value.join('='));
    }
  }

  /** The Cookie header to send. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }

  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init = {}) => {
      const headers = new Headers(init.headers);
      if (this.cookies.size > 0) headers.set('cookie', this.header());
      const csrf = this.csrfToken();
      if (csrf !== undefined && UNSAFE.has((init.method ?? 'GET').toUpperCase())) headers.set('x-csrf-token', csrf);
      const response = await inner(input, { ...init, headers });
      for (const cookie of response.headers.getSetCookie()) this.keep(cookie);
      return response;
    };
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const [name = '', ...value] = pair.trim().split('=');
    if (name === '') return;
    const expired = attributes.some((attribute) => {
      const [key = '', date = ''] = attribute.trim().split('=');
      return key.toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
    });
    if (expired || value.join('=') === '') this.cookies.delete(name);
    else this.cookies.set(name, value.join('='));
  }
}
