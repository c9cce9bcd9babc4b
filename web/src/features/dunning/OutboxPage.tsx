import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ListPageHead } from '../../ui/ListPageHead.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { useMe } from '../auth/session.tsx';
import { DunningTabs } from './DunningTabs.tsx';
import {
  documentUrl,
  fetchOutbox,
  markPrinted,
  OUTBOX_STATUSES,
  type OutboxMessage,
  type OutboxStatus,
} from './dunning.api.ts';

const PAGE_SIZE = 50;
const isStatus = (value: string | null): value is OutboxStatus =>
  (OUTBOX_STATUSES as readonly string[]).includes(value ?? '');

/**
 * Everything that went out or waits to: emails (queued, sent, failed) and letters to print.
 * ↑/↓ select a message, Enter opens its PDF, p marks a letter printed.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  useDocumentTitle(t('dunning.outbox.title'));
  const { search } = useLocation();
  const status = isStatus(search.get('status')) ? (search.get('status') as OutboxStatus) : '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [generation, setGeneration] = useState(0);
  const list = useFetch(`${status}:${page}:${generation}`, (signal) =>
    fetchOutbox({ status, page, pageSize: PAGE_SIZE }, signal),
  );
  const [selected, setSelected] = useState(0);
  const [printError, setPrintError] = useState<Error | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const canPrint = me.role !== 'viewer';

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter or page starts at the top.
  useEffect(() => setSelected(0), [status, page]);

  const go = (next: { status?: OutboxStatus | ''; page?: number }) => {
    const params = new URLSearchParams();
    const nextStatus = next.status ?? status;
    const nextPage = next.page ?? 1;
    if (nextStatus) params.set('status', nextStatus);
    if (nextPage > 1) params.set('page', String(nextPage));
    const query = params.toString();
    navigate(query ? `/dunning/outbox?${query}` : '/dunning/outbox');
  };

  async function printed(message: OutboxMessage) {
    setPrinting(message.id);
    setPrintError(null);
    try {
      await markPrinted(message.id);
      setGeneration((g) => g + 1);
    } catch (caught) {
      setPrintError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setPrinting(null);
    }
  }

  const move = (delta: number) =>
    setSelected((current) => {
      const next = Math.min(Math.max(current + delta, 0), Math.max(rows.length - 1, 0));
      body.current?.children[next]?.scrollIntoView({ block: 'nearest' });
      return next;
    });

  useGlobalKey((event) => {
    const row = rows[selected];
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter' && row?.documentId) {
      event.preventDefault();
      window.open(documentUrl(row.documentId), '_blank', 'noopener');
    } else if (event.key === 'p' && row?.status === 'to_print' && canPrint) {
      event.preventDefault();
      void printed(row);
    }
  });

  const counts = list.data?.statusCounts;
  const allCount = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : null;

  return (
    <section className="page dunning-outbox" aria-labelledby="outbox-title">
      <DunningTabs />
      <ListPageHead
        titleId="outbox-title"
        title={t('dunning.outbox.title')}
        total={
          list.data
            ? t('dunning.outbox.total', { count: total, formatted: formatNumber(total, language) })
            : ''
        }
        totalTestId="outbox-total"
        loading={list.status === 'loading' && Boolean(list.data)}
        hint={t('dunning.outbox.keyboardHint')}
      />

      <div className="toolbar">
        <fieldset className="segmented" aria-label={t('dunning.outbox.status')}>
          <legend className="visually-hidden">{t('dunning.outbox.status')}</legend>
          <button
            type="button"
            aria-pressed={status === ''}
            onClick={() => go({ status: '' })}
            data-testid="outbox-all"
          >
            {t('common.all')}
            {allCount !== null && <span className="segment-count">{formatNumber(allCount, language)}</span>}
          </button>
          {OUTBOX_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={status === s}
              onClick={() => go({ status: s })}
              data-testid={`outbox-${s}`}
            >
              {t(`dunning.outboxStatus.${s}`)}
              {counts && <span className="segment-count">{formatNumber(counts[s], language)}</span>}
            </button>
          ))}
        </fieldset>
      </div>

      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {printError && <ErrorNotice error={printError} />}

      <div className="table-wrap">
        <table className="data outbox" aria-busy={list.status === 'loading'} data-testid="outbox">
          <thead>
            <tr>
              <th scope="col">{t('dunning.outbox.created')}</th>
              <th scope="col">{t('dunning.run.debtor')}</th>
              <th scope="col">{t('dunning.outbox.to')}</th>
              <th scope="col">{t('dunning.outbox.subject')}</th>
              <th scope="col">{t('dunning.outbox.status')}</th>
              <th scope="col">{t('dunning.outbox.pdf')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dunning.outbox.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((m, index) => (
              <tr
                key={m.id}
                className={index === selected ? 'selected' : undefined}
                aria-current={index === selected ? true : undefined}
                onClick={() => setSelected(index)}
                data-testid="outbox-row"
              >
                <td>{formatDateTime(m.createdAt, language)}</td>
                <td className="name-cell">
                  <span className="mono small">{m.debtor.number}</span>{' '}
                  <Link to={`/debtors/${encodeURIComponent(m.debtor.id)}`}>{m.debtor.name}</Link>
                </td>
                <td className={m.to ? 'to-cell' : 'muted'}>{m.to ?? t('dunning.outbox.byPost')}</td>
                <td className="subject-cell" title={m.subject}>
                  {m.subject}
                  {m.error && (
                    <span className="outbox-error" title={m.error}>
                      {m.error}
                    </span>
                  )}
                </td>
                <td>
                  <span className={`outbox-status outbox-${m.status}`}>
                    {t(`dunning.outboxStatus.${m.status}`)}
                  </span>
                  {m.sentAt && <span className="muted small"> {formatDateTime(m.sentAt, language)}</span>}
                </td>
                <td>
                  {m.documentId && (
                    <a
                      href={documentUrl(m.documentId)}
                      target="_blank"
                      rel="noopener"
                      data-testid="outbox-pdf"
                    >
                      PDF
                    </a>
                  )}
                </td>
                <td className="actions-cell">
                  {m.status === 'to_print' && canPrint && (
                    <button
                      type="button"
                      className="button small"
                      disabled={printing === m.id}
                      onClick={() => void printed(m)}
                      data-testid="mark-printed"
                    >
                      {t('dunning.outbox.markPrinted')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {list.status === 'ready' && rows.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  {status ? t('dunning.outbox.noneWithStatus') : t('dunning.outbox.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {pageCount > 1 && <Pager page={page} pageCount={pageCount} onPage={(next) => go({ page: next })} />}
    </section>
  );
}
