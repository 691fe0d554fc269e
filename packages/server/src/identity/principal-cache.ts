import type { Principal } from './principal';

/**
 * Recently authenticated callers, by the digest of their token or session id, so that a busy worker
 * does not cost database reads per request. Entries live `ttlMs`; any change of identities on this
 * node (roles, groups, tokens, logout) clears the cache, so only other nodes' changes take up to `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > this.now()) return entry.principal;
    this.entries.delete(key);
    return undefined;
  }

  /** Caches until `expiresAt` (of the token or session) or the time to live, whichever is first. */
  set(key: string, principal: Principal, expiresAt: number | undefined): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const until = Math.min(this.now() + this.ttlMs, expiresAt ?? Number.POSITIVE_INFINITY);
    this.entries.set(key, { principal, until });
  }

  clear(): void {
    this.entries.clear();
  }
}
