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
  /** Where the virtual clock of an in-memory run starts (ISO 8601 date-time); default the current time. */
  readonly now?: string | undefined;
}

/**
 * `operon run FILE.bpmn`: runs one instance in memory and reports how it ended.
 * Exit code 0 when it completed or waits, 1 on an incident or a model error.
 */
export async function run(options: RunOptions, print: (line: string) => void): Promise<ExitCode> {
  const variables = await readVariables(options.vars);
  if (options.db !== undefined && options.now !== undefined) {
    throw new CliUsageError('--now sets the virtual clock of an in-memory run; a run with --db uses the real clock.');
  }
  const startTime = readStartTime(options.now);
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
    now: startTime,
  });
  if (options.json) {
    print(
      JSON.stringify({
        status: result.status,
        variables: result.variables,
        completedElements: result.completedElements,
        incidents: result.incidents.map(({ elementId, type, message }) => ({ elementId, type, message })),
        startTime: new Date(startTime).toISOString(),
        virtualTime: result.virtualTime,
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
    if (result.now !== startTime) print(`Virtual time: ${result.virtualTime} (timers fired in virtual time)`);
    if (result.status === 'waiting') {
      print(
        'The instance waits for jobs or user tasks: pass --complete-jobs / --complete-user-tasks to complete them.',
      );
    }
  }
  return result.status === 'incident' ? ExitCode.failed : ExitCode.ok;
}

/** `--now`: an ISO 8601 date-time with a date and a time; without it, the real current time. */
function readStartTime(text: string | undefined): number {
  if (text === undefined) return Date.now();
  const time = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new CliUsageError(`--now ${text}: not an ISO 8601 date-time. Write one such as --now 2025-01-31T09:00:00Z.`);
  }
  return time;
}
