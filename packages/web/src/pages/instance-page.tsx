import { useMemo, useState, type SubmitEvent } from 'react';
import { api } from '../api/api-client';
import type { HistoryEntry, Page, ProcessInstance } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { DateTime, StatusText } from '../components/status-text';
import { BpmnDiagram, type DiagramDecoration, type DiagramMarker } from '../diagram/bpmn-diagram';
import { useI18n } from '../i18n/i18n';
import { useLiveEvents } from '../live-events';
import { href } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';

async function loadInstance(instanceKey: string) {
  const path = `/api/v1/process-instances/${encodeURIComponent(instanceKey)}`;
  const instance = await api.get<ProcessInstance>(path);
  const [xml, history] = await Promise.all([
    api.text(`/api/v1/process-definitions/${encodeURIComponent(instance.definitionKey)}/xml`),
    api.get<Page<HistoryEntry>>(`${path}/history?limit=1000`),
  ]);
  return { instance, xml, history: history.items };
}

/** Completed elements and taken flows (the path), active tokens, and incidents, as diagram markers. */
export function instanceDecoration(instance: ProcessInstance, history: readonly HistoryEntry[]): DiagramDecoration {
  const markers = new Map<string, Set<DiagramMarker>>();
  const mark = (elementId: string | undefined, marker: DiagramMarker) => {
    if (elementId === undefined) return;
    markers.set(elementId, (markers.get(elementId) ?? new Set()).add(marker));
  };
  for (const entry of history) {
    if (entry.type === 'element-completed') mark(entry.elementId, 'op-completed');
    if (entry.type === 'flow-taken') mark(entry.event.flowId, 'op-completed');
  }
  for (const element of instance.activeElements) mark(element.elementId, 'op-active');
  for (const incident of instance.incidents) mark(incident.elementId, 'op-incident');
  return {
    markers: Object.fromEntries([...markers].map(([id, set]) => [id, [...set]])),
    badges: [],
  };
}

export function InstancePage({ instanceKey }: { instanceKey: string }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const operator = hasRole('operator');
  const { data, error, reload } = useLoad(() => loadInstance(instanceKey), [instanceKey]);
  const [actionError, setActionError] = useState<unknown>(undefined);
  useLiveEvents((event) => {
    if (event.instanceKey === instanceKey) void reload();
  });
  const decoration = useMemo(() => (data ? instanceDecoration(data.instance, data.history) : undefined), [data]);

  if (!data) return <ErrorMessage error={error} />;
  const { instance } = data;
  const act = async (action: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await action();
      await reload();
    } catch (reason) {
      setActionError(reason);
    }
  };
  const running = instance.status === 'active' || instance.status === 'incident';

  return (
    <section aria-labelledby="instance-title">
      <h1 id="instance-title">
        {t('instance.title', { key: instance.instanceKey })}{' '}
        <StatusText status={instance.status} openIncidents={instance.openIncidents} />
      </h1>
      <dl className="op-facts">
        <dt>{t('instances.process')}</dt>
        <dd>
          <a href={href('processes', instance.definitionKey)}>{instance.definitionKey}</a>
        </dd>
        <dt>{t('instances.businessKey')}</dt>
        <dd>{instance.businessKey ?? '–'}</dd>
        <dt>{t('instances.started')}</dt>
        <dd>
          <DateTime value={instance.startedAt} />
        </dd>
        <dt>{t('instances.ended')}</dt>
        <dd>
          <DateTime value={instance.endedAt} />
        </dd>
      </dl>
      {operator && running && (
        <p className="op-toolbar">
          <button
            type="button"
            className="op-danger-button"
            onClick={() => {
              if (window.confirm(t('instance.cancelConfirm'))) {
                void act(() => api.post(`/api/v1/process-instances/${encodeURIComponent(instanceKey)}/cancel`));
              }
            }}
          >
            {t('instance.cancel')}
          </button>
        </p>
      )}
      <ErrorMessage error={actionError} />
      <div className="op-legend" aria-hidden="true">
        <span className="op-swatch op-swatch-active" /> {t('legend.activeToken')}{' '}
        <span className="op-swatch op-swatch-completed" /> {t('legend.completedPath')}{' '}
        <span className="op-swatch op-swatch-incident" /> {t('legend.incident')}
      </div>
      <BpmnDiagram xml={data.xml} decoration={decoration} label={t('instance.diagram')} />

      {instance.incidents.length > 0 && (
        <section aria-labelledby="incidents-title" className="op-card">
          <h2 id="incidents-title">{t('instance.incidents')}</h2>
          <ul className="op-list">
            {instance.incidents.map((incident) => (
              <li key={incident.incidentKey} className="op-incident-item">
                <strong>{incident.elementId}</strong>: {incident.message}{' '}
                {operator && (
                  <button
                    type="button"
                    onClick={() =>
                      void act(() => api.post(`/api/v1/incidents/${encodeURIComponent(incident.incidentKey)}/resolve`))
                    }
                  >
                    {t('instance.retry')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="op-columns">
        <VariablesPanel
          variables={instance.variables}
          editable={operator && running}
          onSave={(variables) =>
            act(() => api.post(`/api/v1/process-instances/${encodeURIComponent(instanceKey)}/variables`, { variables }))
          }
        />
        <section aria-labelledby="timeline-title" className="op-card">
          <h2 id="timeline-title">{t('instance.timeline')}</h2>
          <ol className="op-timeline">
            {data.history
              .filter((entry) => entry.type !== 'flow-taken' && entry.type !== 'element-activating')
              .map((entry) => (
                <li key={entry.position}>
                  <DateTime value={entry.at} /> <code>{entry.type}</code> {entry.elementId ?? ''}
                </li>
              ))}
          </ol>
        </section>
      </div>
    </section>
  );
}

function VariablesPanel({
  variables,
  editable,
  onSave,
}: {
  variables: Readonly<Record<string, unknown>>;
  editable: boolean;
  onSave: (variables: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      setError(new Error(t('error.json')));
      return;
    }
    await onSave({ [name]: parsed });
    setName('');
    setValue('');
  };

  return (
    <section aria-labelledby="variables-title" className="op-card">
      <h2 id="variables-title">{t('instance.variables')}</h2>
      <table className="op-table">
        <thead>
          <tr>
            <th scope="col">{t('instance.variableName')}</th>
            <th scope="col">{t('instance.variableValue')}</th>
            {editable && <th scope="col">{t('instance.variableActions')}</th>}
          </tr>
        </thead>
        <tbody>
          {Object.entries(variables).map(([key, current]) => (
            <tr key={key}>
              <td>
                <code>{key}</code>
              </td>
              <td>
                <code className="op-json">{JSON.stringify(current)}</code>
              </td>
              {editable && (
                <td>
                  <button
                    type="button"
                    className="op-link-button"
                    onClick={() => {
                      setName(key);
                      setValue(JSON.stringify(current));
                    }}
                  >
                    {t('instance.edit')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <form className="op-inline-form" onSubmit={(event) => void save(event)}>
          <label>
            {t('instance.variableName')}
            <input name="variableName" required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('instance.variableJson')}
            <input name="variableValue" required value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <button type="submit">{t('instance.setVariable')}</button>
          <ErrorMessage error={error} />
        </form>
      )}
    </section>
  );
}
