import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { bucketClass } from '../../lib/aging.ts';
import { formatMoney, isZero, toCents } from '../../lib/format.ts';
import { formatPhone, telHref } from '../../lib/phone.ts';
import { goBack, Link } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { ClaimPanel } from '../dunning/ClaimPanel.tsx';
import { PaymentPlansPanel } from '../plans/PaymentPlansPanel.tsx';
import { ContactsPanel } from './ContactsPanel.tsx';
import { DisputesTable, PaymentsTable } from './DisputesAndPayments.tsx';
import { DossierTimeline } from './DossierTimeline.tsx';
import { fetchDossier } from './dossier.api.ts';
import { OpenItemsTable } from './OpenItemsTable.tsx';

export function DossierPage({ debtorId }: { debtorId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const dossier = useFetch(debtorId, (signal) => fetchDossier(debtorId, signal));
  useDocumentTitle(dossier.data?.debtor.name);

  useGlobalKey((event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      goBack('/debtors');
    }
  });

  if (dossier.status === 'error' && !dossier.data) {
    return (
      <section className="page">
        <Link to="/debtors" className="back">
          ← {t('nav.debtors')}
        </Link>
        <ErrorNotice error={dossier.error} onRetry={dossier.reload} />
      </section>
    );
  }
  if (!dossier.data) return <section className="page muted">{t('common.loading')}</section>;

  const { debtor, contacts, openItems, disputes, recentPayments, agingTotals, timeline } = dossier.data;
  const disputedInvoiceIds = new Set(disputes.filter((d) => d.status === 'open').map((d) => d.invoiceId));
  const address = [debtor.addressLine, [debtor.postalCode, debtor.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const canWrite = me.role !== 'viewer';

  return (
    <section className="page dossier" aria-labelledby="dossier-title">
      <div className="crumbs">
        <Link to="/debtors" className="back">
          ← {t('nav.debtors')}
        </Link>
        <span className="hint">{t('dossier.keyboardHint')}</span>
      </div>
      <header className="dossier-head">
        <div className="identity">
          <h1 id="dossier-title">{debtor.name}</h1>
          <p className="meta">
            <span className="mono">{debtor.number}</span>
            <span>{t(`debtorKind.${debtor.kind}`)}</span>
            <span>{debtor.country}</span>
            {debtor.segment && <span>{debtor.segment}</span>}
            <span>
              {t('dossier.collectorIs', { name: debtor.collector?.name ?? t('debtors.unassigned') })}
            </span>
            {debtor.paymentTermDays !== null && (
              <span>{t('dossier.term', { count: debtor.paymentTermDays })}</span>
            )}
          </p>
          <p className="meta">
            {address && <span>{address}</span>}
            {debtor.phone && (
              <a className="tel" href={telHref(debtor.phone)}>
                {formatPhone(debtor.phone)}
              </a>
            )}
            {debtor.email && <a href={`mailto:${debtor.email}`}>{debtor.email}</a>}
            {debtor.vatNumber && (
              <span>
                {t('dossier.vat')} {debtor.vatNumber}
              </span>
            )}
            {debtor.companyNumber && (
              <span>
                {debtor.country === 'BE' ? 'KBO' : 'KvK'} {debtor.companyNumber}
              </span>
            )}
            {debtor.tags.map((tag) => (
              <span key={tag} className="tag subtle">
                {tag}
              </span>
            ))}
          </p>
        </div>
        <dl className="figures">
          <div>
            <dt>{t('dossier.balance')}</dt>
            <dd className="money" data-testid="dossier-balance">
              {formatMoney(debtor.open, language)}
            </dd>
          </div>
          <div>
            <dt>{t('dossier.overdue')}</dt>
            <dd className={`money ${isZero(debtor.overdue) ? '' : 'danger'}`} data-testid="dossier-overdue">
              {formatMoney(debtor.overdue, language)}
            </dd>
          </div>
          {debtor.creditLimit !== null && (
            <div>
              <dt>{t('dossier.creditLimit')}</dt>
              <dd
                className={`money ${toCents(debtor.open) > toCents(debtor.creditLimit) ? 'danger' : ''}`}
                title={
                  toCents(debtor.open) > toCents(debtor.creditLimit) ? t('dossier.overLimit') : undefined
                }
              >
                {formatMoney(debtor.creditLimit, language)}
              </dd>
            </div>
          )}
        </dl>
      </header>

      <section className="aging-strip" aria-label={t('dossier.agingTotals')}>
        {AGING_BUCKETS.map((bucket) => {
          const total = agingTotals.find((entry) => entry.bucket === bucket);
          return (
            <div key={bucket} className={`aging-cell ${isZero(total?.amount) ? 'zero' : ''}`}>
              <div className="aging-cell-top">
                <span className={bucketClass(bucket)}>{t(`aging.${bucket}`)}</span>
                <span className="muted small">{t('dossier.items', { count: total?.count ?? 0 })}</span>
              </div>
              <span className="money">{formatMoney(total?.amount ?? '0.00', language)}</span>
            </div>
          );
        })}
      </section>

      {debtor.notes && (
        <p className="notice info">
          <strong>{t('dossier.notes')}:</strong> {debtor.notes}
        </p>
      )}

      <div className="dossier-grid">
        <div className="dossier-main">
          <OpenItemsTable items={openItems} disputedInvoiceIds={disputedInvoiceIds} />
          <PaymentPlansPanel
            debtorId={debtor.id}
            openItems={openItems}
            canWrite={canWrite}
            onChanged={dossier.reload}
          />
          <DisputesTable disputes={disputes} />
          <PaymentsTable payments={recentPayments} />
        </div>
        <aside className="dossier-side">
          <ContactsPanel contacts={contacts} />
          <ClaimPanel debtorId={debtor.id} />
          <DossierTimeline debtorId={debtor.id} firstPage={timeline} canWrite={canWrite} />
        </aside>
      </div>
    </section>
  );
}
