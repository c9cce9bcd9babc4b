import { z } from 'zod';

/**
 * Shapes of invoice and debtor imports shared by the CLI, the HTTP upload route and the web
 * import screen. The web app imports this file only.
 */

export const IMPORT_KINDS = ['invoices', 'debtors'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/** Columns an invoice file can have; the mapping says which header holds each. */
export const DEBTOR_FIELDS = [
  'debtor_number',
  'debtor_name',
  'debtor_kind',
  'debtor_country',
  'debtor_language',
  'debtor_email',
  'debtor_phone',
  'debtor_vat',
  'debtor_company_number',
  'debtor_address',
  'debtor_postal_code',
  'debtor_city',
  'debtor_payment_term',
  'debtor_credit_limit',
  'debtor_segment',
  'contact_name',
  'contact_role',
  'contact_phone',
  'contact_email',
] as const;

export const INVOICE_FIELDS = [
  'number',
  'document_type',
  'issue_date',
  'due_date',
  'payment_term',
  'currency',
  'total',
  'open',
  'vat',
  'reference',
  'description',
  'credited_invoice',
  ...DEBTOR_FIELDS,
] as const;

export type InvoiceField = (typeof INVOICE_FIELDS)[number];
export type DebtorField = (typeof DEBTOR_FIELDS)[number];
export type ImportField = InvoiceField;

/** A column mapping: field → header text as it appears in the file. */
export const ColumnMappingSchema = z.partialRecord(z.enum(INVOICE_FIELDS), z.string().min(1));
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** One rejected row or file. `row` counts as a spreadsheet does (header = 1); 0 = the whole file. */
export const ImportErrorSchema = z.object({
  file: z.string(),
  row: z.number().int().nonnegative(),
  field: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** The outcome of an import; also the exact `--json` output of `collectdesk import`. */
export const ImportReportSchema = z.object({
  imported: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  errors: z.array(ImportErrorSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A recorded import of one file, for the web import screen. */
export const ImportRunSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  fileName: z.string(),
  userId: z.string().uuid().nullable(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ImportErrorSchema),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRunSchema>;

/** At most this many errors are listed per import; `rejected` still counts every rejected row. */
export const MAX_LISTED_ERRORS = 10_000;
