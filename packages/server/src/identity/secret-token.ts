import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random secrets (session ids, API token secrets, CSRF tokens) and their stored digests. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are long and random, so a plain SHA-256 is enough to keep them unusable at rest. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

const TOKEN_PREFIX = 'opr';

/** An API token as its holder sees it: `opr.<id>.<secret>`; only the id and a digest of the secret are stored. */
export function newApiToken(): { tokenId: string; secret: string; token: string } {
  const tokenId = randomBytes(9).toString('hex');
  const secret = randomSecret();
  return { tokenId, secret, token: `${TOKEN_PREFIX}.${tokenId}.${secret}` };
}

export function parseApiToken(token: string): { tokenId: string; secret: string } | undefined {
  const [prefix, tokenId, secret, ...rest] = token.split('.');
  if (prefix !== TOKEN_PREFIX || tokenId === undefined || secret === undefined || rest.length > 0) return undefined;
  return { tokenId, secret };
}
