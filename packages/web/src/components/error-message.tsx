import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

/** An error for the person using the UI: the service's message and code, or a generic line. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  const text =
    error instanceof ApiError
      ? t('error.api', { message: error.message, code: error.code })
      : error instanceof Error
        ? error.message
        : t('error.unknown');
  return (
    <p role="alert" className="op-error">
      {text}
    </p>
  );
}
