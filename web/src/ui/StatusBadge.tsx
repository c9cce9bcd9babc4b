import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../api-types.ts';

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`invoiceStatus.${status}`)}</span>;
}
