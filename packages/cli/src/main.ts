import { parseArgs } from 'node:util';
import { OperonApiError } from '@operon/client';
import { CliUsageError, ExitCode } from './cli-error';
import { conditions } from './commands/conditions';
import { decide } from './commands/decide';
import { deploy } from './commands/deploy';
import { incidents } from './commands/incidents';
import { instances } from './commands/instances';
import { lint } from './commands/lint';
import { login, logout } from './commands/login';
import { messages } from './commands/messages';
import { migrate } from './commands/migrate';
import { run } from './commands/run';
import { signals } from './commands/signals';
import { tasks } from './commands/tasks';
import { tokens } from './commands/tokens';
import { users } from './commands/users';
import { remoteContext, type RemoteCommand } from './remote/remote-command';
import { describeApiError, RemoteError } from './remote/remote-error';

/** The commands that talk to a running service through @operon/client. */
const REMOTE_COMMANDS: Readonly<Record<string, RemoteCommand>> = {
  login,
  logout,
  deploy,
  instances,
  messages,
  signals,
  conditions,
  tasks,
  incidents,
  users,
  tokens,
};

const USAGE = `Usage:
  operon start
      Starts the Operon service (OPERON_HOST, OPERON_PORT, OPERON_DATA_DIR, OPERON_DATABASE_URL).
  operon run FILE.bpmn [--vars JSON|@file.json] [--process ID] [--complete-jobs] [--complete-user-tasks] [--json] [--now ISO] [--db DIR|URL] [--dmn FILE.dmn ...]
      Runs one instance of the model in memory and prints its trace. Timers fire in virtual time,
      starting at --now (default: the current time), so a one-day wait takes no time. With --db, runs it
      durably on that database; running the same command again resumes the instance it left waiting.
  operon decide MODEL.dmn --decision ID [--input JSON|@file.json] [--json]
      Evaluates a decision and prints its result and the rules that matched.
  operon migrate --db DIR|URL
      Brings the database schema up to date (the service also does this when it starts).
  operon lint FILE.bpmn [--json]
      Prints the model's diagnostics; exits with 1 when there is an error.

Commands for a running service. Each takes --server URL (default OPERON_SERVER, the server of the
last login, or http://127.0.0.1:8080), --token TOKEN (default OPERON_TOKEN or the saved login) and
--json (one JSON value as the last line instead of a table):
  operon login --user NAME --password P|-      Saves an API token in ~/.config/operon/credentials.json.
  operon logout                                Revokes and forgets it.
  operon deploy FILES... [--name NAME]         One bundle of .bpmn, .dmn, .form, .schema.json files.
  operon instances start PROCESS_ID [--vars JSON|@file.json] [--business-key K] [--version N]
  operon instances list [--process ID] [--status active|completed|terminated|incident] [--limit N]
  operon instances get KEY | cancel KEY
  operon messages publish NAME --correlation-key K [--vars JSON] [--ttl PT10M|ms]
  operon signals broadcast NAME [--vars JSON]
  operon conditions evaluate --vars JSON [--process ID]   Starts an instance per conditional start event that holds.
  operon tasks list [--mine|--group G|--unassigned] | claim KEY | complete KEY [--vars JSON]
  operon incidents list [--instance KEY] [--state open|resolved] | resolve KEY [--retries N]
  operon users add NAME --password P [--role R ...] | list | role NAME --role R ...
  operon tokens create NAME --role R ... [--expires 90d|DATE] [--owner USER] | list | revoke ID
      A role is admin, modeler, operator, worker, task-user, analyst or auditor; ROLE:PROCESS_ID
      narrows it to one process definition.`;

async function main(argv: readonly string[]): Promise<ExitCode> {
  const [command, ...rest] = argv;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    print(USAGE);
    return command === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const remote = REMOTE_COMMANDS[command];
  if (remote !== undefined && Object.hasOwn(REMOTE_COMMANDS, command)) {
    return remote(remoteContext(command, rest, print));
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
      now: { type: 'string' },
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
          now: values.now,
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
  if (error instanceof OperonApiError || error instanceof RemoteError) {
    const lines = error instanceof OperonApiError ? describeApiError(error) : [error.message];
    process.stderr.write(`operon: ${lines.join('\n')}\n`);
    process.exitCode = ExitCode.failed;
  } else {
    const usage = error instanceof CliUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`operon: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!usage && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = usage ? ExitCode.usage : ExitCode.failed;
  }
}
