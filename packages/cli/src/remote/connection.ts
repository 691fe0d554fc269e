import { OperonClient } from '@operon/client';
import { CliUsageError } from '../cli-error';
import { CookieJar } from './cookie-jar';
import { readCredentials, type SavedLogin } from './credentials';
import { RemoteError } from './remote-error';

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

type Env = Readonly<Record<string, string | undefined>>;

/** A client for one server, with the credentials the command line, the environment or a saved login gave. */
export interface Connection {
  readonly server: string;
  readonly client: OperonClient;
  /** Where the credentials came from, for messages. */
  readonly credentials: 'token' | 'saved token' | 'saved session' | 'none';
}

/** `--server` › OPERON_SERVER › the server of the latest login › http://127.0.0.1:8080. */
export async function serverUrl(flag: string | undefined, env: Env = process.env): Promise<string> {
  const given = flag ?? (env.OPERON_SERVER?.trim() || undefined) ?? (await readCredentials(env)).current;
  return normalizeServer(given ?? DEFAULT_SERVER);
}

export function normalizeServer(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliUsageError(`--server '${text}' is not a URL; for example --server http://127.0.0.1:8080.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliUsageError(`--server '${text}' must be an http:// or https:// URL.`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `--token` › OPERON_TOKEN › the login saved for that server. */
export async function connect(
  options: { server?: string | undefined; token?: string | undefined },
  env: Env = process.env,
): Promise<Connection> {
  const server = await serverUrl(options.server, env);
  const fetch = answeringFetch(server);
  const token = options.token ?? (env.OPERON_TOKEN?.trim() || undefined);
  if (token !== undefined)
    return { server, client: new OperonClient({ baseUrl: server, token, fetch }), credentials: 'token' };
  const saved: SavedLogin | undefined = (await readCredentials(env)).servers[server];
  if (saved?.token !== undefined) {
    return {
      server,
      client: new OperonClient({ baseUrl: server, token: saved.token, fetch }),
      credentials: 'saved token',
    };
  }
  if (saved?.session !== undefined) {
    const jar = new CookieJar(saved.session.cookie);
    return {
      server,
      client: new OperonClient({ baseUrl: server, fetch: jar.wrap(fetch) }),
      credentials: 'saved session',
    };
  }
  return { server, client: new OperonClient({ baseUrl: server, fetch }), credentials: 'none' };
}

/** fetch that turns "nobody answered" into a message naming the URL it tried. */
export function answeringFetch(server: string, inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new RemoteError(
        `no answer from the Operon server at ${server} (${reason}). Is it running? ` +
          "Start it with 'operon start', or point --server (or OPERON_SERVER) at it.",
      );
    }
  };
}
