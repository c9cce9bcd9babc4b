import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentToMatch } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { fetchPaymentsToMatch } from '../banking/banking.api.ts';
import type { PrepSheet } from './calls.api.ts';
import { paymentCandidates } from './payment-candidates.ts';

/**
 * "Already paid" → check the payments on the spot (005#5): the debtor's last payments from the
 * sheet and the unmatched bank payments that may be theirs, with the way to the matching screen.
 */
export function CheckPaymentsButton({ sheet }: { sheet: PrepSheet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<
    | { status: 'closed' }
    | { status: 'loading' }
    | { status: 'open'; candidates: PaymentToMatch[] }
    | { status: 'error'; error: Error }
  >({ status: 'closed' });
  const toggle = async () => {
    if (state.status === 'open') return setState({ status: 'closed' });
    setState({ status: 'loading' });
    try {
      const unmatched = await fetchPaymentsToMatch('open');
      setState({ status: 'open', candidates: paymentCandidates(unmatched.items, sheet) });
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  const { lastPayments } = sheet.paymentHistory;
  return (
    <>
      <button
        type="button"
        className="button small"
        aria-expanded={state.status === 'open'}
        disabled={state.status === 'loading'}
        onClick={toggle}
        data-testid="check-payments"
      >
        {t('calls.nextActions.check_payments')}
      </button>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'open' && (
        <div className="check-payments small" data-testid="check-payments-panel">
          <h4>{t('calls.checkPayments.last')}</h4>
          {lastPayments.length === 0 ? (
            <p className="muted">{t('calls.checkPayments.noLast')}</p>
          ) : (
            <ul className="plain">
              {lastPayments.map((p) => (
                <li key={`${p.date}-${p.amount}-${p.method}`}>
                  {formatDate(p.date, language)} ·{' '}
                  <span className="money">{formatMoney(p.amount, language)}</span> · {p.method}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('calls.checkPayments.unmatched')}</h4>
          {state.candidates.length === 0 ? (
            <p className="muted">{t('calls.checkPayments.noUnmatched')}</p>
          ) : (
            <ul className="plain" data-testid="unmatched-candidates">
              {state.candidates.map((p) => (
                <li key={p.id}>
                  {formatDate(p.date, language)} ·{' '}
                  <span className="money">{formatMoney(p.unallocated, language, p.currency)}</span> ·{' '}
                  {p.counterpartyName ?? '–'}
                  {p.remittance ? <span className="muted"> · {p.remittance}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <Link to="/bank/matching">{t('calls.checkPayments.toMatching')}</Link>
        </div>
      )}
    </>
  );
}
