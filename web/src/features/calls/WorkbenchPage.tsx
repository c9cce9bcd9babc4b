import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.ts';
import { formatPhone, telHref } from '../../lib/phone.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { useQueueScope } from './CallQueuePage.tsx';
import { CheckPaymentsButton } from './CheckPaymentsButton.tsx';
import { formatDuration, localTime, localToday } from './call-time.ts';
import { fetchCallQueue, fetchPrepSheet, type Objection, type RecordCallResponse } from './calls.api.ts';
import { InvoiceCopyButton } from './InvoiceCopyButton.tsx';
import { OUTCOME_CHOICES, type OutcomeChoice, OutcomeDialog } from './OutcomeDialog.tsx';
import { PrepSheet } from './PrepSheet.tsx';
import { CompactQueue, splitQueue } from './QueueList.tsx';
import { ObjectionsPanel, ScriptPanel } from './ScriptPanel.tsx';
import { leaveSavedNotice, useSavedNotice } from './saved-notice.ts';
import { useCallLock } from './use-call-lock.ts';
import './calls.css';

/**
 * The workbench for one debtor (R12–R20): the queue, the prep sheet, and the script with the
 * objections side by side. Opening it takes the call lock; "Dial" starts the call timer; a digit
 * (or o) opens the outcome dialog; after saving the next call opens.
 */
export function WorkbenchPage({ debtorId }: { debtorId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const { collector, isAll } = useQueueScope();
  const sheet = useFetch(`prep:${debtorId}`, (signal) => fetchPrepSheet(debtorId, signal));
  const queue = useFetch(`queue:${collector ?? 'all'}`, (signal) => fetchCallQueue(collector, signal));
  const lock = useCallLock(debtorId);
  const saved = useSavedNotice();
  const [dialedAt, setDialedAt] = useState<number | null>(null);
  const [endedAt, setEndedAt] = useState<number | null>(null);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [heard, setHeard] = useState<Map<Objection['code'], string | undefined>>(new Map());
  const [dialog, setDialog] = useState<{ initial: OutcomeChoice | null } | null>(null);
  const dialLink = useRef<HTMLAnchorElement>(null);
  useDocumentTitle(sheet.data?.debtor.name);

  // The prep sheet names the holder: fetch it again when the lock was refused.
  const reloadSheet = sheet.reload;
  useEffect(() => {
    if (lock.status === 'held') reloadSheet();
  }, [lock.status, reloadSheet]);

  useEffect(() => {
    if (dialedAt === null || endedAt !== null) return;
    const timer = window.setInterval(() => setNowMs(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [dialedAt, endedAt]);
  const durationSeconds =
    dialedAt === null ? 0 : Math.max(0, Math.round(((endedAt ?? nowMs) - dialedAt) / 1000));

  const scopeQuery = isAll ? '?scope=all' : '';
  const items = queue.data?.items ?? [];
  const nextCall = splitQueue(items).now.find((item) => item.debtorId !== debtorId);
  const goNext = () =>
    navigate(nextCall ? `/calls/${nextCall.debtorId}${scopeQuery}` : `/calls${scopeQuery}`);

  const openOutcome = (initial: OutcomeChoice | null) => {
    // The call ends when its outcome is written down; cancelling the dialog lets the timer run on.
    if (dialedAt !== null) setEndedAt(Date.now());
    setDialog({ initial });
  };
  const closeOutcome = () => {
    setDialog(null);
    setEndedAt(null);
  };
  const onSaved = (choice: OutcomeChoice, response: RecordCallResponse, evaluated: boolean | null) => {
    const name = sheet.data?.debtor.name ?? '';
    leaveSavedNotice(
      [
        t('calls.savedNotice', { name, outcome: t(`calls.outcomes.${choice}`) }),
        response.confirmationMessageId ? t('calls.confirmationQueued') : '',
        response.callbackTaskId ? t('calls.callbackPlanned') : '',
        evaluated === null ? '' : t(evaluated ? 'calls.evaluationSaved' : 'calls.evaluationFailed'),
      ]
        .filter(Boolean)
        .join(' '),
    );
    setDialog(null);
    goNext();
  };

  const dial = () => {
    const now = Date.now();
    setDialedAt(now);
    setNowMs(now);
    setEndedAt(null);
  };
  // Who holds the lock comes with the prep sheet; while a colleague calls, nothing is recorded here.
  const lockHolder = sheet.data?.lock ?? null;
  const heldBy =
    lock.status === 'held' && lockHolder && lockHolder.holderId !== me.user.id ? lockHolder : null;

  useGlobalKey((event) => {
    if (dialog) return;
    const canRecord = heldBy === null;
    const outcome = OUTCOME_CHOICES.find((_, index) => String((index + 1) % 10) === event.key);
    if (outcome && canRecord) {
      event.preventDefault();
      openOutcome(outcome);
    } else if (event.key === 'o' && canRecord) {
      event.preventDefault();
      openOutcome(null);
    } else if (event.key === 'd') {
      event.preventDefault();
      dialLink.current?.click();
    } else if (event.key === 'n') {
      event.preventDefault();
      goNext();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      navigate(`/calls${scopeQuery}`);
    }
  });

  if (sheet.status === 'error' && !sheet.data) {
    return (
      <section className="page">
        <Link to="/calls" className="back">
          ← {t('calls.queueTitle')}
        </Link>
        <ErrorNotice error={sheet.error} onRetry={sheet.reload} />
      </section>
    );
  }
  if (!sheet.data) return <section className="page muted">{t('common.loading')}</section>;

  const data = sheet.data;
  const { debtor, contact } = data;
  const canTakeOver = me.role === 'senior_collector' || me.role === 'admin';
  const phone = contact?.phone ?? contact?.mobile ?? null;
  return (
    <section className="page workbench" aria-labelledby="workbench-title">
      <header className="wb-head">
        <div className="identity">
          <h1 id="workbench-title" title={debtor.name}>
            {debtor.name}
          </h1>
          <p className="meta small">
            <span className="mono">{debtor.number}</span>
            <span>{t(`debtorKind.${debtor.kind}`)}</span>
            <span>
              {debtor.country} · {t(`languages.${debtor.language}`)}
            </span>
            {debtor.paymentTermDays !== null && (
              <span>{t('calls.prep.term', { count: debtor.paymentTermDays })}</span>
            )}
            {debtor.creditLimit && (
              <span>{t('calls.creditLimit', { amount: formatMoney(debtor.creditLimit, language) })}</span>
            )}
            {debtor.pauseUntil && (
              <span className="warn-text">
                {t('calls.pausedUntil', { date: formatDate(debtor.pauseUntil, language) })}
              </span>
            )}
            <Link to={`/debtors/${debtor.id}`}>{t('calls.dossier')}</Link>
          </p>
        </div>
        <dl className="wb-figures">
          <div>
            <dt>{t('calls.overdue')}</dt>
            <dd className="money danger" data-testid="wb-overdue">
              {formatMoney(debtor.overdue, language)}
            </dd>
          </div>
          <div>
            <dt>{t('calls.open')}</dt>
            <dd className="money">{formatMoney(debtor.open, language)}</dd>
          </div>
          <div>
            <dt>{t('calls.oldestDue')}</dt>
            <dd>{formatDate(debtor.oldestOverdueDueDate, language)}</dd>
          </div>
        </dl>
        <div className="wb-actions">
          {phone ? (
            <a
              ref={dialLink}
              className="button primary dial"
              href={telHref(phone, contact?.phone ? contact.extension : null)}
              onClick={dial}
              data-testid="dial"
            >
              {t('calls.dial')} {formatPhone(phone)}
              {contact?.phone && contact.extension && ` ${t('calls.ext', { ext: contact.extension })}`}
            </a>
          ) : (
            <span className="muted">{t('calls.noPhone')}</span>
          )}
          <span
            className={dialedAt === null ? 'timer mono muted' : 'timer mono running'}
            data-testid="call-timer"
          >
            {formatDuration(durationSeconds)}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => openOutcome(null)}
            disabled={heldBy !== null}
            data-testid="open-outcome"
          >
            {t('calls.recordOutcome')} <kbd>o</kbd>
          </button>
        </div>
      </header>
      {saved && (
        <p className="notice success small" role="status" data-testid="call-saved">
          {saved}
        </p>
      )}
      {heldBy && (
        <div className="notice warn" role="alert" data-testid="lock-held">
          {t('calls.lock.heldBy', { name: heldBy.holder, until: formatDateTime(heldBy.expiresAt, language) })}
          {canTakeOver && (
            <button type="button" className="button small" onClick={lock.takeOver}>
              {t('calls.lock.takeOver')}
            </button>
          )}
        </div>
      )}
      {lock.status === 'error' && <ErrorNotice error={lock.error} />}
      <div className="wb-grid">
        {queue.data ? (
          <CompactQueue items={items} currentId={debtorId} linkSuffix={scopeQuery} />
        ) : (
          <div className="compact-queue muted">{t('common.loading')}</div>
        )}
        <div className="wb-prep">
          <PrepSheet sheet={data} />
        </div>
        <div className="wb-side">
          <ScriptPanel script={data.script} />
          <ObjectionsPanel
            objections={data.objections}
            language={data.script.language}
            heard={heard}
            onHear={(code, counterId) =>
              setHeard((current) => new Map(current).set(code, counterId ?? current.get(code)))
            }
            onAction={(result) => openOutcome(result)}
            doNow={{
              resend_invoice: <InvoiceCopyButton sheet={data} />,
              check_payments: <CheckPaymentsButton sheet={data} />,
            }}
          />
        </div>
      </div>
      <p className="hint wb-keys">{t('calls.workbenchHint')}</p>
      {dialog && (
        <OutcomeDialog
          debtorId={debtorId}
          sheet={data}
          initial={dialog.initial}
          today={queue.data?.date ?? localToday()}
          now={queue.data?.at ?? localTime()}
          durationSeconds={durationSeconds}
          heard={heard}
          onClose={closeOutcome}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}
