/**
 * Writes a CSV of generated invoices (and their credit notes) as a Dutch accounting package exports
 * it: `;`-separated, decimal comma, dd-mm-yyyy, Dutch headers, UTF-8. The rows come from the demo
 * portfolio generator, streamed to disk chunk by chunk, so a million invoices need little memory.
 *
 *   npx tsx bench/generate-invoices-csv.ts [--invoices 1000000] [--debtors 200000] [--seed 1]
 *                                          [--today 2026-06-01] [--out bench/out/invoices-1000000.csv]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { CalendarDate } from '../src/core/calendar-date.js';
import { decimalCommaText } from '../src/modules/demo/demo-format.js';
import { demoOrganisation, generateDemoChunks } from '../src/modules/demo/demo-generator.js';

export const CSV_HEADERS = [
  'Factuurnummer',
  'Soort',
  'Klantnummer',
  'Klantnaam',
  'Land',
  'Factuurdatum',
  'Vervaldatum',
  'Valuta',
  'Bedrag',
  'Btw',
  'Openstaand',
  'Betalingskenmerk',
  'Omschrijving',
] as const;

/** A fixed "today" so the benchmark file is the same on every run and machine. */
export const BENCH_TODAY = '2026-06-01' as CalendarDate;

export type CsvSpec = { path: string; invoices: number; debtors: number; seed: number; today: CalendarDate };

/** Quotes a field when it holds the delimiter, a quote or a line break (RFC 4180 style). */
function field(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `2026-03-16` → `16-03-2026`. */
const dayFirst = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export async function writeInvoicesCsv(spec: CsvSpec): Promise<{ rows: number; bytes: number }> {
  await mkdir(dirname(spec.path), { recursive: true });
  const out = createWriteStream(spec.path, { encoding: 'utf8' });
  const portfolio = {
    profile: 'installation-nl' as const,
    seed: spec.seed,
    orgSlug: 'bench',
    debtors: spec.debtors,
    invoices: spec.invoices,
    today: spec.today,
  };
  const org = demoOrganisation(portfolio);
  let rows = 0;
  out.write(`${CSV_HEADERS.join(';')}\r\n`);
  for (const chunk of generateDemoChunks(portfolio, { orgId: org.id, collectors: [], chunkSize: 1000 })) {
    const debtors = new Map(chunk.debtors.map((d) => [d.id, d] as const));
    const lines: string[] = [];
    for (const document of chunk.invoices) {
      const debtor = debtors.get(document.debtorId);
      const isCredit = document.kind === 'credit_note';
      lines.push(
        [
          field(document.number),
          isCredit ? 'Creditnota' : 'Factuur',
          field(debtor?.number),
          field(debtor?.name),
          debtor?.country ?? '',
          dayFirst(document.issueDate),
          dayFirst(document.dueDate),
          document.currency ?? 'EUR',
          decimalCommaText(document.totalCents),
          decimalCommaText(document.vatCents ?? 0),
          decimalCommaText(document.openCents),
          field(document.paymentReference),
          field(document.orderDescription),
        ].join(';'),
      );
    }
    rows += lines.length;
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes: out.bytesWritten };
}

const ArgsSchema = z.object({
  invoices: z.coerce.number().int().min(1).default(1_000_000),
  debtors: z.coerce.number().int().min(1).optional(),
  seed: z.coerce.number().int().min(0).default(1),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default(BENCH_TODAY),
  out: z.string().optional(),
});

export const defaultCsvPath = (invoices: number) => `bench/out/invoices-${invoices}.csv`;

async function main() {
  const { values } = parseArgs({
    options: {
      invoices: { type: 'string' },
      debtors: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const args = ArgsSchema.parse(values);
  const spec: CsvSpec = {
    invoices: args.invoices,
    debtors: args.debtors ?? Math.max(1, Math.round(args.invoices / 5)),
    seed: args.seed,
    today: args.today as CalendarDate,
    path: args.out ?? defaultCsvPath(args.invoices),
  };
  const started = performance.now();
  const { rows, bytes } = await writeInvoicesCsv(spec);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${spec.path}: ${rows} rows (${spec.invoices} invoices + credit notes, ${spec.debtors} debtors), ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s), ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
