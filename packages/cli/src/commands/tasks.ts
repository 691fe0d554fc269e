import { OperonApiError, type OperonClient, type Page, type UserTask } from '@operon/client';
import { CliUsageError, ExitCode } from '../cli-error';
import { readVariables } from '../read-variables';
import { wholeNumber } from '../remote/flag-values';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';
import { formatTable } from '../remote/text-table';

/** `operon tasks list [--mine|--group G|--unassigned] | claim KEY | complete KEY [--vars JSON]`. */
export async function tasks(context: RemoteContext): Promise<ExitCode> {
  const action = subcommand(context, ['list', 'claim', 'complete']);
  const { flags } = context;
  switch (action) {
    case 'list': {
      const chosen = [flags.mine, flags.group !== undefined, flags.unassigned].filter(Boolean).length;
      if (chosen > 1) throw new CliUsageError('operon tasks list: give one of --mine, --group G, --unassigned.');
      const limit = wholeNumber('--limit', flags.limit, 1);
      const { client } = await context.connect();
      const query = {
        ...(flags.process === undefined ? {} : { processId: flags.process }),
        ...(flags.instance === undefined ? {} : { instanceKey: flags.instance }),
        ...(limit === undefined ? {} : { limit }),
      };
      const group = flags.group;
      const page =
        group === undefined
          ? await client.listUserTasks({ ...query, view: flags.unassigned ? 'unassigned' : 'mine' })
          : await groupTasks(client, group, query);
      context.output(page, () =>
        page.items.length === 0
          ? ['No tasks.']
          : formatTable(
              [
                { header: 'TASK', cell: (task) => task.taskKey },
                { header: 'NAME', cell: (task) => task.name ?? task.elementId },
                { header: 'PROCESS', cell: (task) => task.processId },
                { header: 'INSTANCE', cell: (task) => task.instanceKey },
                { header: 'ASSIGNEE', cell: (task) => task.assignee },
                { header: 'GROUPS', cell: (task) => task.candidateGroups.join(', ') || undefined },
                { header: 'PRIORITY', cell: (task) => task.priority },
                { header: 'DUE', cell: (task) => task.dueDate },
              ],
              page.items,
            ),
      );
      return ExitCode.ok;
    }
    case 'claim': {
      const taskKey = word(context, 1, 'the task key: operon tasks claim KEY');
      const { client } = await context.connect();
      const task = await client.claimUserTask(taskKey);
      context.output(task, () => [
        `Task ${task.taskKey} (${task.name ?? task.elementId}) is assigned to ${task.assignee ?? 'you'}.`,
      ]);
      return ExitCode.ok;
    }
    case 'complete': {
      const taskKey = word(context, 1, 'the task key: operon tasks complete KEY [--vars JSON]');
      const variables = await readVariables(flags.vars);
      const { client } = await context.connect();
      const outcome = await client.completeUserTask(taskKey, variables);
      context.output(outcome, () => [
        `Task ${taskKey} completed; instance ${outcome.instanceKey} is ${outcome.status}.`,
      ]);
      return ExitCode.ok;
    }
  }
}

/**
 * Tasks offered to one group. The API lists "my groups' candidates"; a task manager (operator, admin)
 * may see every task, so for them all open tasks are searched, and for others their candidate tasks.
 */
async function groupTasks(
  client: OperonClient,
  group: string,
  query: { processId?: string; instanceKey?: string; limit?: number },
): Promise<Page<UserTask>> {
  const page = await client.listUserTasks({ ...query, view: 'all' }).catch((error: unknown) => {
    if (error instanceof OperonApiError && error.code === 'FORBIDDEN') {
      return client.listUserTasks({ ...query, view: 'candidate' });
    }
    throw error;
  });
  return { ...page, items: page.items.filter((task) => task.candidateGroups.includes(group)) };
}
