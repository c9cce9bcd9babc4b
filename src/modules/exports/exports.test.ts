import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { debtors, invoices } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { importDebtorFiles, importInvoiceFiles } from '../imports/imports.service.js';
import { createOrg, scratchDir, testDeps } from '../imports/test-support.js';
import { exportToFile } from './exports.service.js';

let database: Database;
let files: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  database = await createTestDatabase();
  files = await scratchDir();
});
afterAll(async () => {
  await database?.close();
  await files?.cleanup();
});

const actor = { label: 'import' };

describe('CSV export', () => {
  it('round-trips invoices and debtors through export and import, formula cells guarded', async () => {
    const source = await createOrg(database);
    const deps = testDeps(database);
    const input = await files.write(
      'in.csv',
      [
        'Factuurnummer;Debiteurnummer;Debiteur;E-mail;Factuurdatum;Vervaldatum;Bedrag;Openstaand;BTW;Valuta;Betalingskenmerk;Omschrijving',
        'F-1;D1;=cmd|\' /C calc\'!A0;boekhouding@jansen.nl;01-03-2026;31-03-2026;1.210,00;210,00;210,00;EUR;+++123/4567/89012+++;"Levering ""A""; regel 2"',
        'F-2;D2;@Hoek BV;;02-03-2026;01-04-2026;99,99;;;EUR;;-korting',
        "CN-1;D1;=cmd|' /C calc'!A0;;05-03-2026;05-03-2026;-50,00;;-8,68;EUR;;",
      ].join('\n'),
    );
    const imported = await importInvoiceFiles(deps, {
      orgId: source.id,
      actor,
      files: [{ name: 'in.csv', path: input }],
    });
    expect(imported).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });

    const invoicesCsv = join(files.dir, 'invoices.csv');
    const debtorsCsv = join(files.dir, 'debtors.csv');
    expect(await exportToFile(deps, { orgId: source.id, kind: 'invoices', path: invoicesCsv })).toEqual({
      exported: 3,
    });
    expect(await exportToFile(deps, { orgId: source.id, kind: 'debtors', path: debtorsCsv })).toEqual({
      exported: 2,
    });

    const text = await readFile(invoicesCsv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'invoice number;document type;debtor number;debtor name;issue date;due date;payment term;currency;amount;vat;open amount;status;payment reference;description;credited invoice',
    );
    // Sorted as the index: invoices first, then credit notes.
    expect(lines[1]).toBe(
      `F-1;invoice;D1;'=cmd|' /C calc'!A0;2026-03-01;2026-03-31;;EUR;1210,00;210,00;210,00;partially_paid;'+++123/4567/89012+++;"Levering ""A""; regel 2";`,
    );
    expect(lines[2]).toBe(
      "F-2;invoice;D2;'@Hoek BV;2026-03-02;2026-04-01;;EUR;99,99;0,00;99,99;open;;'-korting;",
    );
    // A negative amount stays a number: no quote, no guard.
    expect(lines[3]).toBe(
      `CN-1;credit_note;D1;'=cmd|' /C calc'!A0;2026-03-05;2026-03-05;;EUR;-50,00;-8,68;-50,00;open;;;`,
    );

    const debtorText = await readFile(debtorsCsv, 'utf8');
    expect(debtorText).toContain(
      `D1;'=cmd|' /C calc'!A0;business;NL;nl;;;;;;boekhouding@jansen.nl;;;;;160,00;0,00`,
    );

    // Import both files into another organisation: the same ledger comes out.
    const target = await createOrg(database);
    const debtorReport = await importDebtorFiles(deps, {
      orgId: target.id,
      actor,
      files: [{ name: 'debtors.csv', path: debtorsCsv }],
    });
    expect(debtorReport).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const invoiceReport = await importInvoiceFiles(deps, {
      orgId: target.id,
      actor,
      files: [{ name: 'invoices.csv', path: invoicesCsv }],
    });
    expect(invoiceReport).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });

    const pick = (rows: (typeof invoices.$inferSelect)[]) =>
      rows
        .map(
          ({
            kind,
            number,
            issueDate,
            dueDate,
            currency,
            totalCents,
            vatCents,
            openCents,
            status,
            paymentReference,
            orderDescription,
          }) => ({
            kind,
            number,
            issueDate,
            dueDate,
            currency,
            totalCents,
            vatCents,
            openCents,
            status,
            paymentReference,
            orderDescription,
          }),
        )
        .sort((a, b) => a.number.localeCompare(b.number));
    const before = await database.db.select().from(invoices).where(eq(invoices.orgId, source.id));
    const after = await database.db.select().from(invoices).where(eq(invoices.orgId, target.id));
    expect(pick(after)).toEqual(pick(before));
    const names = await database.db
      .select({ name: debtors.name, email: debtors.email })
      .from(debtors)
      .where(eq(debtors.orgId, target.id));
    expect(names.map((n) => n.name).sort()).toEqual(["=cmd|' /C calc'!A0", '@Hoek BV']);

    // Exporting the copy gives the same file (byte for byte, apart from nothing).
    const copyCsv = join(files.dir, 'copy.csv');
    await exportToFile(deps, { orgId: target.id, kind: 'invoices', path: copyCsv });
    expect(await readFile(copyCsv, 'utf8')).toBe(text);
  });
});
