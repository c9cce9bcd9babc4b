import type { InvoiceDetail } from '../../api-types.ts';
import { api } from '../../lib/api.ts';

export const fetchInvoice = (invoiceId: string, signal?: AbortSignal) =>
  api.get<InvoiceDetail>(`/api/invoices/${encodeURIComponent(invoiceId)}`, signal);
