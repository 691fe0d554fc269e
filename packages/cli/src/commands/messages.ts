import { CliUsageError, ExitCode } from '../cli-error';
import { readVariables } from '../read-variables';
import { durationMs } from '../remote/flag-values';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';

/** `operon messages publish NAME --correlation-key K [--vars JSON] [--ttl PT10M|ms]`. */
export async function messages(context: RemoteContext): Promise<ExitCode> {
  subcommand(context, ['publish']);
  const name = word(context, 1, 'the message name: operon messages publish NAME --correlation-key K');
  const correlationKey = context.flags['correlation-key'];
  if (correlationKey === undefined) {
    throw new CliUsageError('operon messages publish: give --correlation-key K (the key the instance waits with).');
  }
  const variables = await readVariables(context.flags.vars);
  const timeToLive = durationMs('--ttl', context.flags.ttl);
  const { client } = await context.connect();
  const published = await client.publishMessage({
    name,
    correlationKey,
    variables,
    ...(timeToLive === undefined ? {} : { timeToLive }),
  });
  context.output(published, () => [
    published.correlatedInstances.length > 0
      ? `Message ${name} correlated to ${published.correlatedInstances.join(', ')}.`
      : published.buffered
        ? `Message ${name} is buffered for ${context.flags.ttl ?? '0 ms'}: no instance waits for it yet.`
        : `Message ${name} published; no instance was waiting for it.`,
  ]);
  return ExitCode.ok;
}
