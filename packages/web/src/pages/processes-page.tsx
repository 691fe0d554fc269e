import { api, query } from '../api/api-client';
import type { Page, ProcessDefinition, ProcessInstanceSummary } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';
import { useLoad } from '../use-load';

const COUNT_LIMIT = 1000;

interface ProcessRow {
  readonly processId: string;
  readonly name: string;
  readonly versions: readonly ProcessDefinition[];
  readonly instances: string;
  readonly incidents: string;
}

async function countInstances(processId: string, status?: string): Promise<string> {
  const page = await api.get<Page<ProcessInstanceSummary>>(
    `/api/v1/process-instances${query({ processId, status, limit: COUNT_LIMIT })}`,
  );
  return page.nextCursor === undefined ? String(page.items.length) : `${COUNT_LIMIT}+`;
}

async function loadProcesses(): Promise<ProcessRow[]> {
  const { items } = await api.get<Page<ProcessDefinition>>('/api/v1/process-definitions?limit=1000');
  const byProcess = new Map<string, ProcessDefinition[]>();
  for (const definition of items)
    byProcess.set(definition.processId, [...(byProcess.get(definition.processId) ?? []), definition]);
  return Promise.all(
    [...byProcess].map(async ([processId, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return {
        processId,
        name: sorted[0]?.name ?? processId,
        versions: sorted,
        instances: await countInstances(processId),
        incidents: await countInstances(processId, 'incident'),
      };
    }),
  );
}

export function ProcessesPage() {
  const { t } = useI18n();
  const { data, error } = useLoad(loadProcesses, []);
  return (
    <section aria-labelledby="processes-title">
      <h1 id="processes-title">{t('processes.title')}</h1>
      <ErrorMessage error={error} />
      {data?.length === 0 && <p>{t('processes.empty')}</p>}
      {data && data.length > 0 && (
        <table className="op-table">
          <thead>
            <tr>
              <th scope="col">{t('processes.name')}</th>
              <th scope="col">{t('processes.id')}</th>
              <th scope="col">{t('processes.versions')}</th>
              <th scope="col">{t('processes.instances')}</th>
              <th scope="col">{t('processes.incidents')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.processId}>
                <td>
                  <a href={href('processes', row.versions[0]?.definitionKey)}>{row.name}</a>
                </td>
                <td>
                  <code>{row.processId}</code>
                </td>
                <td>
                  {row.versions.map((version) => (
                    <a key={version.definitionKey} className="op-chip" href={href('processes', version.definitionKey)}>
                      {t('processes.version', { version: version.version })}
                    </a>
                  ))}
                </td>
                <td>{row.instances}</td>
                <td className={row.incidents === '0' ? undefined : 'op-danger'}>{row.incidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
