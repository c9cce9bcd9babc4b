import { useTranslation } from 'react-i18next';
import type { InvoiceListItem } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney, formatReference } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { AgingBadge } from '../../ui/AgingBadge.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

/** Open invoices and credit notes, oldest due first, each coloured by how late it is. */
export function OpenItemsTable({
  items,
  disputedInvoiceIds,
}: {
  items: InvoiceListItem[];
  disputedInvoiceIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sorted = [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <section className="card" aria-labelledby="open-items-title">
      <h2 id="open-items-title">
        {t('dossier.openItems')} <span className="count-badge">{items.length}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('dossier.noOpenItems')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="open-items">
            <thead>
              <tr>
                <th scope="col">{t('invoice.number')}</th>
                <th scope="col">{t('invoice.dueDate')}</th>
                <th scope="col" className="num">
                  {t('invoice.daysLate')}
                </th>
                <th scope="col">{t('invoice.status')}</th>
                <th scope="col">{t('invoice.reference')}</th>
                <th scope="col" className="num">
                  {t('invoice.total')}
                </th>
                <th scope="col" className="num">
                  {t('invoice.open')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((item) => (
                <tr key={item.id} className={item.kind === 'credit_note' ? 'credit' : undefined}>
                  <td className="mono">
                    <Link to={`/invoices/${encodeURIComponent(item.id)}`}>{item.number}</Link>
                    {item.kind === 'credit_note' && (
                      <span className="tag subtle">{t('invoice.creditNote')}</span>
                    )}
                    {disputedInvoiceIds.has(item.id) && item.status !== 'disputed' && (
                      <span className="tag warn" title={t('dossier.disputedHint')}>
                        {t('dossier.disputed')}
                      </span>
                    )}
                  </td>
                  <td>{formatDate(item.dueDate, language)}</td>
                  <td className="num">
                    {item.kind === 'credit_note' ? (
                      ''
                    ) : (
                      <AgingBadge daysLate={item.daysLate} bucket={item.agingBucket} compact />
                    )}
                  </td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td className="mono small">{formatReference(item.reference)}</td>
                  <td className="num money">{formatMoney(item.amount, language, item.currency)}</td>
                  <td className="num money strong">{formatMoney(item.open, language, item.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
