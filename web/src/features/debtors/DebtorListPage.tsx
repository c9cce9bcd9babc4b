import { type KeyboardEvent as ReactKeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS, DEBTOR_SORTS, type DebtorListItem, type DebtorSort } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney, formatNumber, isZero } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useDebounced, useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { AgingBadge } from '../../ui/AgingBadge.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ListPageHead } from '../../ui/ListPageHead.tsx';
import { fetchCollectors, fetchDebtors, fetchSegments } from './debtors.api.ts';
import { useDebtorQuery } from './use-debtor-query.ts';

export function DebtorListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, update] = useDebtorQuery();
  useDocumentTitle(t('debtors.title'));
  const searchInput = useRef<HTMLInputElement>(null);
  const tableBody = useRef<HTMLTableSectionElement>(null);

  // Search: typed text is debounced, then written to the URL, which drives the request.
  const [text, setText] = useState(query.search);
  const debounced = useDebounced(text.trim(), 250);
  const written = useRef(query.search);
  useEffect(() => {
    if (query.search !== written.current) {
      written.current = query.search;
      setText(query.search);
    }
  }, [query.search]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced text writes the URL.
  useEffect(() => {
    if (debounced !== written.current) {
      written.current = debounced;
      update({ search: debounced });
    }
  }, [debounced]);

  const key = JSON.stringify(query);
  const list = useFetch(key, (signal) => fetchDebtors(query, signal));
  const segments = useFetch('segments', fetchSegments);
  const collectors = useFetch('collectors', fetchCollectors);

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  // A bookmarked page past the end (the list got shorter, or another organisation): go to the last.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new result can reveal it.
  useEffect(() => {
    if (list.data && list.data.total > 0 && query.page > pageCount)
      update({ page: pageCount }, { replace: true });
  }, [list.data]);
  const [selected, setSelected] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result starts at its first row.
  useEffect(() => setSelected(0), [list.data]);

  const open = (row: DebtorListItem | undefined) => {
    if (row) navigate(`/debtors/${encodeURIComponent(row.id)}`);
  };

  const move = (delta: number) => {
    setSelected((current) => {
      const next = Math.min(Math.max(current + delta, 0), Math.max(rows.length - 1, 0));
      const row = tableBody.current?.children[next];
      row?.scrollIntoView({ block: 'nearest' });
      // Focus follows the selection (so Enter opens it), except while typing in the search box.
      if (document.activeElement !== searchInput.current) row?.querySelector('a')?.focus();
      return next;
    });
  };

  useGlobalKey((event) => {
    if (event.key === '/') {
      event.preventDefault();
      searchInput.current?.focus();
      searchInput.current?.select();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(rows[selected]);
    } else if (event.key === 'PageDown' && query.page < pageCount) {
      event.preventDefault();
      update({ page: query.page + 1 });
    } else if (event.key === 'PageUp' && query.page > 1) {
      event.preventDefault();
      update({ page: query.page - 1 });
    }
  });

  // In the search box ↑/↓ and Enter act on the list, so "type, ↓, Enter" opens a dossier.
  const onSearchKey = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (text.trim() === query.search) open(rows[selected]);
      else {
        written.current = text.trim();
        update({ search: text.trim() });
      }
    } else if (event.key === 'Escape') {
      if (text) setText('');
      else event.currentTarget.blur();
    }
  };

  const filtered = Boolean(query.search || query.segment || query.collector || query.aging);

  return (
    <section className="page debtor-list" aria-labelledby="debtors-title">
      <ListPageHead
        titleId="debtors-title"
        title={t('debtors.title')}
        total={
          list.data
            ? t(list.data.totalIsCapped ? 'debtors.totalCapped' : 'debtors.total', {
                count: total,
                formatted: formatNumber(total, language),
              })
            : ''
        }
        totalTestId="debtor-total"
        loading={list.status === 'loading' && Boolean(list.data)}
        hint={t('debtors.keyboardHint')}
      />

      <search className="toolbar">
        <label className="field inline search">
          <span className="visually-hidden">{t('debtors.search')}</span>
          <input
            ref={searchInput}
            type="search"
            placeholder={t('debtors.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onSearchKey}
            aria-keyshortcuts="/"
            data-testid="debtor-search"
          />
          <kbd className="search-key">/</kbd>
        </label>
        <label className="field inline">
          <span>{t('debtors.segment')}</span>
          <select
            value={query.segment}
            onChange={(e) => update({ segment: e.target.value })}
            data-testid="filter-segment"
          >
            <option value="">{t('common.all')}</option>
            {(segments.data ?? []).map(({ segment, debtorCount }) => (
              <option key={segment} value={segment}>
                {segment} ({formatNumber(debtorCount, language)})
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t('debtors.collector')}</span>
          <select
            value={query.collector}
            onChange={(e) => update({ collector: e.target.value })}
            data-testid="filter-collector"
          >
            <option value="">{t('common.all')}</option>
            <option value="none">{t('debtors.unassigned')}</option>
            {(collectors.data ?? []).map((collector) => (
              <option key={collector.id} value={collector.id}>
                {collector.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented" aria-label={t('debtors.aging')}>
          <legend className="visually-hidden">{t('debtors.aging')}</legend>
          <button
            type="button"
            aria-pressed={query.aging === ''}
            onClick={() => update({ aging: '' })}
            data-testid="aging-all"
          >
            {t('common.all')}
          </button>
          {AGING_BUCKETS.map((bucket) => (
            <button
              key={bucket}
              type="button"
              aria-pressed={query.aging === bucket}
              onClick={() => update({ aging: bucket })}
              data-testid={`aging-${bucket}`}
            >
              {t(`aging.${bucket}`)}
            </button>
          ))}
        </fieldset>
        <label className="field inline">
          <span>{t('debtors.sort')}</span>
          <select
            value={query.sort}
            onChange={(e) => update({ sort: e.target.value as DebtorSort })}
            data-testid="sort"
          >
            {DEBTOR_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`debtors.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setText('');
              written.current = '';
              update({ search: '', segment: '', collector: '', aging: '' });
            }}
          >
            {t('debtors.clearFilters')}
          </button>
        )}
      </search>

      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}

      <div className="table-wrap">
        <table className="data debtors" aria-busy={list.status === 'loading'} aria-rowcount={total}>
          <thead>
            <tr>
              <th scope="col" className="col-number">
                {t('debtors.columns.number')}
              </th>
              <SortableHeader sort="name" current={query.sort} onSort={(sort) => update({ sort })}>
                {t('debtors.columns.name')}
              </SortableHeader>
              <th scope="col">{t('debtors.columns.city')}</th>
              <th scope="col">{t('debtors.columns.segment')}</th>
              <th scope="col">{t('debtors.columns.collector')}</th>
              <th scope="col" className="num">
                {t('debtors.columns.invoices')}
              </th>
              <SortableHeader sort="oldest" current={query.sort} onSort={(sort) => update({ sort })}>
                {t('debtors.columns.aging')}
              </SortableHeader>
              <th scope="col" className="num">
                {t('debtors.columns.open')}
              </th>
              <SortableHeader sort="overdue" current={query.sort} onSort={(sort) => update({ sort })} numeric>
                {t('debtors.columns.overdue')}
              </SortableHeader>
            </tr>
          </thead>
          <tbody ref={tableBody}>
            {rows.map((row, index) => {
              return (
                <tr
                  key={row.id}
                  aria-current={index === selected ? true : undefined}
                  className={index === selected ? 'selected' : undefined}
                  onClick={() => setSelected(index)}
                  onDoubleClick={() => open(row)}
                  data-testid="debtor-row"
                >
                  <td className="col-number mono">{row.number}</td>
                  <td className="name">
                    <Link
                      to={`/debtors/${encodeURIComponent(row.id)}`}
                      tabIndex={index === selected ? 0 : -1}
                    >
                      {row.name}
                    </Link>
                    {row.kind === 'consumer' && <span className="tag subtle">{t('debtors.consumer')}</span>}
                  </td>
                  <td>{row.city ?? ''}</td>
                  <td>{row.segment ?? ''}</td>
                  <td>{row.collector?.name ?? <span className="muted">{t('debtors.unassigned')}</span>}</td>
                  <td className="num">{row.openInvoiceCount}</td>
                  <td className="aging-cell-td">
                    {!isZero(row.open) && (
                      <AgingBadge daysLate={row.daysLate} bucket={row.agingBucket} compact />
                    )}
                    {row.oldestOverdueDueDate && (
                      <span className="since" title={t('debtors.columns.oldestDue')}>
                        {formatDate(row.oldestOverdueDueDate, language)}
                      </span>
                    )}
                  </td>
                  <td className="num money">{formatMoney(row.open, language)}</td>
                  <td className={`num money ${isZero(row.overdue) ? 'muted' : 'strong'}`}>
                    {formatMoney(row.overdue, language)}
                  </td>
                </tr>
              );
            })}
            {list.status === 'ready' && rows.length === 0 && (
              <tr>
                <td colSpan={9} className="empty">
                  {filtered ? t('debtors.noMatches') : t('debtors.empty')}
                </td>
              </tr>
            )}
            {list.status === 'loading' && !list.data && (
              <tr>
                <td colSpan={9} className="empty">
                  {t('common.loading')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <nav className="pager" aria-label={t('pager.label')}>
        <button
          type="button"
          className="button small"
          disabled={query.page <= 1}
          onClick={() => update({ page: query.page - 1 })}
        >
          ← {t('pager.previous')}
        </button>
        <span data-testid="pager-status">
          {t('pager.status', {
            page: formatNumber(query.page, language),
            pages: formatNumber(pageCount, language),
          })}
        </span>
        <button
          type="button"
          className="button small"
          disabled={query.page >= pageCount}
          onClick={() => update({ page: query.page + 1 })}
        >
          {t('pager.next')} →
        </button>
      </nav>
    </section>
  );
}

/** A column header that sorts the list; each sort has one fixed direction (the useful one). */
function SortableHeader({
  sort,
  current,
  onSort,
  numeric = false,
  children,
}: {
  sort: DebtorSort;
  current: DebtorSort;
  onSort: (sort: DebtorSort) => void;
  numeric?: boolean;
  children: ReactNode;
}) {
  const isActive = sort === current;
  return (
    <th
      scope="col"
      className={numeric ? 'num sortable' : 'sortable'}
      aria-sort={isActive ? (sort === 'overdue' ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(sort)} aria-pressed={isActive}>
        {children}
        <span className="sort-mark" aria-hidden="true">
          {isActive ? (sort === 'overdue' ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
