import { CliUsageError, ExitCode } from '../cli-error';
import { expiresInDays, formatGrants, roleGrants } from '../remote/flag-values';
import { subcommand, word, type RemoteContext } from '../remote/remote-command';
import { formatTable } from '../remote/text-table';

/** `operon tokens create NAME --role R... [--expires 90d] [--owner USER] | list | revoke ID` (administrators). */
export async function tokens(context: RemoteContext): Promise<ExitCode> {
  const action = subcommand(context, ['create', 'list', 'revoke']);
  const { flags } = context;
  switch (action) {
    case 'create': {
      const name = word(context, 1, 'a name for the token: operon tokens create NAME --role R ...');
      if (flags.role === undefined) throw new CliUsageError('operon tokens create: give its roles, --role R for each.');
      const grants = roleGrants(flags.role);
      const days = expiresInDays(flags.expires);
      const { client } = await context.connect();
      const issued = await client.createToken({
        name,
        grants,
        ...(days === undefined ? {} : { expiresInDays: days }),
        ...(flags.owner === undefined ? {} : { owner: flags.owner }),
      });
      context.output(issued, () => [
        `Token ${issued.tokenId} '${issued.name}' acts for ${issued.owner} with roles ${formatGrants(issued.grants)}` +
          `${issued.expiresAt === undefined ? '' : ` until ${issued.expiresAt}`}.`,
        'Its secret is shown only this once:',
        issued.token,
      ]);
      return ExitCode.ok;
    }
    case 'list': {
      const { client } = await context.connect();
      const list = await client.listTokens();
      context.output(list, () =>
        formatTable(
          [
            { header: 'TOKEN', cell: (token) => token.tokenId },
            { header: 'NAME', cell: (token) => token.name },
            { header: 'OWNER', cell: (token) => token.owner },
            { header: 'ROLES', cell: (token) => formatGrants(token.grants) },
            { header: 'EXPIRES', cell: (token) => token.expiresAt },
            { header: 'REVOKED', cell: (token) => token.revokedAt },
          ],
          list.items,
        ),
      );
      return ExitCode.ok;
    }
    case 'revoke': {
      const tokenId = word(context, 1, 'the token id: operon tokens revoke ID');
      const { client } = await context.connect();
      await client.revokeToken(tokenId);
      context.output({ tokenId, revoked: true }, () => [`Token ${tokenId} is revoked.`]);
      return ExitCode.ok;
    }
  }
}
