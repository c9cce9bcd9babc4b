import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate } from '../../lib/format.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { fetchCallQueue } from './calls.api.ts';
import { useSavedNotice } from './saved-notice.ts';
import './calls.css';
import { orderedQueue, QueueTable, splitQueue } from './QueueList.tsx';

/** Whose queue: the signed-in collector's share of the day, or the whole organisation's. */
export function useQueueScope(): { collector: string | null; isAll: boolean } {
  const me = useMe();
  const { search } = useLocation();
  const isAll = search.get('scope') === 'all';
  return { collector: isAll ? null : me.user.id, isAll };
}

/**
 * Who to call now (R13): the collector's queue at the server's local moment, strongest first,
 * each with why; calls that must wait below them. j/k or ↑/↓ move, Enter opens, n opens the next call.
 */
export function CallQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('calls.title'));
  const { collector, isAll } = useQueueScope();
  const queue = useFetch(`queue:${collector ?? 'all'}`, (signal) => fetchCallQueue(collector, signal));
  const [selected, setSelected] = useState(0);
  const table = useRef<HTMLDivElement>(null);
  const [moves, setMoves] = useState(0);
  const saved = useSavedNotice();
  const items = queue.data?.items ?? [];
  const ordered = orderedQueue(items);
  const { now, waiting } = splitQueue(items);

  useEffect(() => {
    setSelected((index) => Math.min(index, Math.max(ordered.length - 1, 0)));
  }, [ordered.length]);
  // The cursor takes the focus along, so Enter opens the row even after a click elsewhere.
  useEffect(() => {
    if (moves > 0) table.current?.querySelector<HTMLElement>('tr[aria-current] .debtor-link')?.focus();
  }, [moves]);
  const move = (delta: number) => {
    setSelected((index) => Math.max(0, Math.min(index + delta, ordered.length - 1)));
    setMoves((n) => n + 1);
  };

  const open = (index: number) => {
    const item = ordered[index];
    if (item) navigate(`/calls/${item.debtorId}${isAll ? '?scope=all' : ''}`);
  };
  useGlobalKey((event) => {
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(selected);
    } else if (event.key === 'n' && now.length > 0) {
      event.preventDefault();
      open(0);
    } else if (event.key === 'r') {
      event.preventDefault();
      queue.reload();
    }
  });

  return (
    <section className="page calls" aria-labelledby="calls-title">
      <header className="page-head">
        <h1 id="calls-title">{t('calls.title')}</h1>
        {queue.data && (
          <p className="count" data-testid="queue-moment">
            {t('calls.moment', { date: formatDate(queue.data.date, language), at: queue.data.at })} ·{' '}
            {t('calls.toCall', { count: now.length })}
          </p>
        )}
        <fieldset className="segmented" aria-label={t('calls.scope')}>
          <button type="button" aria-pressed={!isAll} onClick={() => navigate('/calls')}>
            {t('calls.mine')}
          </button>
          <button type="button" aria-pressed={isAll} onClick={() => navigate('/calls?scope=all')}>
            {t('calls.everyone')}
          </button>
        </fieldset>
        <span className="hint">{t('calls.queueHint')}</span>
      </header>
      {saved && (
        <p className="notice success" role="status" data-testid="call-saved">
          {saved}
        </p>
      )}
      {queue.status === 'error' && <ErrorNotice error={queue.error} onRetry={queue.reload} />}
      {!queue.data && queue.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {queue.data && (
        <>
          <div ref={table}>
            <QueueTable
              items={items}
              selected={selected}
              date={queue.data.date}
              linkSuffix={isAll ? '?scope=all' : ''}
            />
          </div>
          {!isAll && items.length === 0 && <p className="muted">{t('calls.emptyMine')}</p>}
          {waiting.length === 0 && now.length > 0 && <p className="muted small">{t('calls.noneWaiting')}</p>}
        </>
      )}
    </section>
  );
}
