import { parseArgs } from 'node:util';
import { CliUsageError, ExitCode } from './cli-error';
import { decide } from './commands/decide';
import { lint } from './commands/lint';
import { migrate } from './commands/migrate';
import { run } from './commands/run';

const USAGE = `Usage:
  operon start
      Starts the Operon service (OPERON_HOST, OPERON_PORT, OPERON_DATA_DIR, OPERON_DATABASE_URL).
  operon run FILE.bpmn [--vars JSON|@file.json] [--process ID] [--complete-jobs] [--complete-user-tasks] [--json] [--db DIR|URL] [--dmn FILE.dmn ...]
      Runs one instance of the model in memory and prints its trace. With --db, runs it durably on
      that database; running the same command again resumes the instance it left waiting.
  operon decide MODEL.dmn --decision ID [--input JSON|@file.json] [--json]
      Evaluates a decision and prints its result and the rules that matched.
  operon migrate --db DIR|URL
      Brings the database schema up to date (the service also does this when it starts).
  operon lint FILE.bpmn [--json]
      Prints the model's diagnostics; exits with 1 when there is an error.`;

async function main(argv: readonly string[]): Promise<ExitCode> {
  const [command, ...rest] = argv;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    print(USAGE);
    return command === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      vars: { type: 'string' },
      process: { type: 'string' },
      'complete-jobs': { type: 'boolean', default: false },
      'complete-user-tasks': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
      dmn: { type: 'string', multiple: true },
      decision: { type: 'string' },
      input: { type: 'string' },
    },
  });
  if (command === 'migrate') {
    const db = values.db ?? positionals[0];
    if (db === undefined)
      throw new CliUsageError(`operon migrate: give the database with --db DIR or --db postgres://…\n\n${USAGE}`);
    return migrate(db, print);
  }
  if (command === 'start') return (await import('./commands/start')).start(print);
  const file = positionals[0];
  if (file === undefined) throw new CliUsageError(`operon ${command}: give the path of a .bpmn file.\n\n${USAGE}`);
  switch (command) {
    case 'run':
      return run(
        {
          file,
          vars: values.vars,
          processId: values.process,
          completeJobs: values['complete-jobs'],
          completeUserTasks: values['complete-user-tasks'],
          json: values.json,
          db: values.db,
          dmn: values.dmn ?? [],
        },
        print,
      );
    case 'decide':
      return decide({ file, decision: values.decision, input: values.input, json: values.json }, print);
    case 'lint':
      return lint({ file, json: values.json }, print);
    default:
      throw new CliUsageError(`Unknown command '${command}'.\n\n${USAGE}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const usage = error instanceof CliUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`operon: ${error instanceof Error ? error.message : String(error)}\n`);
  if (!usage && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = usage ? ExitCode.usage : ExitCode.failed;
}
