import type { Kysely } from 'kysely';
import { identityCredentials } from './identity-credentials';
import type { IdentityStore } from './identity-store';
import { identityUsers } from './identity-users';
import type { IdentityDatabase } from './operon-database';

/** The IdentityStore over the same Kysely connection as the Store (its tables come with `migrate()`). */
export function kyselyIdentityStore(db: Kysely<IdentityDatabase>): IdentityStore {
  return { ...identityUsers(db), ...identityCredentials(db) };
}
