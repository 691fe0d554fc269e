import { lazy, Suspense, type ReactNode } from 'react';
import { LANGUAGES, messageKey, useI18n, type Language } from './i18n/i18n';
import { AdminPage } from './pages/admin-page';
import { InstancePage } from './pages/instance-page';
import { InstancesPage } from './pages/instances-page';
import { ProcessPage } from './pages/process-page';
import { ProcessesPage } from './pages/processes-page';
import { SignInPage } from './pages/sign-in-page';
import { TasksPage } from './pages/tasks-page';
import { href, useRoute, type Route } from './router';
import { useSession } from './session';

// The modeler (bpmn-js Modeler, properties panel, form editor) is the heaviest page: load it when opened.
const ModelerPage = lazy(async () => ({ default: (await import('./pages/modeler-page')).ModelerPage }));

const NAVIGATION = [
  { page: 'tasks', label: messageKey('nav.tasks'), roles: ['task-user', 'operator'] },
  { page: 'processes', label: messageKey('nav.processes'), roles: ['operator', 'modeler', 'analyst'] },
  { page: 'instances', label: messageKey('nav.instances'), roles: ['operator', 'modeler', 'analyst'] },
  { page: 'modeler', label: messageKey('nav.modeler'), roles: ['modeler'] },
  { page: 'admin', label: messageKey('nav.admin'), roles: [] },
] as const;

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export function App() {
  const { t, language, setLanguage } = useI18n();
  const session = useSession();
  const route = useRoute();
  const languagePicker = (
    <label className="op-language">
      <span className="op-visually-hidden">{t('app.language')}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {Object.keys(LANGUAGES).map((code) => (
          <option key={code} value={code}>
            {LANGUAGE_NAMES[code as Language]}
          </option>
        ))}
      </select>
    </label>
  );

  if (session.loading) return <p className="op-loading">{t('app.loading')}</p>;
  if (!session.me) {
    return (
      <>
        <header className="op-header">
          <span className="op-brand">Operon</span>
          {languagePicker}
        </header>
        <main className="op-main">
          <SignInPage />
        </main>
      </>
    );
  }
  const me = session.me;
  return (
    <>
      <a
        className="op-skip"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="op-header">
        <span className="op-brand">Operon</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAVIGATION.filter((item) => session.hasRole(...item.roles)).map((item) => (
              <li key={item.page}>
                <a href={href(item.page)} aria-current={route.page === item.page ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="op-user">
          {languagePicker}
          <span className="op-me" title={t('app.roles', { roles: me.grants.map((g) => g.role).join(', ') })}>
            {t('app.signedInAs', { name: me.username })}
          </span>
          <button type="button" className="op-link-button" onClick={() => void session.signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="op-main" tabIndex={-1}>
        <Suspense fallback={<p>{t('app.loading')}</p>}>{page(route)}</Suspense>
      </main>
    </>
  );
}

function page(route: Route): ReactNode {
  switch (route.page) {
    case 'processes':
      return route.definitionKey === undefined ? (
        <ProcessesPage />
      ) : (
        <ProcessPage key={route.definitionKey} definitionKey={route.definitionKey} />
      );
    case 'instances':
      return route.instanceKey === undefined ? (
        <InstancesPage />
      ) : (
        <InstancePage key={route.instanceKey} instanceKey={route.instanceKey} />
      );
    case 'tasks':
      return <TasksPage taskKey={route.taskKey} />;
    case 'modeler':
      return <ModelerPage />;
    case 'admin':
      return <AdminPage />;
  }
}
