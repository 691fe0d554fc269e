import { createStore, type Store } from '@operon/store';
import { CliUsageError } from './cli-error';

/** `--db DIR` (SQLite in that directory) or `--db postgres://…`. */
export function openStore(db: string): Store {
  try {
    return /^postgres(ql)?:\/\//.test(db) ? createStore({ url: db }) : createStore({ dataDirectory: db });
  } catch (error) {
    throw new CliUsageError(`--db ${db}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
