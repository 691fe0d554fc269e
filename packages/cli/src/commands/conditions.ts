import { ExitCode } from '../cli-error';
import { readVariables } from '../read-variables';
import { subcommand, type RemoteContext } from '../remote/remote-command';

/** `operon conditions evaluate --vars JSON [--process ID]`: conditional start events, evaluated on request. */
export async function conditions(context: RemoteContext): Promise<ExitCode> {
  subcommand(context, ['evaluate']);
  const variables = await readVariables(context.flags.vars);
  const processId = context.flags.process;
  const { client } = await context.connect();
  const result = await client.evaluateConditions({ variables, ...(processId === undefined ? {} : { processId }) });
  context.output(result, () =>
    result.startedInstances.length === 0
      ? ['No condition holds: no instance started.']
      : result.startedInstances.map(
          (started) => `Started ${started.instanceKey} (${started.definitionKey}) at ${started.startEventId}.`,
        ),
  );
  return ExitCode.ok;
}
