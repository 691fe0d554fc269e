import { ExitCode } from '../cli-error';
import { formatDiagnostic } from '../format-diagnostics';
import { readModelFile } from '../read-model-file';

export interface LintOptions {
  readonly file: string;
  readonly json: boolean;
}

/** `operon lint FILE.bpmn`: prints the diagnostics; exit code 1 when there is an error. */
export async function lint(options: LintOptions, print: (line: string) => void): Promise<ExitCode> {
  const outcome = await readModelFile(options.file);
  const errors = outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (options.json) {
    print(JSON.stringify({ file: options.file, ok: outcome.ok && errors === 0, diagnostics: outcome.diagnostics }));
  } else {
    for (const diagnostic of outcome.diagnostics) print(formatDiagnostic(options.file, diagnostic));
    const warnings = outcome.diagnostics.length - errors;
    print(`${options.file}: ${errors} error(s), ${warnings} warning(s)`);
  }
  return outcome.ok && errors === 0 ? ExitCode.ok : ExitCode.failed;
}
