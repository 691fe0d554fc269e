import { parseArgs } from 'node:util';
import { CliUsageError, type ExitCode } from '../cli-error';
import { connect, type Connection } from './connection';

/** Every flag of the commands that talk to a server (one set, so that each reads the same everywhere). */
const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean', default: false },
  vars: { type: 'string' },
  'business-key': { type: 'string' },
  version: { type: 'string' },
  process: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  name: { type: 'string' },
  'correlation-key': { type: 'string' },
  ttl: { type: 'string' },
  mine: { type: 'boolean', default: false },
  group: { type: 'string' },
  unassigned: { type: 'boolean', default: false },
  instance: { type: 'string' },
  state: { type: 'string' },
  retries: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string', multiple: true },
  'display-name': { type: 'string' },
  owner: { type: 'string' },
  expires: { type: 'string' },
} as const;

export type RemoteFlags = ReturnType<typeof parseRemote>['values'];

/** What a remote command gets: its words after the command name, the flags, a connection, and output. */
export interface RemoteContext {
  readonly command: string;
  readonly words: readonly string[];
  readonly flags: RemoteFlags;
  readonly connect: () => Promise<Connection>;
  readonly print: (line: string) => void;
  /** Prints the result: one JSON value with --json, else the human lines. */
  readonly output: (value: unknown, lines: () => readonly string[]) => void;
}

export type RemoteCommand = (context: RemoteContext) => Promise<ExitCode>;

function parseRemote(args: readonly string[]) {
  return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: OPTIONS });
}

export function remoteContext(command: string, args: readonly string[], print: (line: string) => void): RemoteContext {
  const { values, positionals } = parseRemote(args);
  return {
    command,
    words: positionals,
    flags: values,
    connect: () => connect({ server: values.server, token: values.token }),
    print,
    output: (value, lines) => {
      if (values.json) print(JSON.stringify(value));
      else for (const line of lines()) print(line);
    },
  };
}

/** The nth word, or a usage error that says what was expected there. */
export function word(context: RemoteContext, index: number, what: string): string {
  const value = context.words[index];
  if (value === undefined || value === '') throw new CliUsageError(`operon ${context.command}: give ${what}.`);
  return value;
}

/** The subcommand word, checked against the ones the command has. */
export function subcommand<S extends string>(context: RemoteContext, known: readonly S[]): S {
  const given = context.words[0];
  if (given !== undefined && (known as readonly string[]).includes(given)) return given as S;
  throw new CliUsageError(
    `operon ${context.command}: ${given === undefined ? 'give' : `unknown '${given}'; use`} one of ${known.join(', ')}.`,
  );
}
