import { useState, type SubmitEvent } from 'react';
import { api } from '../api/api-client';
import { ROLES, type ApiToken, type Group, type Page, type RoleGrant, type User } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { DateTime } from '../components/status-text';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';

function grantsText(grants: readonly RoleGrant[]): string {
  return grants
    .map((grant) => (grant.processId === '*' ? grant.role : `${grant.role} (${grant.processId})`))
    .join(', ');
}

function RoleSelect({ value, onChange }: { value: string; onChange: (role: string) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('admin.role')}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('admin.noRole')}</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <div className="op-columns">
        <UsersPanel />
        <GroupsPanel />
      </div>
      <TokensPanel />
    </section>
  );
}

function useAction(reload: () => Promise<void>) {
  const [error, setError] = useState<unknown>(undefined);
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await reload();
      return true;
    } catch (reason) {
      setError(reason);
      return false;
    }
  };
  return { error, run };
}

function UsersPanel() {
  const { t } = useI18n();
  const users = useLoad(() => api.get<Page<User>>('/api/v1/users?limit=1000'), []);
  const { error, run } = useAction(users.reload);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('task-user');

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const grants = role === '' ? [] : [{ role }];
    if (await run(() => api.post('/api/v1/users', { username, password, grants }))) {
      setUsername('');
      setPassword('');
    }
  };

  return (
    <section aria-labelledby="users-title" className="op-card">
      <h2 id="users-title">{t('admin.users')}</h2>
      <ErrorMessage error={users.error ?? error} />
      <table className="op-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.roles')}</th>
            <th scope="col">{t('admin.groups')}</th>
            <th scope="col">{t('admin.lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((user) => (
            <tr key={user.username}>
              <td>
                {user.username}
                {user.locked && <> ({t('admin.locked')})</>}
              </td>
              <td>{grantsText(user.grants)}</td>
              <td>{user.groups.join(', ')}</td>
              <td>
                <DateTime value={user.lastLoginAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="op-inline-form" onSubmit={(event) => void create(event)} aria-labelledby="new-user-title">
        <h3 id="new-user-title">{t('admin.newUser')}</h3>
        <label>
          {t('admin.username')}
          <input required value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('signIn.password')}
          <input
            required
            type="password"
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        <button type="submit">{t('admin.create')}</button>
      </form>
    </section>
  );
}

function GroupsPanel() {
  const { t } = useI18n();
  const groups = useLoad(() => api.get<{ items: Group[] }>('/api/v1/groups'), []);
  const { error, run } = useAction(groups.reload);
  const [groupId, setGroupId] = useState('');
  const [role, setRole] = useState('');
  const [member, setMember] = useState('');
  const [memberGroup, setMemberGroup] = useState('');

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const grants = role === '' ? [] : [{ role }];
    if (await run(() => api.post('/api/v1/groups', { groupId, grants }))) setGroupId('');
  };
  const addMember = async (event: SubmitEvent) => {
    event.preventDefault();
    const path = `/api/v1/groups/${encodeURIComponent(memberGroup)}/members/${encodeURIComponent(member)}`;
    if (await run(() => api.put(path))) setMember('');
  };

  return (
    <section aria-labelledby="groups-title" className="op-card">
      <h2 id="groups-title">{t('admin.groups')}</h2>
      <ErrorMessage error={groups.error ?? error} />
      <table className="op-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.group')}</th>
            <th scope="col">{t('admin.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.data?.items.map((group) => (
            <tr key={group.groupId}>
              <td>{group.groupId}</td>
              <td>{grantsText(group.grants)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="op-inline-form" onSubmit={(event) => void create(event)} aria-labelledby="new-group-title">
        <h3 id="new-group-title">{t('admin.newGroup')}</h3>
        <label>
          {t('admin.group')}
          <input required value={groupId} onChange={(e) => setGroupId(e.target.value)} />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        <button type="submit">{t('admin.create')}</button>
      </form>
      <form className="op-inline-form" onSubmit={(event) => void addMember(event)} aria-labelledby="member-title">
        <h3 id="member-title">{t('admin.addMember')}</h3>
        <label>
          {t('admin.group')}
          <select required value={memberGroup} onChange={(e) => setMemberGroup(e.target.value)}>
            <option value="">–</option>
            {groups.data?.items.map((group) => (
              <option key={group.groupId} value={group.groupId}>
                {group.groupId}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.username')}
          <input required value={member} onChange={(e) => setMember(e.target.value)} />
        </label>
        <button type="submit">{t('admin.add')}</button>
      </form>
    </section>
  );
}

function TokensPanel() {
  const { t } = useI18n();
  const tokens = useLoad(() => api.get<{ items: ApiToken[] }>('/api/v1/tokens'), []);
  const { error, run } = useAction(tokens.reload);
  const [name, setName] = useState('');
  const [role, setRole] = useState('worker');
  const [secret, setSecret] = useState<string | undefined>(undefined);

  const issue = async (event: SubmitEvent) => {
    event.preventDefault();
    await run(async () => {
      const answer = await api.post<{ token: string }>('/api/v1/tokens', {
        name,
        grants: role === '' ? [] : [{ role }],
      });
      setSecret(answer.token);
      setName('');
    });
  };

  return (
    <section aria-labelledby="tokens-title" className="op-card">
      <h2 id="tokens-title">{t('admin.tokens')}</h2>
      <ErrorMessage error={tokens.error ?? error} />
      {secret !== undefined && (
        <p role="status" className="op-secret">
          {t('admin.tokenOnce')} <code>{secret}</code>
        </p>
      )}
      <table className="op-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.tokenName')}</th>
            <th scope="col">{t('admin.owner')}</th>
            <th scope="col">{t('admin.roles')}</th>
            <th scope="col">{t('admin.created')}</th>
            <th scope="col">{t('admin.state')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.items.map((token) => (
            <tr key={token.tokenId}>
              <td>{token.name}</td>
              <td>{token.owner}</td>
              <td>{grantsText(token.grants)}</td>
              <td>
                <DateTime value={token.createdAt} />
              </td>
              <td>
                {token.revokedAt === undefined ? (
                  <button
                    type="button"
                    className="op-link-button"
                    onClick={() => void run(() => api.delete(`/api/v1/tokens/${encodeURIComponent(token.tokenId)}`))}
                  >
                    {t('admin.revoke')}
                  </button>
                ) : (
                  t('admin.revoked')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="op-inline-form" onSubmit={(event) => void issue(event)} aria-labelledby="new-token-title">
        <h3 id="new-token-title">{t('admin.newToken')}</h3>
        <label>
          {t('admin.tokenName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        <button type="submit">{t('admin.issue')}</button>
      </form>
    </section>
  );
}
