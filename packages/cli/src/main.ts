import { parseArgs } from 'node:util';
import { CliUsageError, ExitCode } from './cli-error';
import { lint } from './commands/lint';
import { run } from './commands/run';

const USAGE = `Usage:
  operon run FILE.bpmn [--vars JSON|@file.json] [--process ID] [--complete-jobs] [--complete-user-tasks] [--json]
      Runs one instance of the model in memory and prints its trace.
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
    },
  });
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
        },
        print,
      );
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
