import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { AppDeps } from '../../deps.js';
import { amountCell, CSV_BOM, csvLine, plainCell, textCell } from './csv-escape.js';
import { findDebtorPage, findInvoicePage } from './exports.repo.js';
import type { ExportKind, ExportResult } from './exports.schemas.js';

/**
 * Exports invoices and debtors as CSV for Excel: `;`-separated, decimal comma, UTF-8 with BOM,
 * text cells guarded against formula injection. Streams page by page, so a million invoices
 * never sit in memory; the headers are ones the importer recognises, so a file imports back.
 */

const PAGE_SIZE = 5000;

export type ExportDeps = Pick<AppDeps, 'db'>;

const INVOICE_HEADER = [
  'invoice number',
  'document type',
  'debtor number',
  'debtor name',
  'issue date',
  'due date',
  'payment term',
  'currency',
  'amount',
  'vat',
  'open amount',
  'status',
  'payment reference',
  'description',
  'credited invoice',
];

const DEBTOR_HEADER = [
  'debtor number',
  'name',
  'kind',
  'country',
  'language',
  'company number',
  'vat number',
  'address',
  'postal code',
  'city',
  'email',
  'phone',
  'payment term',
  'credit limit',
  'segment',
  'open amount',
  'overdue amount',
];

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeInvoicesCsv(
  deps: ExportDeps,
  params: { orgId: string; out: Writable },
): Promise<ExportResult> {
  const { out } = params;
  await write(out, CSV_BOM + csvLine(INVOICE_HEADER));
  let exported = 0;
  let after: { kind: string; number: string } | undefined;
  while (true) {
    const page = await findInvoicePage(deps.db, { orgId: params.orgId, after, limit: PAGE_SIZE });
    if (page.length === 0) break;
    let chunk = '';
    for (const i of page) {
      chunk += csvLine([
        textCell(i.number),
        textCell(i.kind),
        textCell(i.debtorNumber),
        textCell(i.debtorName),
        plainCell(i.issueDate),
        plainCell(i.dueDate),
        plainCell(i.paymentTermDays),
        textCell(i.currency),
        amountCell(i.totalCents),
        amountCell(i.vatCents),
        amountCell(i.openCents),
        textCell(i.status),
        textCell(i.paymentReference),
        textCell(i.orderDescription),
        textCell(i.creditedInvoiceNumber),
      ]);
    }
    await write(out, chunk);
    exported += page.length;
    const last = page[page.length - 1];
    if (!last || page.length < PAGE_SIZE) break;
    after = { kind: last.kind, number: last.number };
  }
  return { exported };
}

export async function writeDebtorsCsv(
  deps: ExportDeps,
  params: { orgId: string; out: Writable },
): Promise<ExportResult> {
  const { out } = params;
  await write(out, CSV_BOM + csvLine(DEBTOR_HEADER));
  let exported = 0;
  let after: string | undefined;
  while (true) {
    const page = await findDebtorPage(deps.db, { orgId: params.orgId, after, limit: PAGE_SIZE });
    if (page.length === 0) break;
    let chunk = '';
    for (const d of page) {
      chunk += csvLine([
        textCell(d.number),
        textCell(d.name),
        textCell(d.kind),
        textCell(d.country),
        textCell(d.language),
        textCell(d.companyNumber),
        textCell(d.vatNumber),
        textCell(d.addressLine),
        textCell(d.postalCode),
        textCell(d.city),
        textCell(d.email),
        textCell(d.phone),
        plainCell(d.paymentTermDays),
        amountCell(d.creditLimitCents),
        textCell(d.segment),
        amountCell(d.openCents),
        amountCell(d.overdueCents),
      ]);
    }
    await write(out, chunk);
    exported += page.length;
    const last = page[page.length - 1];
    if (!last || page.length < PAGE_SIZE) break;
    after = last.number;
  }
  return { exported };
}

/** Writes an export to a file; the file is complete when the promise resolves. */
export async function exportToFile(
  deps: ExportDeps,
  params: { orgId: string; kind: ExportKind; path: string },
): Promise<ExportResult> {
  const out = createWriteStream(params.path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined); // observed through the races below
  const writer = params.kind === 'invoices' ? writeInvoicesCsv : writeDebtorsCsv;
  const result = await Promise.race([writer(deps, { orgId: params.orgId, out }), failed]);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return result;
}
