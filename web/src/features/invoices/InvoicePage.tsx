import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney, formatReference } from '../../lib/format.ts';
import { goBack, Link } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { AgingBadge } from '../../ui/AgingBadge.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TimelineList } from '../../ui/TimelineList.tsx';
import { DisputesTable } from '../dossier/DisputesAndPayments.tsx';
import { fetchInvoice } from './invoices.api.ts';

export function InvoicePage({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const invoice = useFetch(invoiceId, (signal) => fetchInvoice(invoiceId, signal));
  useDocumentTitle(invoice.data ? `${invoice.data.number} · ${invoice.data.debtor.name}` : null);

  useGlobalKey((event) => {
    if (event.key === 'Escape' && invoice.data) {
      event.preventDefault();
      goBack(`/debtors/${encodeURIComponent(invoice.data.debtor.id)}`);
    }
  });

  if (invoice.status === 'error' && !invoice.data) {
    return (
      <section className="page">
        <Link to="/debtors" className="back">
          ← {t('nav.debtors')}
        </Link>
        <ErrorNotice error={invoice.error} onRetry={invoice.reload} />
      </section>
    );
  }
  if (!invoice.data) return <section className="page muted">{t('common.loading')}</section>;
  const inv = invoice.data;
  const money = (amount: string) => formatMoney(amount, language, inv.currency);
  const isCredit = inv.kind === 'credit_note';

  return (
    <section className="page invoice" aria-labelledby="invoice-title">
      <div className="crumbs">
        <Link to={`/debtors/${encodeURIComponent(inv.debtor.id)}`} className="back">
          ← {inv.debtor.name}
        </Link>
      </div>
      <header className="dossier-head">
        <div className="identity">
          <h1 id="invoice-title">
            {isCredit ? t('invoice.creditNote') : t('invoice.invoice')}{' '}
            <span className="mono">{inv.number}</span>
          </h1>
          <p className="meta">
            <StatusBadge status={inv.status} />
            {!isCredit && <AgingBadge daysLate={inv.daysLate} bucket={inv.agingBucket} />}
            <span>
              <Link to={`/debtors/${encodeURIComponent(inv.debtor.id)}`}>{inv.debtor.name}</Link>{' '}
              <span className="mono muted">{inv.debtor.number}</span>
            </span>
            <span className="muted">
              {t('invoice.sourceIs', {
                source: t(`invoice.sources.${inv.source}`, { defaultValue: inv.source }),
              })}
            </span>
          </p>
        </div>
        <dl className="figures">
          <div>
            <dt>{t('invoice.total')}</dt>
            <dd className="money">{money(inv.amount)}</dd>
          </div>
          <div>
            <dt>{t('invoice.vat')}</dt>
            <dd className="money">{money(inv.vat)}</dd>
          </div>
          <div>
            <dt>{t('invoice.open')}</dt>
            <dd className="money danger" data-testid="invoice-open">
              {money(inv.open)}
            </dd>
          </div>
        </dl>
      </header>

      <div className="dossier-grid">
        <div className="dossier-main">
          <section className="card" aria-labelledby="invoice-facts">
            <h2 id="invoice-facts">{t('invoice.details')}</h2>
            <dl className="facts">
              <Fact label={t('invoice.issueDate')}>{formatDate(inv.issueDate, language)}</Fact>
              <Fact label={t('invoice.sentDate')}>{formatDate(inv.sentDate, language)}</Fact>
              <Fact label={t('invoice.dueDate')}>{formatDate(inv.dueDate, language)}</Fact>
              <Fact label={t('invoice.paymentTerm')}>
                {inv.paymentTermDays !== null ? t('dossier.term', { count: inv.paymentTermDays }) : '–'}
              </Fact>
              <Fact label={t('invoice.reference')}>
                <span className="mono">{formatReference(inv.reference) || '–'}</span>
              </Fact>
              <Fact label={t('invoice.currency')}>{inv.currency}</Fact>
              {inv.creditedInvoiceNumber && (
                <Fact label={t('invoice.credits')}>
                  <span className="mono">{inv.creditedInvoiceNumber}</span>
                </Fact>
              )}
            </dl>
          </section>
          <section className="card" aria-labelledby="invoice-notes">
            <h2 id="invoice-notes">{t('invoice.context')}</h2>
            <dl className="facts wide">
              <Fact label={t('invoice.order')}>{inv.orderDescription ?? '–'}</Fact>
              <Fact label={t('invoice.delivery')}>{inv.deliveryNotes ?? '–'}</Fact>
              <Fact label={t('invoice.salesAgreements')}>{inv.salesAgreementNotes ?? '–'}</Fact>
            </dl>
          </section>
          <section className="card" aria-labelledby="allocations-title">
            <h2 id="allocations-title">
              {t('invoice.allocations')} <span className="count-badge">{inv.allocations.length}</span>
            </h2>
            {inv.allocations.length === 0 ? (
              <p className="muted">{t('invoice.noAllocations')}</p>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('payment.date')}</th>
                    <th scope="col">{t('payment.reference')}</th>
                    <th scope="col" className="num">
                      {t('payment.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {inv.allocations.map((allocation) => (
                    <tr key={allocation.id}>
                      <td>{formatDate(allocation.paymentDate, language)}</td>
                      <td className="mono small">{formatReference(allocation.paymentReference)}</td>
                      <td className="num money">{money(allocation.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <DisputesTable disputes={inv.disputes} showInvoice={false} />
        </div>
        <aside className="dossier-side">
          <section className="card" aria-labelledby="invoice-timeline">
            <h2 id="invoice-timeline">{t('dossier.timeline')}</h2>
            <TimelineList events={inv.timeline} showInvoiceLinks={false} />
          </section>
        </aside>
      </div>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
