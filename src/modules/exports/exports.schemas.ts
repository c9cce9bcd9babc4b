import { z } from 'zod';

/** Exports of the ledger to CSV (`;`, decimal comma, UTF-8 with BOM, formula-safe). */
export const EXPORT_KINDS = ['invoices', 'debtors'] as const;
export const ExportKindSchema = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKindSchema>;

export const ExportResultSchema = z.object({ exported: z.number().int().nonnegative() });
export type ExportResult = z.infer<typeof ExportResultSchema>;
