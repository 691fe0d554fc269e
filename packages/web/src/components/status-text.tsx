import type { InstanceStatus } from '../api/operon-resources';
import { messageKey, useI18n } from '../i18n/i18n';

const STATUS = {
  active: messageKey('status.active'),
  completed: messageKey('status.completed'),
  terminated: messageKey('status.terminated'),
  incident: messageKey('status.incident'),
} as const;

/** An instance's state; an active instance with open incidents shows as *Incident*. */
export function StatusText({ status, openIncidents = 0 }: { status: InstanceStatus; openIncidents?: number }) {
  const { t } = useI18n();
  const shown = status === 'active' && openIncidents > 0 ? 'incident' : status;
  return <span className={`op-status op-status-${shown}`}>{t(STATUS[shown])}</span>;
}

/** A date-time in the reader's language, or a dash. */
export function DateTime({ value }: { value: string | undefined }) {
  const { language } = useI18n();
  if (value === undefined) return <>–</>;
  return <time dateTime={value}>{new Date(value).toLocaleString(language)}</time>;
}
