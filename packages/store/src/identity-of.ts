import type { IdentityStore } from './identity-store';
import { KyselyStore } from './kysely-store';
import type { Store } from './store';

/** The IdentityStore that lives beside a store made by `createStore` (same database, same connection). */
export function identityStoreOf(store: Store): IdentityStore {
  if (store instanceof KyselyStore) return store.identity();
  throw new Error('identityStoreOf: the store was not made by createStore, so it has no identity tables.');
}
