import { ExitCode } from '../cli-error';

/** `operon start`: the service (being built in @operon/server). */
export function start(print: (line: string) => void): Promise<ExitCode> {
  print('operon start: the service is not available in this build yet; use operon run.');
  return Promise.resolve(ExitCode.failed);
}
