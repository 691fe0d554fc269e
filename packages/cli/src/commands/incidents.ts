import { CliUsageError, ExitCode } from '../cli-error';
import { wholeNumber } from '../remote/flag-values';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';
import { formatTable } from '../remote/text-table';

/** `operon incidents list [--instance KEY] [--state open|resolved] | resolve KEY [--retries N]`. */
export async function incidents(context: RemoteContext): Promise<ExitCode> {
  const action = subcommand(context, ['list', 'resolve']);
  const { flags } = context;
  if (action === 'list') {
    const state = flags.state;
    if (state !== undefined && state !== 'open' && state !== 'resolved') {
      throw new CliUsageError(`--state must be open or resolved, not '${state}'.`);
    }
    const { client } = await context.connect();
    const page = await client.listIncidents({
      ...(flags.instance === undefined ? {} : { instanceKey: flags.instance }),
      ...(state === undefined ? {} : { state }),
    });
    context.output(page, () =>
      page.items.length === 0
        ? ['No incidents.']
        : formatTable(
            [
              { header: 'INCIDENT', cell: (incident) => incident.incidentKey },
              { header: 'INSTANCE', cell: (incident) => incident.instanceKey },
              { header: 'ELEMENT', cell: (incident) => incident.elementId },
              { header: 'TYPE', cell: (incident) => incident.type },
              { header: 'STATE', cell: (incident) => incident.state },
              { header: 'MESSAGE', cell: (incident) => incident.message },
            ],
            page.items,
          ),
    );
    return ExitCode.ok;
  }
  const incidentKey = word(context, 1, 'the incident key: operon incidents resolve KEY [--retries N]');
  const retries = wholeNumber('--retries', flags.retries, 1);
  const { client } = await context.connect();
  const outcome = await client.resolveIncident(incidentKey, retries);
  context.output(outcome, () => [
    `Incident ${incidentKey} resolved; instance ${outcome.instanceKey} is ${outcome.status}.`,
  ]);
  return ExitCode.ok;
}
