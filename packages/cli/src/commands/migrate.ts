import { ExitCode } from '../cli-error';
import { openStore } from '../open-store';

/** `operon migrate --db DIR|URL`: brings the database schema up to date. */
export async function migrate(db: string, print: (line: string) => void): Promise<ExitCode> {
  const store = openStore(db);
  try {
    const report = await store.migrate();
    print(
      report.applied.length > 0
        ? `Applied ${report.applied.join(', ')}; the schema is at ${report.current}.`
        : `Nothing to do; the schema is at ${report.current}.`,
    );
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
