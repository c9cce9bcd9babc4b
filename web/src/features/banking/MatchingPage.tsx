import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchInvoice, MatchingView, PaymentToMatch } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney, formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { BankTabs } from './BankTabs.tsx';
import {
  allocatePayment,
  fetchPaymentsToMatch,
  parkPayment,
  refundPayment,
  undoAllocation,
} from './banking.api.ts';
import { PaymentPanel } from './PaymentPanel.tsx';
import { amountForInput, checkSplit, defaultAmount, normaliseAmount, type SplitDraft } from './split.ts';
import './banking.css';

const SHORTCUTS = [
  ['↑ ↓ / j k', 'move'],
  ['Enter', 'accept'],
  ['1–3', 'edit'],
  ['/', 'search'],
  ['p', 'park'],
  ['r', 'refund'],
] as const;

/**
 * The manual matching screen, made for a morning of payments: the list on the left moves with
 * the keyboard, the selected payment on the right shows the matching's suggestions, an invoice
 * search and a split editor; every action moves on to the next payment.
 */
export function MatchingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('bank.matchingTitle'));
  const [view, setView] = useState<MatchingView>('open');
  const list = useFetch(`bank-payments:${view}`, (signal) => fetchPaymentsToMatch(view, signal));
  const payments = list.data?.items ?? [];
  const [selected, setSelected] = useState(0);
  const [split, setSplit] = useState<SplitDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const listBody = useRef<HTMLTableSectionElement>(null);
  const payment: PaymentToMatch | undefined = payments[Math.min(selected, payments.length - 1)];

  // A new payment starts with an empty split.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the payment's id is the trigger.
  useEffect(() => {
    setSplit([]);
    setActionError(null);
  }, [payment?.id]);

  useEffect(() => {
    listBody.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  });

  const move = (step: number) => setSelected((i) => Math.max(0, Math.min(payments.length - 1, i + step)));

  async function act(action: () => Promise<unknown>, message: string) {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    try {
      await action();
      setDone(message);
      setSplit([]);
      list.reload();
    } catch (caught) {
      setActionError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  const numbersOf = (ids: readonly string[], invoices: readonly MatchInvoice[]) =>
    ids.map((id) => invoices.find((i) => i.id === id)?.number ?? '').join(', ');

  function acceptSuggestion(rank: number) {
    const suggestion = payment?.suggestions.find((s) => s.rank === rank) ?? payment?.suggestions[0];
    if (!payment || !suggestion) return;
    const label = numbersOf(
      suggestion.allocations.map((a) => a.invoiceId),
      suggestion.invoices,
    );
    void act(
      () => allocatePayment(payment.id, suggestion.allocations),
      t('bank.allocatedTo', { invoices: label }),
    );
  }

  function editSuggestion(index: number) {
    const suggestion = payment?.suggestions[index];
    if (!suggestion) return;
    setSplit(
      suggestion.allocations.flatMap((a) => {
        const invoice = suggestion.invoices.find((i) => i.id === a.invoiceId);
        return invoice ? [{ invoice, amount: amountForInput(a.amount, language) }] : [];
      }),
    );
  }

  function addToSplit(invoice: MatchInvoice) {
    if (!payment) return;
    setSplit((lines) => {
      if (lines.some((l) => l.invoice.id === invoice.id)) return lines;
      const { restCents } = checkSplit(lines, payment.unallocated);
      return [...lines, { invoice, amount: amountForInput(defaultAmount(invoice, restCents), language) }];
    });
  }

  function submitSplit() {
    if (!payment || !checkSplit(split, payment.unallocated).isBalanced) return;
    const allocations = split.map((l) => ({
      invoiceId: l.invoice.id,
      amount: normaliseAmount(l.amount) ?? '',
    }));
    const label = split.map((l) => l.invoice.number).join(', ');
    void act(() => allocatePayment(payment.id, allocations), t('bank.allocatedTo', { invoices: label }));
  }

  const park = () =>
    payment && view === 'open' && void act(() => parkPayment(payment.id), t('bank.parkedDone'));
  const refund = () => payment && void act(() => refundPayment(payment.id), t('bank.refundDone'));
  const undo = (invoiceId: string, invoiceNumber: string) =>
    payment &&
    void act(() => undoAllocation(payment.id, invoiceId), t('bank.undoDone', { invoice: invoiceNumber }));

  useGlobalKey((event) => {
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') move(1);
    else if (key === 'ArrowUp' || key === 'k') move(-1);
    else if (key === '/') searchInput.current?.focus();
    else if (key === 'Enter') {
      if (split.length > 0) submitSplit();
      else acceptSuggestion(1);
    } else if (key === '1' || key === '2' || key === '3') editSuggestion(Number(key) - 1);
    else if (key === 'p') park();
    else if (key === 'r') refund();
    else return;
    event.preventDefault();
  });

  return (
    <section className="page bank matching" aria-labelledby="matching-title">
      <div className="page-head">
        <h1 id="matching-title">{t('bank.title')}</h1>
      </div>
      <BankTabs />
      <div className="matching-bar">
        <fieldset className="segmented" aria-label={t('bank.viewLabel')}>
          <legend className="visually-hidden">{t('bank.viewLabel')}</legend>
          {(['open', 'parked'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={view === option}
              onClick={() => {
                setView(option);
                setSelected(0);
              }}
            >
              {t(`bank.views.${option}`)}
              {view === option && list.data ? ` (${formatNumber(list.data.total, language)})` : ''}
            </button>
          ))}
        </fieldset>
        <ul className="shortcuts" aria-label={t('bank.shortcutsLabel')} data-testid="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <li key={what}>
              <kbd>{keys}</kbd> {t(`bank.shortcuts.${what}`)}
            </li>
          ))}
        </ul>
      </div>
      {done && (
        <p className="notice success" role="status" data-testid="match-done">
          {done}
        </p>
      )}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data && payments.length === 0 && (
        <p className="card muted" data-testid="nothing-to-match">
          {t(view === 'open' ? 'bank.nothingOpen' : 'bank.nothingParked')}
        </p>
      )}
      {payments.length > 0 && payment && (
        <div className="matching-grid">
          <div className="card matching-list">
            <table className="data compact" aria-label={t('bank.listLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('payment.date')}</th>
                  <th scope="col">{t('bank.counterparty')}</th>
                  <th scope="col" className="num">
                    {t('payment.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('bank.score')}
                  </th>
                </tr>
              </thead>
              <tbody ref={listBody} data-testid="match-list">
                {payments.map((p, index) => (
                  <tr
                    key={p.id}
                    aria-selected={p.id === payment.id}
                    className={p.id === payment.id ? 'selected' : undefined}
                    onClick={() => setSelected(index)}
                  >
                    <td>{formatDate(p.date, language)}</td>
                    <td className="truncate">
                      {p.counterpartyName ?? p.counterpartyIban ?? '–'}
                      <div className="muted small truncate">{p.remittance ?? p.reference ?? ''}</div>
                    </td>
                    <td className="num money">{formatMoney(p.unallocated, language, p.currency)}</td>
                    <td className="num">
                      {p.suggestions[0] ? <span className="score">{p.suggestions[0].score}</span> : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PaymentPanel
            payment={payment}
            view={view}
            split={split}
            busy={busy}
            error={actionError}
            searchInput={searchInput}
            onAccept={acceptSuggestion}
            onEdit={editSuggestion}
            onAdd={addToSplit}
            onSplitChange={setSplit}
            onSubmitSplit={submitSplit}
            onPark={park}
            onRefund={refund}
            onUndo={undo}
          />
        </div>
      )}
    </section>
  );
}
