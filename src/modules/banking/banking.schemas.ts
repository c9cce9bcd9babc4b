/**
 * Request and response shapes of the bank import and manual matching API, shared with the web
 * app: this file imports only zod and pure enumerations, so it bundles for the browser.
 * Money is a string with two decimals, dates "YYYY-MM-DD", instants ISO 8601 strings.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, INVOICE_STATUSES, PAYMENT_STATUSES } from '../../core/ledger/enums.js';
import { MATCH_REASONS } from '../../core/matching/enums.js';
import {
  AmountInputSchema,
  CalendarDateSchema,
  InstantSchema,
  MoneySchema,
} from '../ledger/ledger.schemas.js';
import { BANK_FILE_FORMATS } from './formats/bank-statement.js';

export const BankImportErrorSchema = z.object({
  file: z.string(),
  /** Where in the file: an entry's place (line, record, XML path), "file" or a statement. */
  entry: z.string(),
  message: z.string(),
});
export type BankImportError = z.infer<typeof BankImportErrorSchema>;

/** The `collectdesk import bank --json` report, for one file. */
export const BankFileReportSchema = z.object({
  file: z.string(),
  /** Null when the file could not be read as a bank statement at all. */
  format: z.enum(BANK_FILE_FORMATS).nullable(),
  statements: z.number().int(),
  entries: z.number().int(),
  duplicates: z.number().int(),
  matched: z.number().int(),
  suggested: z.number().int(),
  unmatched: z.number().int(),
  errors: z.array(BankImportErrorSchema),
});
export type BankFileReport = z.infer<typeof BankFileReportSchema>;

export const BankUploadReportSchema = z.object({ files: z.array(BankFileReportSchema) });
export type BankUploadReport = z.infer<typeof BankUploadReportSchema>;

export const BankFileSummarySchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(BANK_FILE_FORMATS),
  statements: z.number().int(),
  entries: z.number().int(),
  newEntries: z.number().int(),
  duplicates: z.number().int(),
  /** Statements whose opening balance plus entries is not the closing balance. */
  balanceMismatches: z.number().int(),
  errors: z.array(BankImportErrorSchema),
  importedBy: z.string().nullable(),
  importedAt: InstantSchema,
});
export const BankFileListSchema = z.object({ files: z.array(BankFileSummarySchema) });
export type BankFileSummary = z.infer<typeof BankFileSummarySchema>;
export type BankFileList = z.infer<typeof BankFileListSchema>;

/** An open invoice or credit note as the matching screen shows it. */
export const MatchInvoiceSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(INVOICE_STATUSES),
  debtorId: z.uuid(),
  debtorName: z.string(),
  debtorNumber: z.string(),
  paymentReference: z.string().nullable(),
  dueDate: CalendarDateSchema,
  total: MoneySchema,
  open: MoneySchema,
});
export type MatchInvoice = z.infer<typeof MatchInvoiceSchema>;

/** The net amount a payment has allocated to one invoice. */
export const PaymentAllocationSchema = z.object({
  invoiceId: z.uuid(),
  invoiceNumber: z.string(),
  amount: MoneySchema,
});

export const ProposedAllocationSchema = z.object({ invoiceId: z.uuid(), amount: MoneySchema });

export const MatchSuggestionSchema = z.object({
  rank: z.number().int(),
  /** 0–100; below the organisation's threshold, which is why a person decides. */
  score: z.number().int(),
  reasons: z.array(z.enum(MATCH_REASONS)),
  debtorId: z.uuid().nullable(),
  debtorName: z.string().nullable(),
  invoices: z.array(MatchInvoiceSchema),
  /** The split accepting it gives: credit notes offset, then the oldest due first. */
  allocations: z.array(ProposedAllocationSchema),
});
export type MatchSuggestion = z.infer<typeof MatchSuggestionSchema>;

export const PaymentToMatchSchema = z.object({
  id: z.uuid(),
  date: CalendarDateSchema,
  amount: MoneySchema,
  /** What is left to allocate (the whole amount unless it is partly allocated). */
  unallocated: MoneySchema,
  currency: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  counterpartyName: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
  reference: z.string().nullable(),
  remittance: z.string().nullable(),
  debtorId: z.uuid().nullable(),
  /** What part of it is already allocated (a partly allocated payment), each can be undone. */
  allocations: z.array(PaymentAllocationSchema),
  suggestions: z.array(MatchSuggestionSchema),
});
export type PaymentToMatch = z.infer<typeof PaymentToMatchSchema>;

export const MATCHING_VIEWS = ['open', 'parked'] as const;
export const MatchingQuerySchema = z.object({
  /** open: unmatched and partly allocated payments; parked: set aside as unidentified. */
  view: z.enum(MATCHING_VIEWS).default('open'),
});
export const PaymentToMatchListSchema = z.object({
  items: z.array(PaymentToMatchSchema),
  /** How many there are in this view (the list shows the oldest 200). */
  total: z.number().int(),
});
export type PaymentToMatchList = z.infer<typeof PaymentToMatchListSchema>;
export type MatchingView = (typeof MATCHING_VIEWS)[number];

export const InvoiceSearchQuerySchema = z.object({
  /** An invoice number, payment reference, debtor name or number, or an amount ("121.00"). */
  q: z.string().trim().min(1).max(100),
});
export const InvoiceSearchResultSchema = z.object({ items: z.array(MatchInvoiceSchema) });
export type InvoiceSearchResult = z.infer<typeof InvoiceSearchResultSchema>;

export const AllocatePaymentRequestSchema = z.object({
  allocations: z
    .array(
      z.object({
        invoiceId: z.uuid(),
        /** Positive for an invoice; a credit note is offset with its open (negative) amount. */
        amount: z.union([AmountInputSchema, z.string().regex(/^-\d{1,13}(\.\d{1,2})?$/)]),
      }),
    )
    .min(1)
    .max(50),
});
export type AllocatePaymentRequest = z.infer<typeof AllocatePaymentRequestSchema>;

export const SetAsideRequestSchema = z.object({ note: z.string().trim().max(500).optional() });
export type SetAsideRequest = z.infer<typeof SetAsideRequestSchema>;

export const UndoAllocationRequestSchema = z.object({
  /** Only the allocations to this invoice; all of the payment's allocations when left out. */
  invoiceId: z.uuid().optional(),
});
export type UndoAllocationRequest = z.infer<typeof UndoAllocationRequestSchema>;

export const MatchActionResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(PAYMENT_STATUSES),
  unallocated: MoneySchema,
  allocations: z.array(PaymentAllocationSchema),
});
export type MatchActionResult = z.infer<typeof MatchActionResultSchema>;
