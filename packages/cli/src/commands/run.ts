import { runInMemory } from '@operon/engine';
import { CliUsageError, ExitCode } from '../cli-error';
import { formatDiagnostic } from '../format-diagnostics';
import { readModelFile } from '../read-model-file';
import { readDecisions } from '../read-decisions';
import { readVariables } from '../read-variables';
import { traceLine } from '../trace';
import { runDurable } from './run-durable';

export interface RunOptions {
  readonly file: string;
  readonly vars: string | undefined;
  readonly processId: string | undefined;
  readonly completeJobs: boolean;
  readonly completeUserTasks: boolean;
  readonly json: boolean;
  /** Run durably on this database (a SQLite directory or a postgres:// URL) instead of in memory. */
  readonly db?: string | undefined;
  /** DMN files whose decisions the model's business rule tasks call. */
  readonly dmn?: readonly string[];
}

/**
 * `operon run FILE.bpmn`: runs one instance in memory and reports how it ended.
 * Exit code 0 when it completed or waits, 1 on an incident or a model error.
 */
export async function run(options: RunOptions, print: (line: string) => void): Promise<ExitCode> {
  const variables = await readVariables(options.vars);
  const decisions = await readDecisions(options.dmn ?? []);
  const outcome = await readModelFile(options.file);
  if (!outcome.ok) {
    if (options.json) {
      print(JSON.stringify({ status: 'invalid', diagnostics: outcome.diagnostics }));
    } else {
      for (const diagnostic of outcome.diagnostics) print(formatDiagnostic(options.file, diagnostic));
      print(`${options.file} cannot run: fix the errors above (operon lint shows them too).`);
    }
    return ExitCode.failed;
  }
  const processes = outcome.model.processes;
  const definition = options.processId
    ? processes.find((candidate) => candidate.id === options.processId)
    : processes[0];
  if (!definition) {
    throw new CliUsageError(
      `--process ${options.processId}: no such process; the file has ${processes.map((p) => p.id).join(', ')}.`,
    );
  }
  if (options.db !== undefined)
    return runDurable({ ...options, db: options.db }, definition, variables, decisions.files, print);
  const result = runInMemory(definition, {
    variables,
    completeJobs: options.completeJobs,
    completeUserTasks: options.completeUserTasks,
    decisions: decisions.lookup,
  });
  if (options.json) {
    print(
      JSON.stringify({
        status: result.status,
        variables: result.variables,
        completedElements: result.completedElements,
        incidents: result.incidents.map(({ elementId, type, message }) => ({ elementId, type, message })),
      }),
    );
  } else {
    print(`Running ${definition.name ?? definition.id} (${definition.id}) from ${options.file}`);
    for (const event of result.events) {
      const line = traceLine(event, definition);
      if (line !== undefined) print(line);
    }
    print(`Status: ${result.status}`);
    print(`Variables: ${JSON.stringify(result.variables)}`);
    if (result.status === 'waiting') {
      print(
        'The instance waits for jobs or user tasks: pass --complete-jobs / --complete-user-tasks to complete them.',
      );
    }
  }
  return result.status === 'incident' ? ExitCode.failed : ExitCode.ok;
}
