import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { formatNumber } from '../lib/format.ts';

/** Previous / "page X of Y" / next under a paged table; `onPage` gets the page to go to. */
export function Pager({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="button small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('pager.previous')}
      </button>
      <span>
        {t('pager.status', {
          page: formatNumber(page, language),
          pages: formatNumber(pageCount, language),
        })}
      </span>
      <button
        type="button"
        className="button small"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')} →
      </button>
    </nav>
  );
}
