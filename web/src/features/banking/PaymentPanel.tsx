import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchInvoice, MatchingView, PaymentToMatch } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney, formatReference } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { InvoiceSearch } from './InvoiceSearch.tsx';
import { SplitEditor } from './SplitEditor.tsx';
import type { SplitDraft } from './split.ts';

type Props = {
  payment: PaymentToMatch;
  view: MatchingView;
  split: SplitDraft[];
  busy: boolean;
  error: Error | null;
  searchInput: RefObject<HTMLInputElement | null>;
  onAccept: (rank: number) => void;
  onEdit: (index: number) => void;
  onAdd: (invoice: MatchInvoice) => void;
  onSplitChange: (lines: SplitDraft[]) => void;
  onSubmitSplit: () => void;
  onPark: () => void;
  onRefund: () => void;
  onUndo: (invoiceId: string, invoiceNumber: string) => void;
};

/** The selected payment: what the bank says, the suggestions, the search and the split. */
export function PaymentPanel(props: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { payment } = props;
  // Part allocated: the rest can still be allocated, but not parked or refunded before an undo.
  const partly = payment.unallocated !== payment.amount;
  return (
    <div className="matching-panel" data-testid="payment-panel">
      <section className="card payment-facts" aria-label={t('bank.paymentLabel')}>
        <div className="payment-head">
          <strong className="money big">
            {formatMoney(payment.unallocated, language, payment.currency)}
          </strong>
          {partly && (
            <span className="muted small">
              {t('bank.ofAmount', { amount: formatMoney(payment.amount, language, payment.currency) })}
            </span>
          )}
          <span className="muted">{formatDate(payment.date, language)}</span>
          <span className="status">{t(`paymentStatus.${payment.status}`)}</span>
        </div>
        <dl className="facts compact">
          <dt>{t('bank.counterparty')}</dt>
          <dd data-testid="payment-counterparty">{payment.counterpartyName ?? '–'}</dd>
          <dt>IBAN</dt>
          <dd className="mono">{payment.counterpartyIban ?? '–'}</dd>
          {payment.reference && (
            <>
              <dt>{t('payment.reference')}</dt>
              <dd className="mono">{formatReference(payment.reference)}</dd>
            </>
          )}
          <dt>{t('bank.remittance')}</dt>
          <dd className="wrap">{payment.remittance ?? '–'}</dd>
          {payment.allocations.length > 0 && (
            <>
              <dt>{t('bank.allocated')}</dt>
              <dd>
                <ul className="allocated" data-testid="payment-allocations">
                  {payment.allocations.map((a) => (
                    <li key={a.invoiceId}>
                      <Link to={`/invoices/${encodeURIComponent(a.invoiceId)}`} className="mono">
                        {a.invoiceNumber}
                      </Link>{' '}
                      <span className="money">{formatMoney(a.amount, language, payment.currency)}</span>{' '}
                      <button
                        type="button"
                        className="button small ghost"
                        onClick={() => props.onUndo(a.invoiceId, a.invoiceNumber)}
                        disabled={props.busy}
                      >
                        {t('bank.undo')}
                      </button>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">{t('bank.suggestions')}</h2>
        {payment.suggestions.length === 0 ? (
          <p className="muted">{t('bank.noSuggestions')}</p>
        ) : (
          <ol className="suggestions" data-testid="suggestions">
            {payment.suggestions.map((s, index) => (
              <li key={s.rank} className={index === 0 ? 'top' : undefined}>
                <span className="score" title={t('bank.score')}>
                  {s.score}
                </span>
                <div className="suggestion-body">
                  <div>
                    {s.debtorId ? (
                      <Link to={`/debtors/${encodeURIComponent(s.debtorId)}`}>{s.debtorName}</Link>
                    ) : null}{' '}
                    <span className="mono small">
                      {s.allocations
                        .map((a) => {
                          const invoice = s.invoices.find((i) => i.id === a.invoiceId);
                          return `${invoice?.number ?? ''} ${formatMoney(a.amount, language)}`;
                        })
                        .join(' · ')}
                    </span>
                  </div>
                  <div className="reasons">
                    {s.reasons.map((reason) => (
                      <span key={reason} className={`tag reason-${reason}`}>
                        {t(`bank.reasons.${reason}`)}
                      </span>
                    ))}
                  </div>
                </div>
                <div className="suggestion-actions">
                  <button
                    type="button"
                    className={`button small ${index === 0 ? 'primary' : ''}`}
                    onClick={() => props.onAccept(s.rank)}
                    disabled={props.busy}
                  >
                    {t('bank.accept')} {index === 0 && <kbd>Enter</kbd>}
                  </button>
                  <button type="button" className="button small ghost" onClick={() => props.onEdit(index)}>
                    {t('bank.edit')} <kbd>{index + 1}</kbd>
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="split-title">
        <h2 id="split-title">{t('bank.split')}</h2>
        <InvoiceSearch inputRef={props.searchInput} onPick={props.onAdd} />
        <SplitEditor
          lines={props.split}
          unallocated={payment.unallocated}
          currency={payment.currency}
          busy={props.busy}
          onChange={props.onSplitChange}
          onSubmit={props.onSubmitSplit}
        />
      </section>

      {props.error && <ErrorNotice error={props.error} />}
      <div className="form-actions matching-actions">
        {props.view === 'open' && (
          <button
            type="button"
            className="button"
            onClick={props.onPark}
            disabled={props.busy || partly}
            data-testid="park"
          >
            {t('bank.park')} <kbd>p</kbd>
          </button>
        )}
        <button type="button" className="button" onClick={props.onRefund} disabled={props.busy || partly}>
          {t('bank.refund')} <kbd>r</kbd>
        </button>
      </div>
    </div>
  );
}
