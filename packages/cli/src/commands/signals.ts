import { ExitCode } from '../cli-error';
import { readVariables } from '../read-variables';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';

/** `operon signals broadcast NAME [--vars JSON]`. */
export async function signals(context: RemoteContext): Promise<ExitCode> {
  subcommand(context, ['broadcast']);
  const name = word(context, 1, 'the signal name: operon signals broadcast NAME');
  const variables = await readVariables(context.flags.vars);
  const { client } = await context.connect();
  const result = await client.broadcastSignal({ name, variables });
  context.output(result, () => [
    `Signal ${result.signalName} reached ${result.triggeredInstances.length} instance(s)` +
      (result.triggeredInstances.length > 0 ? `: ${result.triggeredInstances.join(', ')}.` : '.'),
  ]);
  return ExitCode.ok;
}
