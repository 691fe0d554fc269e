import { useState, type SubmitEvent } from 'react';
import { api, query } from '../api/api-client';
import type { Page, ProcessDefinition, ProcessInstanceSummary } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { DateTime, StatusText } from '../components/status-text';
import { useI18n } from '../i18n/i18n';
import { useLiveEvents } from '../live-events';
import { href } from '../router';
import { useLoad } from '../use-load';

interface InstanceFilter {
  readonly processId: string;
  readonly status: string;
  readonly businessKey: string;
  readonly variableName: string;
  readonly variableValue: string;
  readonly startedAfter: string;
}

const NO_FILTER: InstanceFilter = {
  processId: '',
  status: '',
  businessKey: '',
  variableName: '',
  variableValue: '',
  startedAfter: '',
};

export function InstancesPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<InstanceFilter>(NO_FILTER);
  const [filter, setFilter] = useState<InstanceFilter>(NO_FILTER);
  const processes = useLoad(
    async () => (await api.get<Page<ProcessDefinition>>('/api/v1/process-definitions?limit=1000')).items,
    [],
  );
  const instances = useLoad(
    () =>
      api.get<Page<ProcessInstanceSummary>>(
        `/api/v1/process-instances${query({
          ...filter,
          startedAfter: filter.startedAfter === '' ? undefined : new Date(filter.startedAfter).toISOString(),
          order: 'desc',
          limit: 100,
        })}`,
      ),
    [filter],
  );
  useLiveEvents((event) => {
    if (event.kind === 'instance') void instances.reload();
  });
  const processIds = [...new Set((processes.data ?? []).map((d) => d.processId))].sort();
  const field = (name: keyof InstanceFilter) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });
  const search = (event: SubmitEvent) => {
    event.preventDefault();
    setFilter(draft);
  };

  return (
    <section aria-labelledby="instances-title">
      <h1 id="instances-title">{t('instances.title')}</h1>
      <form className="op-filters" onSubmit={search} role="search" aria-label={t('instances.filters')}>
        <label>
          {t('instances.process')}
          <select {...field('processId')}>
            <option value="">{t('instances.any')}</option>
            {processIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('instances.state')}
          <select {...field('status')}>
            <option value="">{t('instances.any')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="incident">{t('status.incident')}</option>
            <option value="completed">{t('status.completed')}</option>
            <option value="terminated">{t('status.terminated')}</option>
          </select>
        </label>
        <label>
          {t('instances.businessKey')}
          <input {...field('businessKey')} />
        </label>
        <label>
          {t('instances.variableName')}
          <input {...field('variableName')} />
        </label>
        <label>
          {t('instances.variableValue')}
          <input {...field('variableValue')} placeholder='"gold"' />
        </label>
        <label>
          {t('instances.startedAfter')}
          <input type="datetime-local" {...field('startedAfter')} />
        </label>
        <button type="submit">{t('instances.search')}</button>
      </form>
      <ErrorMessage error={instances.error} />
      {instances.data?.items.length === 0 && <p>{t('instances.empty')}</p>}
      {instances.data && instances.data.items.length > 0 && (
        <table className="op-table">
          <thead>
            <tr>
              <th scope="col">{t('instances.key')}</th>
              <th scope="col">{t('instances.process')}</th>
              <th scope="col">{t('instances.state')}</th>
              <th scope="col">{t('instances.businessKey')}</th>
              <th scope="col">{t('instances.started')}</th>
              <th scope="col">{t('instances.ended')}</th>
            </tr>
          </thead>
          <tbody>
            {instances.data.items.map((instance) => (
              <tr key={instance.instanceKey}>
                <td>
                  <a href={href('instances', instance.instanceKey)}>{instance.instanceKey}</a>
                </td>
                <td>{instance.definitionKey}</td>
                <td>
                  <StatusText status={instance.status} openIncidents={instance.openIncidents} />
                </td>
                <td>{instance.businessKey ?? '–'}</td>
                <td>
                  <DateTime value={instance.startedAt} />
                </td>
                <td>
                  <DateTime value={instance.endedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
