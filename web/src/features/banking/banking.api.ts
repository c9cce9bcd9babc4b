import type {
  BankFileList,
  BankFileSummary,
  BankUploadReport,
  InvoiceSearchResult,
  MatchActionResult,
  MatchingView,
  PaymentToMatchList,
} from '../../api-types.ts';
import { api, withQuery } from '../../lib/api.ts';

export function uploadBankFiles(files: readonly File[]): Promise<BankUploadReport> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return api.upload<BankUploadReport>('/api/bank/imports', form);
}

export const fetchBankFiles = async (signal?: AbortSignal): Promise<BankFileSummary[]> =>
  (await api.get<BankFileList>('/api/bank/imports', signal)).files;

export const fetchPaymentsToMatch = (view: MatchingView, signal?: AbortSignal) =>
  api.get<PaymentToMatchList>(withQuery('/api/bank/payments', { view }), signal);

export const searchInvoices = (q: string, signal?: AbortSignal) =>
  api.get<InvoiceSearchResult>(withQuery('/api/bank/invoices', { q }), signal);

export type SplitLine = { invoiceId: string; amount: string };

export const allocatePayment = (paymentId: string, allocations: readonly SplitLine[]) =>
  api.post<MatchActionResult>(`/api/bank/payments/${encodeURIComponent(paymentId)}/allocate`, {
    allocations,
  });

export const parkPayment = (paymentId: string) =>
  api.post<MatchActionResult>(`/api/bank/payments/${encodeURIComponent(paymentId)}/park`, {});

export const refundPayment = (paymentId: string) =>
  api.post<MatchActionResult>(`/api/bank/payments/${encodeURIComponent(paymentId)}/refund`, {});

export const undoAllocation = (paymentId: string, invoiceId: string) =>
  api.post<MatchActionResult>(`/api/bank/payments/${encodeURIComponent(paymentId)}/undo`, { invoiceId });
