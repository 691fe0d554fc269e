import { useMemo, useState, type SubmitEvent } from 'react';
import { api } from '../api/api-client';
import type { ElementStatistics, Page, ProcessDefinition } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { BpmnDiagram, type DiagramDecoration, type DiagramMarker } from '../diagram/bpmn-diagram';
import { useI18n, type Translate } from '../i18n/i18n';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';

async function loadDefinition(definitionKey: string) {
  const path = `/api/v1/process-definitions/${encodeURIComponent(definitionKey)}`;
  const definition = await api.get<ProcessDefinition>(path);
  const [xml, statistics, versions] = await Promise.all([
    api.text(`${path}/xml`),
    api.get<{ items: ElementStatistics[] }>(`${path}/statistics`),
    api.get<Page<ProcessDefinition>>(
      `/api/v1/process-definitions?processId=${encodeURIComponent(definition.processId)}`,
    ),
  ]);
  return { definition, xml, statistics: statistics.items, versions: versions.items };
}

/** Heat by the element's share of the slowest average time: where instances spend their time. */
function heatOf(duration: number | undefined, slowest: number): DiagramMarker | undefined {
  if (duration === undefined || slowest <= 0 || duration <= 0) return undefined;
  const level = Math.min(4, Math.max(1, Math.ceil((duration / slowest) * 4)));
  return `op-heat-${level}` as DiagramMarker;
}

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

export function statisticsDecoration(statistics: readonly ElementStatistics[], t: Translate): DiagramDecoration {
  const slowest = Math.max(0, ...statistics.map((s) => s.averageDurationMs ?? 0));
  return {
    markers: Object.fromEntries(
      statistics.flatMap((s) => {
        const markers: DiagramMarker[] = [];
        if (s.incidents > 0) markers.push('op-incident');
        const heat = heatOf(s.averageDurationMs, slowest);
        if (heat) markers.push(heat);
        return markers.length > 0 ? [[s.elementId, markers] as const] : [];
      }),
    ),
    badges: statistics.flatMap((s) => [
      ...(s.averageDurationMs === undefined || s.averageDurationMs <= 0
        ? []
        : [
            {
              elementId: s.elementId,
              kind: 'duration' as const,
              count: s.averageDurationMs,
              text: formatDuration(s.averageDurationMs),
              label: t('statistics.averageDuration', { duration: formatDuration(s.averageDurationMs) }),
            },
          ]),
      { elementId: s.elementId, kind: 'active', count: s.active, label: t('statistics.active', { count: s.active }) },
      {
        elementId: s.elementId,
        kind: 'completed',
        count: s.completed,
        label: t('statistics.completed', { count: s.completed }),
      },
      {
        elementId: s.elementId,
        kind: 'incidents',
        count: s.incidents,
        label: t('statistics.incidents', { count: s.incidents }),
      },
    ]),
  };
}

export function ProcessPage({ definitionKey }: { definitionKey: string }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const { data, error } = useLoad(() => loadDefinition(definitionKey), [definitionKey]);
  const decoration = useMemo(() => (data ? statisticsDecoration(data.statistics, t) : undefined), [data, t]);

  if (!data) return <ErrorMessage error={error} />;
  const { definition } = data;
  return (
    <section aria-labelledby="process-title">
      <h1 id="process-title">
        {definition.name ?? definition.processId}{' '}
        <small>{t('processes.version', { version: definition.version })}</small>
      </h1>
      <p className="op-toolbar">
        <span>{t('process.versions')}</span>
        {data.versions.map((version) => (
          <a
            key={version.definitionKey}
            className="op-chip"
            href={href('processes', version.definitionKey)}
            aria-current={version.definitionKey === definitionKey ? 'page' : undefined}
          >
            {t('processes.version', { version: version.version })}
          </a>
        ))}
      </p>
      <div className="op-legend" aria-hidden="true">
        <span className="op-badge op-badge-active" /> {t('legend.active')}{' '}
        <span className="op-badge op-badge-completed" /> {t('legend.completed')}{' '}
        <span className="op-badge op-badge-incidents" /> {t('legend.incidents')}
      </div>
      <BpmnDiagram xml={data.xml} decoration={decoration} label={t('process.diagram')} />
      {hasRole('operator') && <StartInstanceForm definition={definition} />}
    </section>
  );
}

function StartInstanceForm({ definition }: { definition: ProcessDefinition }) {
  const { t } = useI18n();
  const [variables, setVariables] = useState('{}');
  const [businessKey, setBusinessKey] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const parsed = JSON.parse(variables) as Record<string, unknown>;
      const started = await api.post<{ instanceKey: string }>('/api/v1/process-instances', {
        processId: definition.processId,
        version: definition.version,
        variables: parsed,
        ...(businessKey === '' ? {} : { businessKey }),
      });
      navigate('instances', started.instanceKey);
    } catch (reason) {
      setError(reason instanceof SyntaxError ? new Error(t('error.json')) : reason);
    }
  };

  return (
    <form className="op-card" onSubmit={(event) => void start(event)} aria-labelledby="start-title">
      <h2 id="start-title">{t('process.start')}</h2>
      <label>
        {t('process.variables')}
        <textarea name="variables" rows={4} value={variables} onChange={(e) => setVariables(e.target.value)} />
      </label>
      <label>
        {t('process.businessKey')}
        <input name="businessKey" value={businessKey} onChange={(e) => setBusinessKey(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit">{t('process.startButton')}</button>
    </form>
  );
}
