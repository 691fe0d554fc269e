import { useRef, useState } from 'react';
import { api, ApiError, query } from '../api/api-client';
import type { Page, TaskForm, UserTask } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { DateTime } from '../components/status-text';
import { messageKey, useI18n } from '../i18n/i18n';
import { useLiveEvents } from '../live-events';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { TaskFormView, type FormOutcome } from './task-form';

const VIEWS = [
  { view: 'mine', label: messageKey('tasks.mine') },
  { view: 'candidate', label: messageKey('tasks.candidate') },
  { view: 'unassigned', label: messageKey('tasks.unassigned') },
  { view: 'all', label: messageKey('tasks.all') },
] as const;
type View = (typeof VIEWS)[number]['view'];
type Sort = 'dueDate' | 'priority' | 'createdAt';

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** The documentation of one element of a BPMN file, as plain text. */
export function documentationOf(xml: string, elementId: string): string | undefined {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const element = [...document.getElementsByTagNameNS(BPMN_NS, '*')].find(
    (node) => node.getAttribute('id') === elementId,
  );
  const documentation = element
    ? [...element.children].find((child) => child.namespaceURI === BPMN_NS && child.localName === 'documentation')
    : undefined;
  const text = documentation?.textContent.trim();
  return text === undefined || text === '' ? undefined : text;
}

export function TasksPage({ taskKey }: { taskKey: string | undefined }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const [view, setView] = useState<View>('mine');
  const [sort, setSort] = useState<Sort>('priority');
  const tasks = useLoad(
    () =>
      api.get<Page<UserTask>>(
        `/api/v1/user-tasks${query({ view, sort, order: sort === 'priority' ? 'desc' : 'asc', limit: 200 })}`,
      ),
    [view, sort],
  );
  useLiveEvents((event) => {
    if (event.kind === 'task') void tasks.reload();
  });
  const views = VIEWS.filter((item) => item.view !== 'all' || hasRole('operator'));

  return (
    <div className={`op-tasks${taskKey === undefined ? '' : ' op-tasks-open'}`}>
      <section aria-labelledby="tasks-title" className="op-task-list">
        <h1 id="tasks-title">{t('tasks.title')}</h1>
        <div className="op-tabs" role="group" aria-label={t('tasks.views')}>
          {views.map((item) => (
            <button key={item.view} type="button" aria-pressed={view === item.view} onClick={() => setView(item.view)}>
              {t(item.label)}
            </button>
          ))}
        </div>
        <label className="op-sort">
          {t('tasks.sort')}
          <select value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
            <option value="priority">{t('tasks.sortPriority')}</option>
            <option value="dueDate">{t('tasks.sortDueDate')}</option>
            <option value="createdAt">{t('tasks.sortCreated')}</option>
          </select>
        </label>
        <ErrorMessage error={tasks.error} />
        {tasks.data?.items.length === 0 && <p>{t('tasks.empty')}</p>}
        <ul className="op-list">
          {tasks.data?.items.map((task) => (
            <li key={task.taskKey}>
              <a
                className="op-task-link"
                href={href('tasks', task.taskKey)}
                aria-current={task.taskKey === taskKey ? 'page' : undefined}
              >
                <strong>{task.name ?? task.elementId}</strong>
                <span>
                  {task.processId} · {t('tasks.priority', { priority: task.priority })}
                  {task.dueDate !== undefined && (
                    <>
                      {' · '}
                      {t('tasks.due')} <DateTime value={task.dueDate} />
                    </>
                  )}
                </span>
                <span>
                  {task.assignee === undefined ? t('tasks.nobody') : t('tasks.assignee', { name: task.assignee })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      {taskKey !== undefined && (
        <TaskDetail
          key={taskKey}
          taskKey={taskKey}
          onChanged={() => void tasks.reload()}
          onClaimed={() => setView('mine')}
        />
      )}
    </div>
  );
}

async function loadTask(taskKey: string) {
  const path = `/api/v1/user-tasks/${encodeURIComponent(taskKey)}`;
  const task = await api.get<UserTask>(path);
  const [form, xml] = await Promise.all([
    task.formId === undefined
      ? Promise.resolve(undefined)
      : api.get<TaskForm>(`${path}/form`).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'FORM_NOT_FOUND') return undefined;
          throw error;
        }),
    api.text(`/api/v1/process-definitions/${encodeURIComponent(task.definitionKey)}/xml`).catch(() => undefined),
  ]);
  return { task, form, documentation: xml === undefined ? undefined : documentationOf(xml, task.elementId) };
}

function TaskDetail({
  taskKey,
  onChanged,
  onClaimed,
}: {
  taskKey: string;
  onChanged: () => void;
  onClaimed: () => void;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const { data, error, reload } = useLoad(() => loadTask(taskKey), [taskKey]);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [invalid, setInvalid] = useState(false);
  const [json, setJson] = useState('{}');
  const submit = useRef<(() => FormOutcome) | undefined>(undefined);

  if (!data) return <ErrorMessage error={error} />;
  const { task } = data;
  const path = `/api/v1/user-tasks/${encodeURIComponent(taskKey)}`;
  const mine = task.assignee === me?.username;
  const act = async (action: () => Promise<unknown>, then?: () => void) => {
    setActionError(undefined);
    try {
      await action();
      onChanged();
      if (then) then();
      else await reload();
    } catch (reason) {
      setActionError(reason);
    }
  };
  const complete = () => {
    let variables: Record<string, unknown>;
    if (submit.current) {
      const outcome = submit.current();
      setInvalid(Object.keys(outcome.errors).length > 0);
      if (Object.keys(outcome.errors).length > 0) return;
      variables = outcome.data;
    } else {
      try {
        variables = JSON.parse(json) as Record<string, unknown>;
      } catch {
        setActionError(new Error(t('error.json')));
        return;
      }
    }
    void act(
      () => api.post(`${path}/complete`, { variables }),
      () => navigate('tasks'),
    );
  };

  return (
    <section aria-labelledby="task-title" className="op-task-detail">
      <h2 id="task-title">{task.name ?? task.elementId}</h2>
      <p>
        <a href={href('instances', task.instanceKey)}>{t('tasks.instance', { key: task.instanceKey })}</a>
        {task.candidateGroups.length > 0 && <> · {t('tasks.groups', { groups: task.candidateGroups.join(', ') })}</>}
      </p>
      <div className="op-task-body">
        <div className="op-task-form">
          <p className="op-toolbar">
            {task.state === 'open' && !mine && (
              <button
                type="button"
                onClick={() =>
                  void act(async () => {
                    await api.post(`${path}/claim`);
                    onClaimed();
                  })
                }
              >
                {t('tasks.claim')}
              </button>
            )}
            {task.state === 'open' && task.assignee !== undefined && mine && (
              <button
                type="button"
                className="op-secondary"
                onClick={() => void act(() => api.post(`${path}/unclaim`))}
              >
                {t('tasks.unclaim')}
              </button>
            )}
          </p>
          {data.form ? (
            <TaskFormView schema={data.form.schema} data={data.form.variables} submitRef={submit} disabled={!mine} />
          ) : (
            <label>
              {t('tasks.variables')}
              <textarea
                name="variables"
                rows={5}
                value={json}
                onChange={(e) => setJson(e.target.value)}
                disabled={!mine}
              />
            </label>
          )}
          {invalid && (
            <p role="alert" className="op-error">
              {t('tasks.invalid')}
            </p>
          )}
          <ErrorMessage error={actionError} />
          {task.state === 'open' && (
            <button type="button" onClick={complete} disabled={!mine}>
              {t('tasks.complete')}
            </button>
          )}
        </div>
        <aside className="op-card op-documentation" aria-labelledby="documentation-title">
          <h3 id="documentation-title">{t('tasks.documentation')}</h3>
          <p>{data.documentation ?? t('tasks.noDocumentation')}</p>
        </aside>
      </div>
    </section>
  );
}
