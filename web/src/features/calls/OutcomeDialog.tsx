import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { amountToCents, centsToAmount, PLAN_INTERVALS, type PlanInterval } from '../plans/plans.api.ts';
import { formatDuration, laterQuarter, localToInstant } from './call-time.ts';
import {
  type CallAgreement,
  evaluateCall,
  type Objection,
  type PrepSheet,
  type RecordCallInput,
  type RecordCallResponse,
  recordCall,
} from './calls.api.ts';
import type { HeardObjections } from './ScriptPanel.tsx';

/** The choices in the order of their keys 1…9, 0: who answered, and what the right person said. */
export const OUTCOME_CHOICES = [
  'no_answer',
  'voicemail',
  'wrong_number',
  'gatekeeper',
  'promise',
  'partial_payment',
  'payment_plan',
  'dispute',
  'claims_paid',
  'refuses',
] as const;
export type OutcomeChoice = (typeof OUTCOME_CHOICES)[number];
const keyOf = (index: number) => String((index + 1) % 10);

const NON_PAYMENT_CAUSES = [
  'forgotten',
  'invoice_not_received',
  'approval_process',
  'quality_dispute',
  'delivery_dispute',
  'terms_disagreement',
  'cash_flow',
  'waiting_for_own_customer',
  'illness_or_absence',
  'payment_trouble',
  'refuses_to_pay',
  'other',
] as const satisfies readonly NonNullable<RecordCallInput['nonPaymentCause']>[];
const METHODS = ['bank_transfer', 'payment_link', 'direct_debit', 'card', 'cash'] as const;

type Method = (typeof METHODS)[number];

/**
 * Recording a call (R20) in a few keystrokes: a digit picks the outcome, the fields it needs
 * follow with sensible defaults (the goals of the call, a callback an hour from now), Ctrl+Enter
 * saves. Warnings about a hopeless agreement (004#9) come back from the server and are saved only
 * once acknowledged.
 */
export function OutcomeDialog({
  debtorId,
  sheet,
  initial,
  today,
  now,
  durationSeconds,
  heard,
  onClose,
  onSaved,
}: {
  debtorId: string;
  sheet: PrepSheet;
  initial: OutcomeChoice | null;
  today: string;
  now: string;
  durationSeconds: number;
  heard: HeardObjections;
  onClose: () => void;
  /** `evaluated`: null without an evaluation, else whether it was saved too. */
  onSaved: (choice: OutcomeChoice, response: RecordCallResponse, evaluated: boolean | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const goals = sheet.goals;
  const contacts = [sheet.contact, ...sheet.otherContacts].filter((c) => c !== null);
  const plan = goals?.minimum.find((goal) => goal.kind === 'payment_plan');
  const partial = goals?.minimum.find((goal) => goal.kind === 'partial_payment_now');

  const [choice, setChoice] = useState<OutcomeChoice | null>(initial);
  const [contactId, setContactId] = useState(sheet.contact?.id ?? '');
  const [gatekeeperName, setGatekeeperName] = useState('');
  const [callbackDate, setCallbackDate] = useState(today);
  const [callbackTime, setCallbackTime] = useState(() => laterQuarter(now, 60));
  const [amount, setAmount] = useState('');
  const [payDate, setPayDate] = useState(goals?.maximum.payByDate ?? today);
  const [method, setMethod] = useState<Method>('bank_transfer');
  const [count, setCount] = useState(plan?.instalments?.length ?? 3);
  const [interval, setInterval] = useState<PlanInterval>('month');
  const [firstDueDate, setFirstDueDate] = useState(plan?.instalments?.[0]?.dueDate ?? today);
  const [downPayment, setDownPayment] = useState('');
  const [disputed, setDisputed] = useState<string[]>([]);
  const [disputeReason, setDisputeReason] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [account, setAccount] = useState('');
  const [cause, setCause] = useState<(typeof NON_PAYMENT_CAUSES)[number] | ''>('');
  const [causeText, setCauseText] = useState('');
  const [notes, setNotes] = useState('');
  const [isAggressive, setAggressive] = useState(false);
  const [wentWell, setWentWell] = useState('');
  const [toImprove, setToImprove] = useState('');
  const [warnings, setWarnings] = useState<RecordCallResponse['warnings']>([]);
  const [isAcknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // The amount a choice starts from: the whole overdue for a promise, the minimum for a part now.
  const pick = (next: OutcomeChoice) => {
    setChoice(next);
    setWarnings([]);
    setAcknowledged(false);
    setError(null);
    if (next === 'promise') {
      setAmount(goals ? toInput(goals.maximum.amount) : '');
      setPayDate(goals?.maximum.payByDate ?? today);
    } else if (next === 'partial_payment') {
      setAmount(partial ? toInput(partial.amount) : '');
      setPayDate(today);
    } else if (next === 'claims_paid') setAmount('');
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the choice the dialog opened with.
  useEffect(() => {
    if (initial) pick(initial);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void submit();
      return;
    }
    const target = event.target as HTMLElement;
    const isTyping = ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !isChoiceInput(target);
    if (isTyping || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = OUTCOME_CHOICES.findIndex((_, i) => keyOf(i) === event.key);
    const next = OUTCOME_CHOICES[index];
    if (next) {
      event.preventDefault();
      pick(next);
    }
  };

  const buildRequest = (): RecordCallInput | string => {
    if (!choice) return t('calls.outcome.pickFirst');
    const base = {
      contactId: contactId || null,
      durationSeconds,
      objections: [...heard].map(([code, counterId]) => (counterId ? { code, counterId } : { code })),
      ...(cause ? { nonPaymentCause: cause } : {}),
      ...(causeText.trim() ? { nonPaymentCauseText: causeText.trim() } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      isAggressive,
      acknowledgeWarnings: isAcknowledged,
    };
    if (choice === 'no_answer' || choice === 'voicemail' || choice === 'wrong_number') {
      return { ...base, outcome: choice };
    }
    if (choice === 'gatekeeper') {
      const callbackAt = localToInstant(callbackDate, callbackTime);
      if (!callbackAt) return t('calls.outcome.needsCallback');
      return {
        ...base,
        outcome: 'gatekeeper',
        callbackAt,
        ...(gatekeeperName.trim() ? { gatekeeperName: gatekeeperName.trim() } : {}),
      };
    }
    const agreement = buildAgreement();
    return typeof agreement === 'string' ? agreement : { ...base, outcome: 'reached', agreement };
  };

  const buildAgreement = (): CallAgreement | string => {
    const cents = amountToCents(amount);
    const decimal = cents !== null && cents > 0 ? centsToAmount(cents) : null;
    switch (choice) {
      case 'promise':
        return decimal
          ? { result: 'promise', amount: decimal, date: payDate, method }
          : t('calls.outcome.needsAmount');
      case 'partial_payment':
        return decimal
          ? { result: 'partial_payment', amount: decimal, date: payDate, method }
          : t('calls.outcome.needsAmount');
      case 'payment_plan': {
        const down = amountToCents(downPayment);
        if (down === null) return t('calls.outcome.needsAmount');
        return {
          result: 'payment_plan',
          instalmentCount: count,
          interval,
          firstDueDate,
          ...(down > 0 ? { downPayment: centsToAmount(down) } : {}),
        };
      }
      case 'dispute':
        if (disputed.length === 0) return t('calls.outcome.needsInvoices');
        if (!disputeReason.trim()) return t('calls.outcome.needsReason');
        return { result: 'dispute', invoiceIds: disputed, reason: disputeReason.trim() };
      case 'claims_paid':
        return {
          result: 'claims_paid',
          ...(paidOn ? { paidOn } : {}),
          ...(decimal ? { amount: decimal } : {}),
          ...(account.trim() ? { account: account.trim() } : {}),
        };
      default:
        return { result: 'refuses' };
    }
  };

  // The evaluation belongs to the saved call; if it fails the call stays saved and the notice says so.
  const saveEvaluation = async (callId: string | null): Promise<boolean | null> => {
    const evaluation = { wentWell: wentWell.trim() || null, toImprove: toImprove.trim() || null };
    if (!callId || (!evaluation.wentWell && !evaluation.toImprove)) return null;
    try {
      await evaluateCall(callId, evaluation);
      return true;
    } catch {
      return false;
    }
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const request = buildRequest();
    if (typeof request === 'string') {
      setError(request);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await recordCall(debtorId, request);
      if (response.saved && choice) onSaved(choice, response, await saveEvaluation(response.callId));
      else {
        setWarnings(response.warnings);
        setAcknowledged(false);
      }
    } catch (failure) {
      setError(describeFailure(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const isAgreement = choice !== null && OUTCOME_CHOICES.indexOf(choice) >= 4;
  const money = (value: string) => formatMoney(value, language);
  return (
    <dialog
      ref={dialog}
      className="outcome-dialog"
      aria-labelledby="outcome-title"
      onKeyDown={onKeyDown}
      onClose={onClose}
      data-testid="outcome-dialog"
    >
      <form method="dialog" onSubmit={submit}>
        <header className="outcome-head">
          <h2 id="outcome-title">{t('calls.outcome.title', { name: sheet.debtor.name })}</h2>
          <span className="timer mono" data-testid="outcome-duration">
            {t('calls.outcome.duration', { duration: formatDuration(durationSeconds) })}
          </span>
        </header>
        <fieldset className="outcome-choices">
          <legend>{t('calls.outcome.what')}</legend>
          {OUTCOME_CHOICES.map((value, index) => (
            <label key={value} className={choice === value ? 'choice chosen' : 'choice'} data-choice={value}>
              <input
                type="radio"
                name="outcome"
                value={value}
                checked={choice === value}
                onChange={() => pick(value)}
              />
              <kbd>{keyOf(index)}</kbd> {t(`calls.outcomes.${value}`)}
            </label>
          ))}
        </fieldset>

        <div className="outcome-fields">
          {contacts.length > 0 && (
            <label className="field">
              <span>{t('calls.outcome.spokeWith')}</span>
              <select value={contactId} onChange={(e) => setContactId(e.target.value)}>
                {contacts.map((contact) => (
                  <option key={contact.id} value={contact.id}>
                    {contact.name}
                    {contact.role ? ` (${contact.role})` : ''}
                  </option>
                ))}
                <option value="">{t('calls.outcome.someoneElse')}</option>
              </select>
            </label>
          )}

          {choice === 'gatekeeper' && (
            <>
              <label className="field">
                <span>{t('calls.outcome.gatekeeperName')}</span>
                <input
                  value={gatekeeperName}
                  onChange={(e) => setGatekeeperName(e.target.value)}
                  data-testid="gatekeeper-name"
                />
              </label>
              <label className="field">
                <span>{t('calls.outcome.callbackDate')}</span>
                <input
                  type="date"
                  value={callbackDate}
                  onChange={(e) => setCallbackDate(e.target.value)}
                  data-testid="callback-date"
                />
              </label>
              <label className="field">
                <span>{t('calls.outcome.callbackTime')}</span>
                <input
                  type="time"
                  value={callbackTime}
                  onChange={(e) => setCallbackTime(e.target.value)}
                  data-testid="callback-time"
                />
              </label>
            </>
          )}

          {(choice === 'promise' || choice === 'partial_payment' || choice === 'claims_paid') && (
            <label className="field">
              <span>{t('calls.outcome.amount')}</span>
              <input
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                aria-invalid={amount !== '' && amountToCents(amount) === null}
                data-testid="agreement-amount"
              />
            </label>
          )}
          {(choice === 'promise' || choice === 'partial_payment') && (
            <>
              <label className="field">
                <span>{t(choice === 'promise' ? 'calls.outcome.payBy' : 'calls.outcome.paidWhen')}</span>
                <input
                  type="date"
                  value={payDate}
                  onChange={(e) => setPayDate(e.target.value)}
                  data-testid="agreement-date"
                />
              </label>
              <label className="field">
                <span>{t('calls.outcome.method')}</span>
                <select value={method} onChange={(e) => setMethod(e.target.value as Method)}>
                  {METHODS.map((value) => (
                    <option key={value} value={value}>
                      {t(`calls.methods.${value}`)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}

          {choice === 'payment_plan' && (
            <>
              <label className="field">
                <span>{t('calls.outcome.count')}</span>
                <input
                  type="number"
                  min={1}
                  max={60}
                  value={count}
                  onChange={(e) => setCount(Number(e.target.value) || 1)}
                />
              </label>
              <label className="field">
                <span>{t('calls.outcome.interval')}</span>
                <select value={interval} onChange={(e) => setInterval(e.target.value as PlanInterval)}>
                  {PLAN_INTERVALS.map((value) => (
                    <option key={value} value={value}>
                      {t(`plans.intervals.${value}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('calls.outcome.firstDue')}</span>
                <input type="date" value={firstDueDate} onChange={(e) => setFirstDueDate(e.target.value)} />
              </label>
              <label className="field">
                <span>{t('calls.outcome.downPayment')}</span>
                <input
                  inputMode="decimal"
                  value={downPayment}
                  placeholder="0,00"
                  onChange={(e) => setDownPayment(e.target.value)}
                />
              </label>
              {plan?.instalments && (
                <p className="muted small wide">
                  {t('calls.outcome.suggested', {
                    plan: plan.instalments
                      .map((i) => `${money(i.amount)} ${formatDate(i.dueDate, language)}`)
                      .join(' · '),
                  })}
                </p>
              )}
            </>
          )}

          {choice === 'dispute' && (
            <>
              <fieldset className="wide invoices-pick">
                <legend>{t('calls.outcome.disputedInvoices')}</legend>
                {sheet.openInvoices.map((invoice) => (
                  <label key={invoice.id} className="check">
                    <input
                      type="checkbox"
                      checked={disputed.includes(invoice.id)}
                      onChange={(e) =>
                        setDisputed((ids) =>
                          e.target.checked ? [...ids, invoice.id] : ids.filter((id) => id !== invoice.id),
                        )
                      }
                    />
                    <span className="mono">{invoice.number}</span>{' '}
                    <span className="money">{money(invoice.open)}</span>
                  </label>
                ))}
              </fieldset>
              <label className="field wide">
                <span>{t('calls.outcome.disputeReason')}</span>
                <input value={disputeReason} onChange={(e) => setDisputeReason(e.target.value)} />
              </label>
            </>
          )}

          {choice === 'claims_paid' && (
            <>
              <label className="field">
                <span>{t('calls.outcome.paidOn')}</span>
                <input type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
              </label>
              <label className="field">
                <span>{t('calls.outcome.account')}</span>
                <input value={account} onChange={(e) => setAccount(e.target.value)} />
              </label>
            </>
          )}

          {isAgreement && (
            <>
              <label className="field">
                <span>{t('calls.outcome.cause')}</span>
                <select
                  value={cause}
                  onChange={(e) => setCause(e.target.value as typeof cause)}
                  data-testid="cause"
                >
                  <option value="">–</option>
                  {NON_PAYMENT_CAUSES.map((value) => (
                    <option key={value} value={value}>
                      {t(`calls.causes.${value}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('calls.outcome.causeText')}</span>
                <input value={causeText} onChange={(e) => setCauseText(e.target.value)} />
              </label>
            </>
          )}

          <label className="field wide">
            <span>{t('calls.outcome.notes')}</span>
            <textarea
              rows={2}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              data-testid="call-notes"
            />
          </label>
          <details className="wide evaluation">
            <summary>{t('calls.outcome.evaluation')}</summary>
            <div className="evaluation-fields">
              <label className="field">
                <span>{t('calls.outcome.wentWell')}</span>
                <input
                  value={wentWell}
                  onChange={(e) => setWentWell(e.target.value)}
                  data-testid="went-well"
                />
              </label>
              <label className="field">
                <span>{t('calls.outcome.toImprove')}</span>
                <input
                  value={toImprove}
                  onChange={(e) => setToImprove(e.target.value)}
                  data-testid="to-improve"
                />
              </label>
            </div>
          </details>
          {heard.size > 0 && (
            <p className="small wide" data-testid="heard-objections">
              {t('calls.outcome.heard')}{' '}
              {sheet.objections
                .filter((o) => heard.has(o.code as Objection['code']))
                .map((o) => o.label)
                .join(', ')}
            </p>
          )}
          {choice !== null && OUTCOME_CHOICES.indexOf(choice) >= 3 && (
            <label className="check wide">
              <input
                type="checkbox"
                checked={isAggressive}
                onChange={(e) => setAggressive(e.target.checked)}
              />
              {t('calls.outcome.aggressive')}
            </label>
          )}
        </div>

        {warnings.length > 0 && (
          <div className="notice warn outcome-warnings" role="alert" data-testid="outcome-warnings">
            <ul>
              {warnings.map((warning) => (
                <li key={JSON.stringify(warning)}>
                  {t(`calls.warnings.${warning.code}`, {
                    ...warningValues(warning, language),
                    defaultValue: warning.code,
                  })}
                </li>
              ))}
            </ul>
            <label className="check">
              <input
                type="checkbox"
                checked={isAcknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
                data-testid="acknowledge-warnings"
              />
              {t('calls.outcome.acknowledge')}
            </label>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="outcome-error">
            {error}
          </p>
        )}
        <footer className="outcome-actions">
          <span className="hint">{t('calls.outcome.keys')}</span>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('calls.outcome.cancel')}
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={busy || choice === null || (warnings.length > 0 && !isAcknowledged)}
            data-testid="save-outcome"
          >
            {t('calls.outcome.save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

const isChoiceInput = (element: HTMLElement) =>
  element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');

/** "1234.50" as the collector types it: "1234,50". */
const toInput = (amount: string) => amount.replace('.', ',');

function warningValues(issue: Record<string, unknown>, language: ReturnType<typeof useLanguage>) {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue)) {
    if (typeof value === 'number' && name.endsWith('Cents'))
      values[name] = formatMoney(centsToAmount(value), language);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      values[name] = formatDate(value, language);
    else if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  return values;
}

function describeFailure(failure: unknown, t: (key: string) => string): string {
  if (failure instanceof ApiError) {
    if (failure.status === 409) return t('calls.lock.conflict');
    const issues = failure.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return issues ? `${failure.message} (${issues})` : failure.message || t('errors.generic');
  }
  return t('errors.generic');
}
