import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/** An error from the API in the user's language, with the server's own message as detail. */
export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  let text = t('errors.generic');
  if (error instanceof ApiError) {
    if (error.status === 0) text = t('errors.network');
    else if (error.status === 404) text = t('errors.notFound');
    else if (error.status === 403) text = t('errors.forbidden');
  }
  const detail = error instanceof ApiError && error.message && error.status !== 0 ? error.message : null;
  return (
    <div className="notice error" role="alert">
      <span>{text}</span>
      {detail && <span className="detail">{detail}</span>}
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
