import { ConfigError, loadConfig, startServer } from '@operon/server';
import { ExitCode } from '../cli-error';

/**
 * `operon start`: the service, configured by OPERON_* variables. Runs until SIGTERM or SIGINT,
 * then finishes in-flight commits, releases its leases and exits.
 */
export async function start(print: (line: string) => void): Promise<ExitCode> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      print(`operon start: ${error.message}`);
      return ExitCode.usage;
    }
    throw error;
  }
  const server = await startServer(config, print);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      print(`${signal}: stopping; finishing what is in flight…`);
      server.stop().then(resolve, (error: unknown) => {
        print(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  print('Operon stopped.');
  return ExitCode.ok;
}
