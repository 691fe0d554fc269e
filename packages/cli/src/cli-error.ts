/** A mistake in how the command was called or in its input: printed without a stack, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const ExitCode = {
  ok: 0,
  /** The model has errors, or the run ended in an incident. */
  failed: 1,
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
