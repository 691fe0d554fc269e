import type { InstanceDetails, InstanceStatus } from '@operon/client';
import { CliUsageError, ExitCode } from '../cli-error';
import { readVariables } from '../read-variables';
import { wholeNumber } from '../remote/flag-values';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';
import { formatTable } from '../remote/text-table';

const STATUSES = ['active', 'completed', 'terminated', 'incident'] as const;

/** `operon instances start|list|get|cancel`. */
export async function instances(context: RemoteContext): Promise<ExitCode> {
  const action = subcommand(context, ['start', 'list', 'get', 'cancel']);
  const { flags } = context;
  switch (action) {
    case 'start': {
      const processId = word(context, 1, 'the id of the process to start: operon instances start PROCESS_ID');
      const variables = await readVariables(flags.vars);
      const version = wholeNumber('--version', flags.version, 1);
      const { client } = await context.connect();
      const started = await client.startInstance({
        processId,
        variables,
        ...(version === undefined ? {} : { version }),
        ...(flags['business-key'] === undefined ? {} : { businessKey: flags['business-key'] }),
      });
      context.output(started, () => [
        `Started ${started.processId} v${started.version}: instance ${started.instanceKey} (${started.status}).`,
      ]);
      return ExitCode.ok;
    }
    case 'list': {
      const status = flags.status;
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
        throw new CliUsageError(`--status must be one of ${STATUSES.join(', ')}, not '${status}'.`);
      }
      const limit = wholeNumber('--limit', flags.limit, 1);
      const { client } = await context.connect();
      const page = await client.searchInstances({
        ...(flags.process === undefined ? {} : { processId: flags.process }),
        ...(status === undefined ? {} : { status: status as InstanceStatus | 'incident' }),
        ...(flags['business-key'] === undefined ? {} : { businessKey: flags['business-key'] }),
        ...(limit === undefined ? {} : { limit }),
        ...(flags.cursor === undefined ? {} : { cursor: flags.cursor }),
      });
      context.output(page, () => [
        ...(page.items.length === 0
          ? ['No instances.']
          : formatTable(
              [
                { header: 'INSTANCE', cell: (instance) => instance.instanceKey },
                { header: 'DEFINITION', cell: (instance) => instance.definitionKey },
                { header: 'STATUS', cell: (instance) => instance.status },
                { header: 'INCIDENTS', cell: (instance) => instance.openIncidents },
                { header: 'BUSINESS KEY', cell: (instance) => instance.businessKey },
                { header: 'STARTED', cell: (instance) => instance.startedAt },
              ],
              page.items,
            )),
        ...(page.nextCursor === undefined ? [] : [`More: add --cursor ${page.nextCursor}`]),
      ]);
      return ExitCode.ok;
    }
    case 'get': {
      const instanceKey = word(context, 1, 'the instance key: operon instances get KEY');
      const { client } = await context.connect();
      const instance = await client.getInstance(instanceKey);
      context.output(instance, () => describeInstance(instance));
      return ExitCode.ok;
    }
    case 'cancel': {
      const instanceKey = word(context, 1, 'the instance key: operon instances cancel KEY');
      const { client } = await context.connect();
      const outcome = await client.cancelInstance(instanceKey);
      context.output(outcome, () => [`Instance ${outcome.instanceKey} is ${outcome.status}.`]);
      return ExitCode.ok;
    }
  }
}

function describeInstance(instance: InstanceDetails): string[] {
  return [
    `Instance   ${instance.instanceKey}`,
    `Definition ${instance.definitionKey}`,
    `Status     ${instance.status}${instance.openIncidents > 0 ? ` (${instance.openIncidents} open incidents)` : ''}`,
    ...(instance.businessKey === undefined ? [] : [`Business   ${instance.businessKey}`]),
    `Started    ${instance.startedAt}`,
    ...(instance.endedAt === undefined ? [] : [`Ended      ${instance.endedAt}`]),
    `Active     ${instance.activeElements.map((element) => element.elementId).join(', ') || '-'}`,
    'Variables',
    ...JSON.stringify(instance.variables, null, 2)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
}
