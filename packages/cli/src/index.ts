export { run } from './commands/run';
export type { RunOptions } from './commands/run';
export { lint } from './commands/lint';
export type { LintOptions } from './commands/lint';
export { ExitCode } from './cli-error';
