import type { User } from '@operon/client';
import { CliUsageError, ExitCode } from '../cli-error';
import { formatGrants, roleGrants, wholeNumber } from '../remote/flag-values';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';
import { formatTable } from '../remote/text-table';

/** `operon users add NAME --password P [--role R...] | list | role NAME --role R...` (administrators). */
export async function users(context: RemoteContext): Promise<ExitCode> {
  const action = subcommand(context, ['add', 'list', 'role']);
  const { flags } = context;
  switch (action) {
    case 'add': {
      const username = word(context, 1, 'the user name: operon users add NAME --password P [--role R ...]');
      if (flags.password === undefined)
        throw new CliUsageError('operon users add: give --password P (8 characters or more).');
      const grants = roleGrants(flags.role);
      const { client } = await context.connect();
      const user = await client.createUser({
        username,
        password: flags.password,
        grants,
        ...(flags['display-name'] === undefined ? {} : { displayName: flags['display-name'] }),
      });
      context.output(user, () => [`Added ${user.username} with roles ${formatGrants(user.grants)}.`]);
      return ExitCode.ok;
    }
    case 'list': {
      const limit = wholeNumber('--limit', flags.limit, 1);
      const { client } = await context.connect();
      const page = await client.listUsers({
        ...(limit === undefined ? {} : { limit }),
        ...(flags.cursor === undefined ? {} : { cursor: flags.cursor }),
      });
      context.output(page, () => [
        ...formatTable<User>(
          [
            { header: 'USER', cell: (user) => user.username },
            { header: 'ROLES', cell: (user) => formatGrants(user.grants) },
            { header: 'GROUPS', cell: (user) => user.groups.join(', ') || undefined },
            { header: 'LOCKED', cell: (user) => (user.locked ? 'yes' : 'no') },
            { header: 'LAST LOGIN', cell: (user) => user.lastLoginAt },
          ],
          page.items,
        ),
        ...(page.nextCursor === undefined ? [] : [`More: add --cursor ${page.nextCursor}`]),
      ]);
      return ExitCode.ok;
    }
    case 'role': {
      const username = word(context, 1, 'the user name: operon users role NAME --role R ...');
      if (flags.role === undefined) {
        throw new CliUsageError(
          "operon users role: give the user's roles, --role R for each (they replace the old ones).",
        );
      }
      const grants = roleGrants(flags.role);
      const { client } = await context.connect();
      const user = await client.setUserRoles(username, grants);
      context.output(user, () => [`${user.username} now has roles ${formatGrants(user.grants)}.`]);
      return ExitCode.ok;
    }
  }
}
