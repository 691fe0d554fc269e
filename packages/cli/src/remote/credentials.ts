import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** What `operon login` keeps for one server: an API token, or a session when the user may not issue tokens. */
export interface SavedLogin {
  readonly server: string;
  readonly username: string;
  readonly token?: string;
  readonly tokenId?: string;
  readonly session?: { readonly cookie: string; readonly csrfToken: string; readonly expiresAt: string };
  readonly savedAt: string;
}

interface CredentialsFile {
  /** The server of the latest login: used when neither --server nor OPERON_SERVER is given. */
  current?: string;
  servers: Record<string, SavedLogin>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_CONFIG_HOME/operon/credentials.json`, or `~/.config/operon/credentials.json`. */
export function credentialsPath(env: Env = process.env): string {
  const configHome = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(configHome, 'operon', 'credentials.json');
}

export async function readCredentials(env: Env = process.env): Promise<CredentialsFile> {
  let text: string;
  try {
    text = await readFile(credentialsPath(env), 'utf8');
  } catch {
    return { servers: {} };
  }
  try {
    const parsed = JSON.parse(text) as Partial<CredentialsFile>;
    return { ...(parsed.current === undefined ? {} : { current: parsed.current }), servers: parsed.servers ?? {} };
  } catch {
    // A damaged file is as good as none: the next login rewrites it.
    return { servers: {} };
  }
}

export async function saveLogin(login: SavedLogin, env: Env = process.env): Promise<string> {
  const file = await readCredentials(env);
  file.servers[login.server] = login;
  file.current = login.server;
  return writeCredentials(file, env);
}

/** Forgets the login for a server; returns what it was. */
export async function removeLogin(server: string, env: Env = process.env): Promise<SavedLogin | undefined> {
  const file = await readCredentials(env);
  const login = file.servers[server];
  if (login === undefined) return undefined;
  delete file.servers[server];
  if (file.current === server) delete file.current;
  await writeCredentials(file, env);
  return login;
}

/** Secrets: the directory is 0700 and the file 0600, written whole through a temporary file. */
async function writeCredentials(file: CredentialsFile, env: Env): Promise<string> {
  const path = credentialsPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}
