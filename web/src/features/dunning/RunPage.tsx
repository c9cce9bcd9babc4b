import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { canManageDunning, DunningTabs } from './DunningTabs.tsx';
import {
  approveRun,
  createRun,
  documentUrl,
  fetchRun,
  fetchRunPreview,
  fetchRuns,
  previewLetterUrl,
  type RunAction,
  type RunDetail,
  type RunStepCount,
  STEP_CHANNELS,
} from './dunning.api.ts';
import { addDaysTo, centsOf, moneyOf } from './dunning-format.ts';

/**
 * The daily run: what goes out on a date (a preview until it is approved), each letter as a PDF
 * before it is sent, and "approve and send". ←/→ move a day, t goes to today.
 */
export function RunPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  useDocumentTitle(t('dunning.run.title'));
  const { search } = useLocation();
  const requested = search.get('date');
  const [generation, setGeneration] = useState(0);
  const preview = useFetch(`preview:${requested ?? ''}:${generation}`, (signal) =>
    fetchRunPreview(requested, signal),
  );
  const runId = preview.data?.run?.id ?? null;
  const run = useFetch(runId ? `run:${runId}:${generation}` : null, (signal) =>
    fetchRun(runId ?? '', signal),
  );
  const runs = useFetch(`runs:${generation}`, fetchRuns);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [sent, setSent] = useState<RunDetail | null>(null);

  const data = preview.data;
  const date = data?.date ?? requested ?? '';
  const goTo = (next: string | null) => {
    setSent(null);
    setActionError(null);
    navigate(next && next !== data?.today ? `/dunning?date=${next}` : '/dunning', { replace: true });
  };

  useGlobalKey((event) => {
    if (!data) return;
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      goTo(addDaysTo(data.date, -1));
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      goTo(addDaysTo(data.date, 1));
    } else if (event.key === 't') {
      event.preventDefault();
      goTo(null);
    }
  });

  const currentRun = runId && run.data?.id === runId ? run.data : null;
  const actions: RunAction[] = [...(currentRun?.actions ?? []), ...(data?.actions ?? [])];
  const counts = mergeCounts(currentRun?.counts ?? [], data?.counts ?? []);
  const waiting = (currentRun?.planned ?? 0) + (data?.totalActions ?? 0);
  const shown = actions.length;
  const total = (currentRun?.totalActions ?? 0) + (data?.totalActions ?? 0);
  const isFuture = Boolean(data && data.date > data.today);
  const canApprove = canManageDunning(me.role) && data?.mode === 'review' && waiting > 0 && !isFuture;

  async function approve() {
    if (!data) return;
    setBusy(true);
    setActionError(null);
    try {
      // New decisions join the run first (planned), then the whole run goes out.
      const planned = data.totalActions > 0 || !currentRun ? await createRun(data.date) : currentRun;
      setSent(planned.planned > 0 ? await approveRun(planned.id) : planned);
      setGeneration((g) => g + 1);
    } catch (caught) {
      setActionError(caught instanceof Error ? caught : new Error(String(caught)));
      setGeneration((g) => g + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page dunning-run" aria-labelledby="run-title">
      <DunningTabs />
      <div className="page-head">
        <h1 id="run-title">{t('dunning.run.title')}</h1>
        <div className="date-picker">
          <button
            type="button"
            className="button small"
            onClick={() => data && goTo(addDaysTo(data.date, -1))}
            aria-label={t('dunning.run.previousDay')}
            aria-keyshortcuts="ArrowLeft"
          >
            ←
          </button>
          <label className="field inline">
            <span className="visually-hidden">{t('dunning.run.date')}</span>
            <input
              type="date"
              value={date}
              onChange={(e) => e.target.value && goTo(e.target.value)}
              data-testid="run-date"
            />
          </label>
          <button
            type="button"
            className="button small"
            onClick={() => data && goTo(addDaysTo(data.date, 1))}
            aria-label={t('dunning.run.nextDay')}
            aria-keyshortcuts="ArrowRight"
          >
            →
          </button>
          {data && data.date !== data.today && (
            <button type="button" className="button ghost small" onClick={() => goTo(null)}>
              {t('dunning.run.today')}
            </button>
          )}
        </div>
        {preview.status === 'loading' && (
          <span className="spinner" role="status" title={t('common.loading')} />
        )}
        <p className="hint">{t('dunning.run.keyboardHint')}</p>
      </div>

      {preview.status === 'error' && <ErrorNotice error={preview.error} onRetry={preview.reload} />}

      {data && (
        <>
          <div className="run-bar card">
            <div className="run-state" data-testid="run-state">
              {currentRun ? (
                <>
                  <span className={`run-status run-${currentRun.status}`}>
                    {t(`dunning.runStatus.${currentRun.status}`)}
                  </span>
                  <span>
                    {t('dunning.run.runOf', { date: formatDate(currentRun.date, language) })}
                    {currentRun.approvedBy &&
                      ` · ${t('dunning.run.approvedBy', { name: currentRun.approvedBy.name })}`}
                    {currentRun.finishedAt && ` · ${formatDateTime(currentRun.finishedAt, language)}`}
                  </span>
                  <span className="muted">
                    {t('dunning.run.statusCounts', {
                      planned: currentRun.planned,
                      done: currentRun.done,
                      cancelled: currentRun.cancelled,
                    })}
                  </span>
                </>
              ) : (
                <span>
                  <span className="run-status run-preview">{t('dunning.actionStatus.preview')}</span>{' '}
                  {isFuture ? t('dunning.run.futurePreview') : t('dunning.run.nothingStored')}
                </span>
              )}
            </div>
            <div className="run-approve">
              {data.mode === 'automatic' ? (
                <p className="notice info" data-testid="automatic-note">
                  {t('dunning.run.automatic', { time: data.runTime })}
                </p>
              ) : (
                <>
                  {!canManageDunning(me.role) && (
                    <span className="muted small">{t('dunning.run.onlySenior')}</span>
                  )}
                  {(waiting > 0 || !currentRun) && (
                    <button
                      type="button"
                      className="button primary"
                      disabled={!canApprove || busy}
                      onClick={() => void approve()}
                      data-testid="approve-run"
                    >
                      {busy
                        ? t('dunning.run.sending')
                        : t('dunning.run.approve', {
                            count: waiting,
                            formatted: formatNumber(waiting, language),
                          })}
                    </button>
                  )}
                </>
              )}
            </div>
          </div>

          {sent && (
            <p className="notice success" role="status" data-testid="run-sent">
              {t('dunning.run.sent', { count: sent.done })}{' '}
              <Link to="/dunning/outbox">{t('dunning.run.toOutbox')}</Link>
            </p>
          )}
          {actionError && <ErrorNotice error={actionError} />}
          {data.run && data.totalActions > 0 && (
            <p className="notice warn">{t('dunning.run.moreDue', { count: data.totalActions })}</p>
          )}

          <div className="run-grid">
            <StepCounts counts={counts} />
            <ChannelTotals counts={counts} />
          </div>

          <section className="card" aria-labelledby="run-actions-title">
            <h2 id="run-actions-title">
              {t('dunning.run.actions')} <span className="count-badge">{formatNumber(total, language)}</span>
              {shown < total && (
                <span className="muted small"> {t('dunning.run.shownOf', { shown, total })}</span>
              )}
            </h2>
            <ActionsTable actions={actions} date={data.date} />
          </section>
        </>
      )}

      <section className="card" aria-labelledby="recent-runs-title">
        <h2 id="recent-runs-title">{t('dunning.run.recent')}</h2>
        {runs.status === 'error' && <ErrorNotice error={runs.error} onRetry={runs.reload} />}
        {runs.data && runs.data.length === 0 && <p className="muted">{t('dunning.run.noRuns')}</p>}
        {runs.data && runs.data.length > 0 && (
          <div className="table-wrap">
            <table className="data" data-testid="recent-runs">
              <thead>
                <tr>
                  <th scope="col">{t('dunning.run.date')}</th>
                  <th scope="col">{t('dunning.run.status')}</th>
                  <th scope="col">{t('dunning.run.approvedByColumn')}</th>
                  <th scope="col" className="num">
                    {t('dunning.actionStatus.planned')}
                  </th>
                  <th scope="col" className="num">
                    {t('dunning.actionStatus.done')}
                  </th>
                  <th scope="col" className="num">
                    {t('dunning.actionStatus.cancelled')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.data.slice(0, 14).map((r) => (
                  <tr key={r.id} className={r.date === date ? 'selected-row' : undefined}>
                    <td>
                      <Link to={`/dunning?date=${r.date}`}>{formatDate(r.date, language)}</Link>
                    </td>
                    <td>
                      <span className={`run-status run-${r.status}`}>
                        {t(`dunning.runStatus.${r.status}`)}
                      </span>
                    </td>
                    <td>{r.approvedBy?.name ?? ''}</td>
                    <td className="num">{formatNumber(r.planned, language)}</td>
                    <td className="num">{formatNumber(r.done, language)}</td>
                    <td className="num">{formatNumber(r.cancelled, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

/** Counts of the stored run and of what a new decision would add, per step. */
function mergeCounts(a: readonly RunStepCount[], b: readonly RunStepCount[]): RunStepCount[] {
  const byStep = new Map<string, RunStepCount>();
  for (const count of [...a, ...b]) {
    const seen = byStep.get(count.stepId);
    byStep.set(
      count.stepId,
      seen
        ? {
            ...seen,
            actions: seen.actions + count.actions,
            invoices: seen.invoices + count.invoices,
            open: moneyOf(centsOf(seen.open) + centsOf(count.open)),
          }
        : count,
    );
  }
  return [...byStep.values()];
}

function StepCounts({ counts }: { counts: RunStepCount[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="step-counts-title">
      <h2 id="step-counts-title">{t('dunning.run.perStep')}</h2>
      {counts.length === 0 ? (
        <p className="muted" data-testid="nothing-due">
          {t('dunning.run.nothingDue')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="step-counts">
            <thead>
              <tr>
                <th scope="col">{t('dunning.policy.policy')}</th>
                <th scope="col">{t('dunning.step.step')}</th>
                <th scope="col">{t('dunning.step.channel')}</th>
                <th scope="col" className="num">
                  {t('dunning.run.debtors')}
                </th>
                <th scope="col" className="num">
                  {t('dunning.run.invoices')}
                </th>
                <th scope="col" className="num">
                  {t('dunning.run.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.stepId}>
                  <td className="muted">{c.policyName}</td>
                  <td>{c.stepName}</td>
                  <td>
                    <ChannelBadge channel={c.channel} />
                  </td>
                  <td className="num">{formatNumber(c.actions, language)}</td>
                  <td className="num">{formatNumber(c.invoices, language)}</td>
                  <td className="num money">{formatMoney(c.open, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ChannelTotals({ counts }: { counts: RunStepCount[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="channel-totals-title">
      <h2 id="channel-totals-title">{t('dunning.run.perChannel')}</h2>
      <dl className="channel-totals" data-testid="channel-totals">
        {STEP_CHANNELS.map((channel) => {
          const n = counts.filter((c) => c.channel === channel).reduce((sum, c) => sum + c.actions, 0);
          return (
            <div key={channel} className={n === 0 ? 'zero' : undefined}>
              <dt>{t(`dunning.channel.${channel}`)}</dt>
              <dd>{formatNumber(n, language)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function ChannelBadge({ channel }: { channel: RunAction['channel'] }) {
  const { t } = useTranslation();
  return <span className={`channel channel-${channel}`}>{t(`dunning.channel.${channel}`)}</span>;
}

function ActionsTable({ actions, date }: { actions: RunAction[]; date: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (actions.length === 0) return <p className="muted">{t('dunning.run.noActions')}</p>;
  return (
    <div className="table-wrap actions-wrap">
      <table className="data" data-testid="run-actions">
        <thead>
          <tr>
            <th scope="col">{t('dunning.run.debtor')}</th>
            <th scope="col">{t('dunning.step.step')}</th>
            <th scope="col">{t('dunning.step.channel')}</th>
            <th scope="col">{t('dunning.run.invoices')}</th>
            <th scope="col" className="num">
              {t('dunning.run.amount')}
            </th>
            <th scope="col">{t('dunning.run.status')}</th>
            <th scope="col">{t('dunning.run.letter')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id ?? `${a.debtor.id}:${a.stepId}`} data-testid="run-action">
              <td className="name-cell">
                <span className="mono small">{a.debtor.number}</span>{' '}
                <Link to={`/debtors/${encodeURIComponent(a.debtor.id)}`}>{a.debtor.name}</Link>
              </td>
              <td>{a.stepName}</td>
              <td>
                {a.channel === 'email' && (a.outboxStatus === 'to_print' || a.outboxStatus === 'printed') ? (
                  <span title={t('dunning.run.printedInstead')}>
                    <ChannelBadge channel="letter" />*
                  </span>
                ) : (
                  <ChannelBadge channel={a.channel} />
                )}
              </td>
              <td className="mono small invoices-cell" title={a.invoices.join(', ')}>
                {a.invoices.join(', ')}
              </td>
              <td className="num money">{formatMoney(a.open, language)}</td>
              <td>
                <span className={`action-status action-${a.status}`} title={a.note ?? undefined}>
                  {t(`dunning.actionStatus.${a.status}`)}
                </span>
                {a.outboxStatus && (
                  <span className={`outbox-status outbox-${a.outboxStatus} secondary`}>
                    {t(`dunning.outboxStatus.${a.outboxStatus}`)}
                  </span>
                )}
              </td>
              <td>
                {a.documentId ? (
                  <a
                    href={documentUrl(a.documentId)}
                    target="_blank"
                    rel="noopener"
                    data-testid="action-document"
                  >
                    {t('dunning.run.openLetter')}
                  </a>
                ) : a.channel !== 'call_task' && (a.status === 'preview' || a.status === 'planned') ? (
                  <a
                    href={previewLetterUrl({ date, debtorId: a.debtor.id, stepId: a.stepId })}
                    target="_blank"
                    rel="noopener"
                    data-testid="preview-letter"
                  >
                    {t('dunning.run.previewLetter')}
                  </a>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
