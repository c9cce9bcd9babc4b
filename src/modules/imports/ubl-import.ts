import iconv from 'iconv-lite';
import { ReportBuilder } from './import-report.js';
import { type WriteContext, writeBatch } from './import-writer.js';
import { findDebtorNumbersByIdentifier } from './imports.repo.js';
import { ublDebtorIdentifiers, ublToRow } from './ubl-document.js';
import { lineOf, parseUbl } from './ubl-parse.js';

/**
 * Decodes an XML file's bytes: a BOM or the prolog's `encoding` decides; UTF-8 otherwise, and
 * bytes that are not UTF-8 then are an error rather than silently garbled names.
 */
export function decodeXml(data: Buffer): { ok: true; text: string } | { ok: false; message: string } {
  if (data[0] === 0xfe && data[1] === 0xff) return { ok: true, text: iconv.decode(data, 'utf-16be') };
  if (data[0] === 0xff && data[1] === 0xfe) return { ok: true, text: iconv.decode(data, 'utf-16le') };
  const prolog = data.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    if (!iconv.encodingExists(declared)) return { ok: false, message: `unsupported encoding "${declared}"` };
    return { ok: true, text: iconv.decode(data, declared) };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data) };
  } catch {
    return { ok: false, message: 'not valid UTF-8 (and no other encoding declared)' };
  }
}

/** Documents met earlier in the same import: kind + number → where and what. */
export type SeenDocuments = Map<string, { file: string; signature: string }>;

/**
 * Imports one UBL Invoice or CreditNote. A document is one transaction: stored whole or, with
 * every problem reported, not at all.
 */
export async function importUblDocument(
  ctx: WriteContext,
  file: string,
  data: Buffer,
  seen: SeenDocuments = new Map(),
): Promise<ReportBuilder> {
  const report = new ReportBuilder();
  const decoded = decodeXml(data);
  if (!decoded.ok) {
    report.reject([{ file, row: 0, field: 'file', message: decoded.message }]);
    return report;
  }
  const xml = decoded.text;
  const parsed = parseUbl(xml);
  if (!parsed.ok) {
    report.reject(parsed.issues.map((i) => ({ file, row: i.line, field: i.field, message: i.message })));
    return report;
  }
  const doc = parsed.document;
  // An e-invoice does not know our debtor numbers: recognise an existing debtor by VAT or company number.
  const identifiers = ublDebtorIdentifiers(doc);
  const byIdentifier = await findDebtorNumbersByIdentifier(ctx.db, ctx.org.id, identifiers);
  const existingNumber = identifiers.map((id) => byIdentifier.get(id)).find(Boolean);
  const row = ublToRow(doc, { orgCountry: ctx.org.country, debtorNumber: existingNumber });
  const line = lineOf(xml, 'ID') || 1;
  if (!row.ok) {
    report.reject([
      { file, row: lineOf(xml, 'AccountingCustomerParty') || line, field: row.field, message: row.message },
    ]);
    return report;
  }
  const invoice = row.value.invoice;
  if (invoice) {
    // The same document twice in one import (say a credit note and the same credit as a negative
    // invoice) is stored once; the same number with other amounts is an error.
    const key = `${invoice.kind}\u0000${invoice.number}`;
    const signature = `${row.value.debtor.number}|${invoice.currency}|${invoice.totalCents}|${invoice.vatCents}`;
    const earlier = seen.get(key);
    if (earlier && earlier.signature === signature) {
      report.unchanged++;
      return report;
    }
    if (earlier) {
      report.reject([
        {
          file,
          row: line,
          field: 'number',
          message: `${invoice.number} is also in ${earlier.file} with another debtor or amount`,
        },
      ]);
      return report;
    }
    seen.set(key, { file, signature });
  }
  report.add(await writeBatch(ctx, 'invoices', [{ file, row: line, value: row.value }]));
  return report;
}
