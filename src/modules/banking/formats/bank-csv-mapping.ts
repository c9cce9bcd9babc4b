/**
 * How the columns of a bank's CSV export map onto a bank entry. Banks each write their own
 * layout (Rabobank, ING, ASN without a header row, KBC with separate credit/debit columns …);
 * a mapping is guessed from the header for the known layouts and can be saved per organisation.
 */
import { z } from 'zod';

/** A column by its header text (case and spacing ignored) or by its 0-based position. */
export const CsvColumnSchema = z.union([z.string().min(1), z.number().int().min(0)]);
export type CsvColumn = z.infer<typeof CsvColumnSchema>;

/** `DD-MMM-YY`: `23-Jan-15`, English or Dutch month abbreviations. `YYYY-MM-DD` may carry a time. */
export const BANK_CSV_DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYYMMDD',
  'DD-MM-YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'DD-MMM-YY',
] as const;
export type BankCsvDateFormat = (typeof BANK_CSV_DATE_FORMATS)[number];

export const BankCsvMappingSchema = z.object({
  /** A known layout ("rabobank-2018", "ing-nl" …) or "custom". */
  name: z.string().min(1),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  /**
   * Rows before the data; 0 for a file without a header (columns are then positions). Columns
   * named by text are looked up in the last of these rows (Knab writes a title row above it).
   */
  headerRows: z.number().int().min(0).max(10).default(1),
  dateFormat: z.enum(BANK_CSV_DATE_FORMATS),
  decimalSeparator: z.enum(['.', ',']),
  /** The currency of rows without a currency column. */
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  /** Only rows whose column holds one of these values (case ignored) are payments: Stripe "Paid". */
  rowFilter: z.object({ column: CsvColumnSchema, values: z.array(z.string().min(1)).min(1) }).optional(),
  columns: z
    .object({
      bookingDate: CsvColumnSchema,
      valueDate: CsvColumnSchema.optional(),
      /**
       * A signed amount; or `credit` and `debit` columns; or an unsigned amount with `direction`
       * (ING "Af Bij": Bij is credit; Knab "CreditDebet": C).
       */
      amount: CsvColumnSchema.optional(),
      credit: CsvColumnSchema.optional(),
      debit: CsvColumnSchema.optional(),
      direction: z
        .object({ column: CsvColumnSchema, creditValues: z.array(z.string().min(1)).min(1) })
        .optional(),
      currency: CsvColumnSchema.optional(),
      /** The account of the row: an IBAN, or another number (a card) kept as the account number. */
      accountIban: CsvColumnSchema.optional(),
      counterpartyName: CsvColumnSchema.optional(),
      counterpartyIban: CsvColumnSchema.optional(),
      counterpartyBic: CsvColumnSchema.optional(),
      structuredReference: CsvColumnSchema.optional(),
      /** Joined with a space, in this order. */
      remittance: z.array(CsvColumnSchema).default([]),
      bankReference: CsvColumnSchema.optional(),
      endToEndId: CsvColumnSchema.optional(),
      transactionCode: CsvColumnSchema.optional(),
      returnReason: CsvColumnSchema.optional(),
      mandateReference: CsvColumnSchema.optional(),
      creditorId: CsvColumnSchema.optional(),
      /** A running balance, before (ASN) or after (Rabobank, KBC) the row: then the balance is checked. */
      balanceBefore: CsvColumnSchema.optional(),
      balanceAfter: CsvColumnSchema.optional(),
    })
    .refine((c) => c.amount !== undefined || c.credit !== undefined || c.debit !== undefined, {
      message: 'a mapping needs an amount column, or credit and/or debit columns',
    }),
});
export type BankCsvMapping = z.infer<typeof BankCsvMappingSchema>;
/** A mapping as written by hand or saved: the fields with defaults may be left out. */
export type BankCsvMappingInput = z.input<typeof BankCsvMappingSchema>;
