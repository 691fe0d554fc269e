import type { Store } from '@operon/store';
import { OperationalError } from './operon-error';
import type { RuntimeOptions } from './runtime';

/** Errors that mean the database is not there (yet): worth waiting for, unlike a corrupt or newer schema. */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|57P03|08006|08001|08004)$/.test(code)
  );
}

export async function migrateWithRetries(
  store: Store,
  options: Pick<RuntimeOptions, 'startupRetries' | 'startupRetryDelayMs' | 'log'>,
): Promise<void> {
  const attempts = Math.max(1, options.startupRetries ?? 10);
  let delay = options.startupRetryDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await store.migrate();
      return;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      if (attempt >= attempts) {
        throw new OperationalError(
          `The database does not answer (${(error as Error).message}) after ${attempts} attempts. ` +
            'Check that it runs and that OPERON_DATABASE_URL points at it.',
          { cause: error },
        );
      }
      options.log?.(
        'warn',
        `The database does not answer (attempt ${attempt} of ${attempts}); retrying in ${delay} ms.`,
        {
          error: (error as Error).message,
        },
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(10_000, delay * 2);
    }
  }
}
