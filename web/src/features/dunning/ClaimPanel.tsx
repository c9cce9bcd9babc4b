import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney, isZero } from '../../lib/format.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { fetchClaim } from './dunning.api.ts';
import { formatRate } from './dunning-format.ts';
import './dunning.css';

/**
 * What the debtor owes today if it were claimed: principal of the overdue invoices, the collection
 * costs the law allows (or why none yet), VAT on them, statutory interest and the balance, with
 * the interest per invoice and period on request. The figures a formal demand would print.
 */
export function ClaimPanel({ debtorId }: { debtorId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const claim = useFetch(`claim:${debtorId}`, (signal) => fetchClaim(debtorId, signal));
  const data = claim.data;

  return (
    <section className="card claim" aria-labelledby="claim-title" data-testid="claim-panel">
      <h2 id="claim-title">
        {t('dunning.claim.title')}
        {data && (
          <span className="muted small">
            {' '}
            {t('dunning.claim.at', { date: formatDate(data.date, language) })}
          </span>
        )}
      </h2>
      {claim.status === 'error' && <ErrorNotice error={claim.error} onRetry={claim.reload} />}
      {!data && claim.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {data && data.invoices.length === 0 && <p className="muted">{t('dunning.claim.nothingOverdue')}</p>}
      {data && data.invoices.length > 0 && (
        <>
          <p className="muted small claim-regime" title={data.costs.rule}>
            {t(`dunning.regime.${data.regime}`)}
            {data.policy && ` · ${data.policy.name}`}
          </p>
          <dl className="claim-lines">
            <div>
              <dt>{t('dunning.claim.principal')}</dt>
              <dd className="money">{formatMoney(data.principal, language)}</dd>
            </div>
            <div>
              <dt>
                {t('dunning.claim.costs')}
                {!data.costs.isChargeable && (
                  <span className="claim-reason" data-testid="claim-costs-reason">
                    {t(`dunning.claimReason.${data.costs.reason}`, {
                      defaultValue: data.costs.message ?? data.costs.reason ?? '',
                      date: formatDate(data.costs.chargeableFrom, language),
                    })}
                  </span>
                )}
              </dt>
              <dd className={`money ${data.costs.isChargeable ? '' : 'muted'}`}>
                {formatMoney(data.costs.amount, language)}
              </dd>
            </div>
            {!isZero(data.costs.vat) && (
              <div>
                <dt>{t('dunning.claim.vat')}</dt>
                <dd className="money">{formatMoney(data.costs.vat, language)}</dd>
              </div>
            )}
            <div>
              <dt>
                {t('dunning.claim.interest')}
                {data.interestNote && isZero(data.interest) && (
                  <span className="claim-reason">{t('dunning.claim.noInterest')}</span>
                )}
              </dt>
              <dd className="money">{formatMoney(data.interest, language)}</dd>
            </div>
            {!isZero(data.payments) && (
              <div>
                <dt>{t('dunning.claim.payments')}</dt>
                <dd className="money">−{formatMoney(data.payments, language)}</dd>
              </div>
            )}
            <div className="claim-total">
              <dt>{t('dunning.claim.balance')}</dt>
              <dd className="money" data-testid="claim-balance">
                {formatMoney(data.balance, language)}
              </dd>
            </div>
          </dl>
          <details className="claim-details">
            <summary>{t('dunning.claim.perInvoice', { count: data.invoices.length })}</summary>
            <table className="data claim-invoices">
              <thead>
                <tr>
                  <th scope="col">{t('dunning.claim.period')}</th>
                  <th scope="col" className="num">
                    {t('dunning.claim.rate')}
                  </th>
                  <th scope="col" className="num">
                    {t('dunning.claim.interest')}
                  </th>
                </tr>
              </thead>
              {data.invoices.map((invoice) => (
                <tbody key={invoice.number}>
                  <tr className="claim-invoice">
                    <td colSpan={2}>
                      <span className="mono">{invoice.number}</span>{' '}
                      <span className="muted small">
                        {t('dunning.claim.due', { date: formatDate(invoice.dueDate, language) })} ·{' '}
                        {formatMoney(invoice.principal, language)}
                      </span>
                    </td>
                    <td className="num money strong">{formatMoney(invoice.interest, language)}</td>
                  </tr>
                  {(invoice.interestDetail?.periods ?? []).map((p) => (
                    <tr key={p.from} className="claim-period">
                      <td className="small">
                        {formatDate(p.from, language)} – {formatDate(p.to, language)} ·{' '}
                        {t('dunning.claim.days', { count: p.days })}
                      </td>
                      <td className="num small">{formatRate(p.rateBps, language)}</td>
                      <td className="num money small">{formatMoney(p.interest, language)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </details>
        </>
      )}
    </section>
  );
}
