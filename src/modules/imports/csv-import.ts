import { detectCsvFormat, readCsvRecords } from './csv-source.js';
import { headerScore, normaliseHeader, resolveMapping } from './header-mapping.js';
import { ReportBuilder } from './import-report.js';
import { type BatchRow, type WriteContext, writeBatch } from './import-writer.js';
import { refreshImportStatistics } from './imports.repo.js';
import type { ColumnMapping, ImportKind } from './imports.schemas.js';
import { createRowValidator, type InvoiceInput } from './row-validation.js';

/** Rows per transaction: big enough for set-based SQL to pay off, small enough to keep memory flat. */
export const BATCH_SIZE = 4000;

/** How many leading records may be title lines above the header. */
const HEADER_SEARCH_RECORDS = 10;

export type ImportProgress = { file: string; bytes: number; totalBytes: number; rows: number };

export type CsvFileResult = { report: ReportBuilder; mapping?: ColumnMapping };

/**
 * Imports one CSV file: finds the header row, resolves the column mapping, checks every row and
 * writes the good ones in batches (one transaction each, the next batch read while one is written).
 */
export async function importCsvFile(
  ctx: WriteContext,
  params: {
    kind: ImportKind;
    file: { name: string; path: string };
    explicitMapping?: ColumnMapping | undefined;
    savedMapping?: ColumnMapping | undefined;
    onProgress?: ((progress: ImportProgress) => void) | undefined;
  },
): Promise<CsvFileResult> {
  const { kind, file } = params;
  const report = new ReportBuilder();
  const format = await detectCsvFormat(file.path);
  let bytes = 0;
  const records = readCsvRecords(file.path, format, {
    onBytes: (b) => {
      bytes = b;
    },
  });

  let rowNumber = 0;
  const head: string[][] = [];
  let validate: ReturnType<typeof createRowValidator> | undefined;
  let mapping: ColumnMapping | undefined;
  const duplicates = createDuplicateCheck();
  // Debtor details repeat on every invoice row: send each debtor's details once per file.
  const sentDebtors = new Map<string, number>();
  let batch: BatchRow[] = [];
  let inFlight: Promise<void> | undefined;
  let failure: unknown;
  let batches = 0;

  const flush = async () => {
    const rows = batch;
    batch = [];
    if (inFlight) await inFlight;
    if (failure) throw failure;
    if (rows.length === 0) return;
    batches++;
    const analyze = (batches & (batches - 1)) === 0; // after batches 1, 2, 4, 8, …
    inFlight = writeBatch(ctx, kind, rows)
      .then(async (outcome) => {
        report.add(outcome);
        if (analyze) await refreshImportStatistics(ctx.db).catch(() => undefined);
      })
      .catch((error: unknown) => {
        sentDebtors.clear();
        if (!isDataError(error)) failure = error;
        else
          for (const r of rows)
            report.reject([
              {
                file: file.name,
                row: r.row,
                field: 'row',
                message: `not stored: ${(error as Error).message}`,
              },
            ]);
      });
  };

  const startRows = (headerIndex: number): boolean => {
    const headers = head[headerIndex] ?? [];
    const resolved = resolveMapping({
      headers,
      kind,
      explicit: params.explicitMapping,
      saved: params.savedMapping,
    });
    if (!resolved.ok) {
      report.reject(resolved.problems.map((p) => ({ file: file.name, row: headerIndex + 1, ...p })));
      return false;
    }
    mapping = resolved.value.mapping;
    validate = createRowValidator({
      kind,
      columns: resolved.value.columns,
      headers,
      orgCountry: ctx.org.country,
    });
    return true;
  };

  const handle = (record: string[], row: number) => {
    if (!validate || record.every((cell) => cell.trim() === '')) return;
    const result = validate(record);
    if (!result.ok) {
      report.reject(result.issues.map((i) => ({ file: file.name, row, ...i })));
      return;
    }
    const invoice = result.value.invoice;
    if (invoice) {
      const duplicate = duplicates(invoice, row);
      if (duplicate === 'same') {
        report.unchanged++;
        return;
      }
      if (typeof duplicate === 'number') {
        report.reject([
          {
            file: file.name,
            row,
            field: 'number',
            message: `invoice number ${invoice.number} appears twice in this file with other amounts or dates (first at row ${duplicate})`,
          },
        ]);
        return;
      }
    }
    const { debtor, contact } = result.value;
    if (Object.keys(debtor).length > 1 || contact) {
      const signature = hash(JSON.stringify([debtor, contact]));
      if (sentDebtors.get(debtor.number) === signature) {
        batch.push({
          file: file.name,
          row,
          value: invoice
            ? { debtor: { number: debtor.number }, invoice }
            : { debtor: { number: debtor.number } },
        });
        return;
      }
      sentDebtors.set(debtor.number, signature);
    }
    batch.push({ file: file.name, row, value: result.value });
  };

  try {
    for await (const record of records) {
      rowNumber++;
      if (!validate && head.length < HEADER_SEARCH_RECORDS) {
        head.push(record);
        if (head.length < HEADER_SEARCH_RECORDS) continue;
        if (!startHeader()) break;
        continue;
      }
      handle(record, rowNumber);
      if (batch.length >= BATCH_SIZE) await flush();
      if (params.onProgress && rowNumber % 1000 === 0)
        params.onProgress({ file: file.name, bytes, totalBytes: format.bytes, rows: rowNumber });
    }
    if (!validate && head.length > 0 && head.length < HEADER_SEARCH_RECORDS) startHeader();
    else if (head.length === 0)
      report.reject([{ file: file.name, row: 0, field: 'file', message: 'the file is empty' }]);
  } catch (error) {
    if (!isCsvError(error)) throw error;
    report.reject([
      {
        file: file.name,
        row: rowNumber + 1,
        field: 'file',
        message: `unreadable CSV: ${(error as Error).message}`,
      },
    ]);
  }
  await flush();
  if (inFlight) await inFlight;
  if (failure) throw failure;
  params.onProgress?.({ file: file.name, bytes: format.bytes, totalBytes: format.bytes, rows: rowNumber });
  // Errors found while checking come before those found while writing; people read them by row.
  report.errors.sort((a, b) => a.row - b.row);
  return mapping ? { report, mapping } : { report };

  /** Picks the header among the first records, then checks the records read so far below it. */
  function startHeader(): boolean {
    const headerIndex = findHeaderIndex(head, kind, [params.explicitMapping, params.savedMapping]);
    if (headerIndex < 0) {
      report.reject([
        {
          file: file.name,
          row: 1,
          field: 'file',
          message: `no header row with ${kind} columns found in the first ${head.length} rows`,
        },
      ]);
      return false;
    }
    if (!startRows(headerIndex)) return false;
    head.slice(headerIndex + 1).forEach((record, i) => {
      handle(record, headerIndex + 2 + i);
    });
    return true;
  }
}

/**
 * The header row: the first record holding every column of the explicit mapping, else of the
 * saved one, else the record with the most recognisable column names.
 */
function findHeaderIndex(
  records: readonly string[][],
  kind: ImportKind,
  mappings: readonly (ColumnMapping | undefined)[],
): number {
  for (const mapping of mappings) {
    const wanted = Object.values(mapping ?? {}).map((h) => normaliseHeader(h ?? ''));
    if (wanted.length === 0) continue;
    const index = records.findIndex((r) => {
      const headers = new Set(r.map(normaliseHeader));
      return wanted.every((h) => headers.has(h));
    });
    if (index >= 0) return index;
  }
  let best = -1;
  let bestScore = 1;
  records.forEach((record, index) => {
    const score = headerScore(record, kind);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Remembers each invoice number of the file: the same invoice twice is harmless, the same number
 * with another amount or date is an error. Two small maps keep a million rows at ~100 MB.
 */
function createDuplicateCheck(): (invoice: InvoiceInput, row: number) => 'new' | 'same' | number {
  const firstRow = new Map<string, number>();
  const signatures = new Map<string, number>();
  return (invoice, row) => {
    const key = `${invoice.kind}\u0000${invoice.number}`;
    const signature = hash(
      `${invoice.debtorNumber}|${invoice.totalCents}|${invoice.openCents}|${invoice.vatCents}|${invoice.issueDate}|${invoice.dueDate}|${invoice.currency}`,
    );
    const seen = firstRow.get(key);
    if (seen === undefined) {
      firstRow.set(key, row);
      signatures.set(key, signature);
      return 'new';
    }
    return signatures.get(key) === signature ? 'same' : seen;
  };
}

/** FNV-1a, 32 bits: enough to tell two rows of one invoice apart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function isCsvError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'CsvError' || ('code' in error && String(error.code).startsWith('CSV_')))
  );
}

/** PostgreSQL data and constraint errors (classes 22 and 23) reject a batch; others stop the import. */
function isDataError(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ??
    (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
