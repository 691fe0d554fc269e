import { hostname } from 'node:os';
import { text } from 'node:stream/consumers';
import { OperonApiError, OperonClient } from '@operon/client';
import { CliUsageError, ExitCode } from '../cli-error';
import { answeringFetch, connect, serverUrl } from '../remote/connection';
import { CookieJar } from '../remote/cookie-jar';
import { removeLogin, saveLogin, type SavedLogin } from '../remote/credentials';
import type { RemoteContext } from '../remote/remote-command';

const TOKEN_DAYS = 30;

/**
 * `operon login --user NAME --password P|-`: signs in, issues an API token with the user's own roles
 * (30 days) and saves it for that server. A user who may not issue tokens keeps the session instead.
 */
export async function login(context: RemoteContext): Promise<ExitCode> {
  const username = context.flags.user ?? context.words[0];
  if (username === undefined)
    throw new CliUsageError('operon login: give --user NAME and --password P (or - to read it from stdin).');
  const password = await readPassword(context.flags.password);
  const server = await serverUrl(context.flags.server);
  const jar = new CookieJar();
  const client = new OperonClient({ baseUrl: server, fetch: jar.wrap(answeringFetch(server)) });
  const session = await client.logIn(username, password);
  const me = await client.whoAmI();
  const savedAt = new Date().toISOString();
  let saved: SavedLogin;
  try {
    const issued = await client.createToken({
      name: `operon CLI on ${hostname()}`,
      grants: me.grants,
      expiresInDays: TOKEN_DAYS,
    });
    saved = { server, username: me.username, token: issued.token, tokenId: issued.tokenId, savedAt };
    await client.logOut();
  } catch (error) {
    if (!(error instanceof OperonApiError && error.code === 'FORBIDDEN')) throw error;
    const csrfToken = jar.csrfToken() ?? session.csrfToken;
    saved = {
      server,
      username: me.username,
      session: { cookie: jar.header(), csrfToken, expiresAt: session.expiresAt },
      savedAt,
    };
  }
  const path = await saveLogin(saved);
  const kept =
    saved.token === undefined
      ? `your session (until ${session.expiresAt}; only administrators may issue API tokens)`
      : `an API token (${saved.tokenId}, ${TOKEN_DAYS} days)`;
  context.output({ server, username: me.username, tokenId: saved.tokenId, credentials: path }, () => [
    `Signed in to ${server} as ${me.username}; saved ${kept} in ${path}.`,
  ]);
  return ExitCode.ok;
}

/** `operon logout`: revokes the saved token (or ends the session) and forgets it. */
export async function logout(context: RemoteContext): Promise<ExitCode> {
  const server = await serverUrl(context.flags.server);
  const { client } = await connect({ server });
  const saved = await removeLogin(server);
  if (saved === undefined) {
    context.output({ server, signedOut: false }, () => [`No saved login for ${server}.`]);
    return ExitCode.ok;
  }
  // The saved credentials are forgotten either way; ending them on the server is a courtesy that may fail.
  const ended = await (saved.tokenId !== undefined ? client.revokeToken(saved.tokenId) : client.logOut()).then(
    () => true,
    () => false,
  );
  context.output({ server, signedOut: true, revoked: ended }, () => [
    `Signed out of ${server}${ended ? '' : ' (the server could not be told; the token expires on its own)'}.`,
  ]);
  return ExitCode.ok;
}

async function readPassword(flag: string | undefined): Promise<string> {
  const password = flag === '-' ? (await text(process.stdin)).split('\n')[0] : (flag ?? process.env.OPERON_PASSWORD);
  if (password === undefined || password === '') {
    throw new CliUsageError('operon login: give --password P, --password - (read from stdin), or OPERON_PASSWORD.');
  }
  return password;
}
