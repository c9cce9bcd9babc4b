import { useTranslation } from 'react-i18next';
import type { Dispute, Payment } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatDateTime, formatMoney, formatReference, isZero } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';

export function DisputesTable({
  disputes,
  showInvoice = true,
}: {
  disputes: Dispute[];
  showInvoice?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="disputes-title">
      <h2 id="disputes-title">
        {t('dossier.disputes')} <span className="count-badge">{disputes.length}</span>
      </h2>
      {disputes.length === 0 ? (
        <p className="muted">{t('dossier.noDisputes')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                {showInvoice && <th scope="col">{t('invoice.number')}</th>}
                <th scope="col">{t('dispute.reason')}</th>
                <th scope="col">{t('dispute.status')}</th>
                <th scope="col">{t('dispute.opened')}</th>
                <th scope="col">{t('dispute.resolved')}</th>
              </tr>
            </thead>
            <tbody>
              {disputes.map((dispute) => (
                <tr key={dispute.id}>
                  {showInvoice && (
                    <td className="mono">
                      <Link to={`/invoices/${encodeURIComponent(dispute.invoiceId)}`}>
                        {dispute.invoiceNumber}
                      </Link>
                    </td>
                  )}
                  <td className="wrap">
                    {dispute.reason}
                    {dispute.description && <div className="muted small">{dispute.description}</div>}
                  </td>
                  <td>
                    <span className={`status dispute-${dispute.status}`}>
                      {t(`disputeStatus.${dispute.status}`)}
                    </span>
                  </td>
                  <td>{formatDateTime(dispute.openedAt, language)}</td>
                  <td>{dispute.resolvedAt ? formatDateTime(dispute.resolvedAt, language) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PaymentsTable({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hasUnallocated = payments.some((payment) => !isZero(payment.unallocated));
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">
        {t('dossier.payments')} <span className="count-badge">{payments.length}</span>
      </h2>
      {payments.length === 0 ? (
        <p className="muted">{t('dossier.noPayments')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('payment.date')}</th>
                <th scope="col">{t('payment.reference')}</th>
                <th scope="col">{t('payment.status')}</th>
                <th scope="col">{t('payment.allocatedTo')}</th>
                {hasUnallocated && (
                  <th scope="col" className="num">
                    {t('payment.unallocated')}
                  </th>
                )}
                <th scope="col" className="num">
                  {t('payment.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.map((payment) => (
                <tr key={payment.id}>
                  <td>{formatDate(payment.date, language)}</td>
                  <td className="mono small">{formatReference(payment.reference)}</td>
                  <td>
                    {t(`paymentStatus.${payment.status}`)}{' '}
                    <span className="muted small">
                      {t(`paymentMethod.${payment.method}`, { defaultValue: payment.method })}
                    </span>
                  </td>
                  <td className="mono small">
                    {payment.allocations.map((allocation, index) => (
                      <span key={allocation.invoiceId}>
                        {index > 0 && ', '}
                        <Link to={`/invoices/${encodeURIComponent(allocation.invoiceId)}`}>
                          {allocation.invoiceNumber}
                        </Link>
                      </span>
                    ))}
                  </td>
                  {hasUnallocated && (
                    <td className="num money">
                      {isZero(payment.unallocated)
                        ? ''
                        : formatMoney(payment.unallocated, language, payment.currency)}
                    </td>
                  )}
                  <td className="num money">{formatMoney(payment.amount, language, payment.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
