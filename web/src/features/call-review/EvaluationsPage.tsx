import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
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
import { fetchCollectors } from '../debtors/debtors.api.ts';
import { CallReviewTabs } from './CallReviewTabs.tsx';
import { type CallEvaluation, fetchEvaluations, reviewEvaluation } from './call-review.api.ts';

const PAGE_SIZE = 50;
const REVIEWED = ['false', 'true', ''] as const;
type Reviewed = (typeof REVIEWED)[number];
const isDate = (value: string | null) => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/**
 * The collectors' evaluations of their calls, for seniors to read and mark reviewed (R21).
 * j/k (or ↓/↑) select an evaluation, r writes the review; Ctrl+Enter saves it, Esc closes it.
 */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('callReview.evaluations.title'));
  const { search } = useLocation();
  const collector = search.get('collector') ?? '';
  const from = isDate(search.get('from')) ? (search.get('from') as string) : '';
  const to = isDate(search.get('to')) ? (search.get('to') as string) : '';
  const reviewedParam = search.get('reviewed');
  const reviewed: Reviewed = reviewedParam === 'true' ? 'true' : reviewedParam === 'all' ? '' : 'false';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [generation, setGeneration] = useState(0);
  const list = useFetch(`${collector}:${from}:${to}:${reviewed}:${page}:${generation}`, (signal) =>
    fetchEvaluations(
      {
        collector: collector || undefined,
        from: from || undefined,
        to: to || undefined,
        reviewed: reviewed || undefined,
        page,
        pageSize: PAGE_SIZE,
      },
      signal,
    ),
  );
  const collectors = useFetch('collectors', fetchCollectors);
  const [selected, setSelected] = useState(0);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter or page starts at the top.
  useEffect(() => setSelected(0), [collector, from, to, reviewed, page]);

  const go = (next: {
    collector?: string;
    from?: string;
    to?: string;
    reviewed?: Reviewed;
    page?: number;
  }) => {
    const params = new URLSearchParams();
    const values = { collector, from, to, ...next };
    if (values.collector) params.set('collector', values.collector);
    if (values.from) params.set('from', values.from);
    if (values.to) params.set('to', values.to);
    const nextReviewed = next.reviewed ?? reviewed;
    if (nextReviewed !== 'false') params.set('reviewed', nextReviewed || 'all');
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    const query = params.toString();
    navigate(query ? `/calls/evaluations?${query}` : '/calls/evaluations');
  };

  const move = (delta: number) =>
    setSelected((current) => {
      const next = Math.min(Math.max(current + delta, 0), Math.max(rows.length - 1, 0));
      body.current?.querySelectorAll('tr[data-testid="evaluation-row"]')[next]?.scrollIntoView({
        block: 'nearest',
      });
      return next;
    });

  useGlobalKey((event) => {
    if (reviewing) return;
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'r' && rows[selected]) {
      event.preventDefault();
      setReviewing(rows[selected].id);
    }
  });

  const reviewedChoices: { value: Reviewed; label: string }[] = [
    { value: 'false', label: t('callReview.evaluations.toReview') },
    { value: 'true', label: t('callReview.evaluations.reviewed') },
    { value: '', label: t('common.all') },
  ];

  return (
    <section className="page call-review" aria-labelledby="evaluations-title">
      <CallReviewTabs />
      <ListPageHead
        titleId="evaluations-title"
        title={t('callReview.evaluations.title')}
        total={
          list.data
            ? t('callReview.evaluations.total', { count: total, formatted: formatNumber(total, language) })
            : ''
        }
        totalTestId="evaluations-total"
        loading={list.status === 'loading' && Boolean(list.data)}
        hint={t('callReview.evaluations.keyboardHint')}
      />

      <div className="toolbar">
        <fieldset className="segmented" aria-label={t('callReview.evaluations.reviewState')}>
          <legend className="visually-hidden">{t('callReview.evaluations.reviewState')}</legend>
          {reviewedChoices.map((choice) => (
            <button
              key={choice.value || 'all'}
              type="button"
              aria-pressed={reviewed === choice.value}
              onClick={() => go({ reviewed: choice.value })}
            >
              {choice.label}
            </button>
          ))}
        </fieldset>
        <label className="field inline">
          <span>{t('callReview.evaluations.collector')}</span>
          <select
            value={collector}
            onChange={(e) => go({ collector: e.target.value })}
            data-testid="evaluations-collector"
          >
            <option value="">{t('common.all')}</option>
            {(collectors.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t('callReview.evaluations.from')}</span>
          <input
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => go({ from: e.target.value })}
          />
        </label>
        <label className="field inline">
          <span>{t('callReview.evaluations.to')}</span>
          <input
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => go({ to: e.target.value })}
          />
        </label>
      </div>

      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}

      <div className="table-wrap">
        <table className="data evaluations" aria-busy={list.status === 'loading'} data-testid="evaluations">
          <thead>
            <tr>
              <th scope="col">{t('callReview.evaluations.call')}</th>
              <th scope="col">{t('callReview.evaluations.debtor')}</th>
              <th scope="col">{t('callReview.evaluations.outcome')}</th>
              <th scope="col">{t('callReview.evaluations.collector')}</th>
              <th scope="col">{t('callReview.evaluations.wentWell')}</th>
              <th scope="col">{t('callReview.evaluations.toImprove')}</th>
              <th scope="col">{t('callReview.evaluations.review')}</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((evaluation, index) => (
              <EvaluationRow
                key={evaluation.id}
                evaluation={evaluation}
                selected={index === selected}
                reviewing={reviewing === evaluation.id}
                onSelect={() => setSelected(index)}
                onReview={() => {
                  setSelected(index);
                  setReviewing(evaluation.id);
                }}
                onClose={(saved) => {
                  setReviewing(null);
                  if (saved) setGeneration((g) => g + 1);
                }}
              />
            ))}
            {list.status === 'ready' && rows.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  {reviewed === 'false'
                    ? t('callReview.evaluations.noneToReview')
                    : t('callReview.evaluations.empty')}
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

function EvaluationRow({
  evaluation: e,
  selected,
  reviewing,
  onSelect,
  onReview,
  onClose,
}: {
  evaluation: CallEvaluation;
  selected: boolean;
  reviewing: boolean;
  onSelect: () => void;
  onReview: () => void;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const outcome = e.call.result
    ? t(`callReview.results.${e.call.result}`)
    : t(`callReview.outcomes.${e.call.outcome}`);
  return (
    <>
      <tr
        className={selected ? 'selected' : undefined}
        aria-current={selected ? true : undefined}
        onClick={onSelect}
        data-testid="evaluation-row"
      >
        <td className="nowrap">{formatDateTime(e.call.startedAt, language)}</td>
        <td className="name-cell">
          <span className="mono small">{e.debtor.number}</span>{' '}
          <Link to={`/debtors/${encodeURIComponent(e.debtor.id)}`}>{e.debtor.name}</Link>
        </td>
        <td>
          <span className={`call-outcome outcome-${e.call.result ?? e.call.outcome}`}>{outcome}</span>
        </td>
        <td>{e.call.collector?.name ?? <span className="muted">{e.author ?? '—'}</span>}</td>
        <td className="note-cell">{e.wentWell ?? <span className="muted">—</span>}</td>
        <td className="note-cell">{e.toImprove ?? <span className="muted">—</span>}</td>
        <td className="review-cell">
          {e.review ? (
            <div data-testid="evaluation-review">
              <span className="review-done">
                ✓ {t('callReview.evaluations.reviewedBy', { name: e.review.by ?? '—' })}
              </span>
              {e.review.comment && <span className="review-comment">{e.review.comment}</span>}
            </div>
          ) : (
            !reviewing && (
              <button
                type="button"
                className="button small"
                onClick={(event) => {
                  event.stopPropagation();
                  onReview();
                }}
                data-testid="review-button"
              >
                {t('callReview.evaluations.markReviewed')}
              </button>
            )
          )}
        </td>
      </tr>
      {reviewing && (
        <tr className="review-form-row">
          <td colSpan={7}>
            <ReviewForm evaluation={e} onClose={onClose} />
          </td>
        </tr>
      )}
    </>
  );
}

function ReviewForm({
  evaluation,
  onClose,
}: {
  evaluation: CallEvaluation;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState(evaluation.review?.comment ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await reviewEvaluation(evaluation.id, comment);
      onClose(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setSaving(false);
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(false);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form
      className="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="review-form"
    >
      <label className="field wide">
        <span>{t('callReview.evaluations.comment', { debtor: evaluation.debtor.name })}</span>
        <textarea
          // biome-ignore lint/a11y/noAutofocus: r opens the form to type the comment at once.
          autoFocus
          rows={2}
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="review-actions">
        <button type="submit" className="button primary small" disabled={saving}>
          {t('callReview.evaluations.saveReview')}
        </button>
        <button type="button" className="button ghost small" onClick={() => onClose(false)}>
          {t('callReview.cancel')}
        </button>
        <span className="hint">{t('callReview.evaluations.reviewHint')}</span>
      </div>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
