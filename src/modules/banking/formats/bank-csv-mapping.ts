/**
 * How the columns of a bank's CSV export map onto a bank entry. Banks each write their own
 * layout (Rabobank, ING, ASN without a header row, KBC with separate credit/debit columns …);
 * a mapping is guessed from the header for the known layouts and can be saved per organisation.
 */
import { z } from 'zod';

/** A column by its header text (case and spacing ignored) or by its 0-based position. */
export const CsvColumnSchema = z.union([z.string().min(1), z.number().int().min(0)]);
export type CsvColumn = z.infer<typeof CsvColumnSchema>;

export const BANK_CSV_DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYYMMDD',
  'DD-MM-YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'DD-MMM-YY',
] as const;

export const BankCsvMappingSchema = z.object({
  /** A known layout ("rabobank-2018", "ing-nl" …) or "custom". */
  name: z.string().min(1),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  /** Rows before the data; 0 for a file without a header (columns are then positions). */
  headerRows: z.number().int().min(0).max(10).default(1),
  dateFormat: z.enum(BANK_CSV_DATE_FORMATS),
  decimalSeparator: z.enum(['.', ',']),
  columns: z.object({
    bookingDate: CsvColumnSchema,
    valueDate: CsvColumnSchema.optional(),
    /** A signed amount; or `credit` and `debit` columns; or an unsigned amount with `direction`. */
    amount: CsvColumnSchema.optional(),
    credit: CsvColumnSchema.optional(),
    debit: CsvColumnSchema.optional(),
    direction: z
      .object({ column: CsvColumnSchema, creditValues: z.array(z.string().min(1)).min(1) })
      .optional(),
    currency: CsvColumnSchema.optional(),
    accountIban: CsvColumnSchema.optional(),
    counterpartyName: CsvColumnSchema.optional(),
    counterpartyIban: CsvColumnSchema.optional(),
    structuredReference: CsvColumnSchema.optional(),
    /** Joined with a space, in this order. */
    remittance: z.array(CsvColumnSchema).default([]),
    bankReference: CsvColumnSchema.optional(),
    endToEndId: CsvColumnSchema.optional(),
  }),
});
export type BankCsvMapping = z.infer<typeof BankCsvMappingSchema>;
