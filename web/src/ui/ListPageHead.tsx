import { useTranslation } from 'react-i18next';

/**
 * The head of a list page: its title, the total (read out when it changes; empty before the first
 * page arrives), a spinner while a newer page loads over the shown one, and the keyboard hint.
 */
export function ListPageHead({
  titleId,
  title,
  total,
  totalTestId,
  loading,
  hint,
}: {
  titleId: string;
  title: string;
  total: string;
  totalTestId: string;
  loading: boolean;
  hint: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="page-head">
      <h1 id={titleId}>{title}</h1>
      <p className="count" aria-live="polite" data-testid={totalTestId}>
        {total}
      </p>
      {loading && <span className="spinner" role="status" title={t('common.loading')} />}
      <p className="hint">{hint}</p>
    </div>
  );
}
