import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newRequestKey } from '../../lib/request-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { type PrepSheet, sendInvoiceCopies } from './calls.api.ts';

/** The invoices to send: the overdue ones, oldest first, or else every open invoice. */
export function invoicesToCopy(sheet: Pick<PrepSheet, 'openInvoices'>): string[] {
  const invoices = sheet.openInvoices
    .filter((i) => i.kind === 'invoice')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = invoices.filter((i) => i.daysLate > 0);
  return (overdue.length > 0 ? overdue : invoices).slice(0, 50).map((i) => i.id);
}

/** "Resend the invoice by email" done on the spot (005#5), to the contact on the sheet. */
export function InvoiceCopyButton({ sheet }: { sheet: PrepSheet }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'sending' }
    | { status: 'sent'; address: string }
    | { status: 'error'; error: Error }
  >({ status: 'idle' });
  const invoiceIds = invoicesToCopy(sheet);
  // One key per copy asked for: kept when sending fails (trying again cannot send it twice), a new
  // one once it is sent (the next click is another copy) or when the invoices to send change.
  const [sentCount, setSentCount] = useState(0);
  const invoiceList = invoiceIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key for each copy and invoice list
  const idempotencyKey = useMemo(newRequestKey, [sentCount, invoiceList]);
  if (invoiceIds.length === 0) return <span className="tag subtle">{t('calls.invoiceCopy.none')}</span>;
  const send = async () => {
    setState({ status: 'sending' });
    try {
      const sent = await sendInvoiceCopies(
        sheet.debtor.id,
        { invoiceIds, ...(sheet.contact ? { contactId: sheet.contact.id } : {}) },
        idempotencyKey,
      );
      setState({ status: 'sent', address: sent.toAddress });
      setSentCount((n) => n + 1);
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button small"
        disabled={state.status === 'sending'}
        onClick={send}
        data-testid="resend-invoice"
      >
        {state.status === 'sending' ? t('calls.invoiceCopy.sending') : t('calls.nextActions.resend_invoice')}
      </button>
      {state.status === 'sent' && (
        <p className="notice success small" role="status" data-testid="invoice-copy-sent">
          {t('calls.invoiceCopy.sent', { address: state.address })}
        </p>
      )}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
    </>
  );
}
