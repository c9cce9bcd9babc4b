import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import {
  allocations,
  contacts,
  debtors,
  importMappings,
  importRuns,
  invoices,
  payments,
  timelineEvents,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { importDebtorFiles, importInvoiceFiles, listImportRuns } from './imports.service.js';
import { createOrg, scratchDir, testDeps } from './test-support.js';

const actor = { label: 'import' };

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

const HEADER =
  'Factuurnummer;Debiteurnummer;Debiteur;Factuurdatum;Vervaldatum;Bedrag;Openstaand;Valuta;Betalingskenmerk;Omschrijving';
const BROKEN = [
  HEADER,
  'F2026-001;D001;Bakkerij Jansen;01-02-2026;03-03-2026;1.210,00;1.210,00;EUR;1234567890123456;Broodmachine',
  'F2026-002;D001;Bakkerij Jansen;15-02-2026;17-03-2026;242,00;;EUR;;Onderhoud',
  'F2026-003;D002;Café De Hoek;31-02-2026;01-04-2026;100,00;;EUR;;',
  'F2026-004;D002;Café De Hoek;01-03-2026;31-03-2026;12,34,56;;EUR;;',
  ';D002;Café De Hoek;01-03-2026;31-03-2026;50,00;;EUR;;',
  'F2026-001;D001;Bakkerij Jansen;01-02-2026;03-03-2026;999,00;;EUR;;',
  'F2026-005;D999;;01-03-2026;31-03-2026;75,00;;EUR;;',
  'F2026-006;D002;Café De Hoek;10-03-2026;01-03-2026;75,00;;EUR;;',
  'F2026-007;D002;Café De Hoek;10-03-2026;;80,00;;XYZ;;',
  'CN-001;D001;Bakkerij Jansen;05-03-2026;;-242,00;;EUR;;Creditnota onderhoud',
  '"F2026-008";"D002";"Café De Hoek";2026-03-01;2026-03-31;"99,95";;EUR;;"Koffiemachine',
  'met ""extra"" molen"',
].join('\r\n');

describe('CSV invoice import', () => {
  it('imports the good rows of a broken file and reports each bad row with row, field and reason', async () => {
    const org = await createOrg(database);
    const deps = testDeps(database);
    const path = await files.write('broken.csv', BROKEN);
    const report = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'broken.csv', path }],
    });
    expect(report).toMatchObject({ imported: 4, updated: 0, unchanged: 0, rejected: 7 });
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'issue_date'],
      [5, 'total'],
      [6, 'number'],
      [7, 'number'],
      [8, 'debtor_number'],
      [9, 'due_date'],
      [10, 'currency'],
    ]);
    expect(report.errors.every((e) => e.file === 'broken.csv')).toBe(true);
    expect(report.errors[0]?.message).toContain('31-02-2026');
    expect(report.errors[1]?.message).toContain('12,34,56');
    expect(report.errors[3]?.message).toMatch(/appears twice.*row 2/);
    expect(report.errors[4]?.message).toContain('unknown debtor "D999"');
    expect(report.errors[6]?.message).toContain('XYZ');

    const stored = await database.db.select().from(invoices).where(eq(invoices.orgId, org.id));
    const byNumber = new Map(stored.map((i) => [i.number, i]));
    expect(byNumber.get('F2026-001')).toMatchObject({
      totalCents: 121000,
      openCents: 121000,
      paymentReference: '1234567890123456',
      status: 'open',
    });
    expect(byNumber.get('CN-001')).toMatchObject({
      kind: 'credit_note',
      totalCents: -24200,
      openCents: -24200,
      dueDate: '2026-04-04',
    });
    expect(byNumber.get('F2026-008')).toMatchObject({
      totalCents: 9995,
      orderDescription: 'Koffiemachine\r\nmet "extra" molen',
    });
    const jansen = await database.db
      .select()
      .from(debtors)
      .where(and(eq(debtors.orgId, org.id), eq(debtors.number, 'D001')));
    // 1210.00 + 242.00 − 242.00 open, of which 1210.00 overdue on 2026-03-16.
    expect(jansen[0]).toMatchObject({ name: 'Bakkerij Jansen', openCents: 121000, overdueCents: 121000 });

    const runs = await listImportRuns(deps, org.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ kind: 'invoices', fileName: 'broken.csv', imported: 4, rejected: 7 });
    expect(runs[0]?.errors).toHaveLength(7);
    expect(runs[0]?.finishedAt).not.toBeNull();

    const again = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'broken.csv', path }],
    });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 4, rejected: 7 });
  });

  it('updates a changed amount and due date, writes old → new on the timeline, respects allocations', async () => {
    const org = await createOrg(database);
    const deps = testDeps(database);
    const first = await files.write('v1.csv', BROKEN.split('\r\n').slice(0, 3).join('\n'));
    await importInvoiceFiles(deps, { orgId: org.id, actor, files: [{ name: 'v1.csv', path: first }] });
    const [f1] = await database.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, org.id), eq(invoices.number, 'F2026-001')));
    if (!f1) throw new Error('F2026-001 missing');
    // A payment of 100.00 was allocated in Collectdesk in the meantime.
    const [payment] = await database.db
      .insert(payments)
      .values({
        orgId: org.id,
        debtorId: f1.debtorId,
        date: '2026-03-01',
        amountCents: 10000,
        status: 'allocated',
      })
      .returning();
    if (!payment) throw new Error('payment missing');
    await database.db
      .insert(allocations)
      .values({ orgId: org.id, paymentId: payment.id, invoiceId: f1.id, amountCents: 10000 });
    await database.db
      .update(invoices)
      .set({ openCents: 111000, status: 'partially_paid' })
      .where(eq(invoices.id, f1.id));
    await database.db
      .update(invoices)
      .set({ status: 'disputed' })
      .where(and(eq(invoices.orgId, org.id), eq(invoices.number, 'F2026-002')));

    const second = await files.write(
      'v2.csv',
      [
        HEADER,
        'F2026-001;D001;Bakkerij Jansen;01-02-2026;03-03-2026;1.500,00;;EUR;1234567890123456;Broodmachine',
        'F2026-002;D001;Bakkerij Jansen;15-02-2026;31-03-2026;242,00;;EUR;;Onderhoud',
      ].join('\n'),
    );
    const report = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'v2.csv', path: second }],
    });
    expect(report).toEqual({ imported: 0, updated: 2, unchanged: 0, rejected: 0, errors: [] });
    const stored = await database.db.select().from(invoices).where(eq(invoices.orgId, org.id));
    const byNumber = new Map(stored.map((i) => [i.number, i]));
    expect(byNumber.get('F2026-001')).toMatchObject({
      totalCents: 150000,
      openCents: 140000,
      status: 'partially_paid',
    });
    expect(byNumber.get('F2026-002')).toMatchObject({ dueDate: '2026-03-31', status: 'disputed' });

    const events = await database.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.orgId, org.id), eq(timelineEvents.kind, 'invoice_updated')));
    const summaries = events.map((e) => e.summary).sort();
    expect(summaries[0]).toBe(
      'Invoice F2026-001 updated by import: amount 1210.00 → 1500.00, open amount 1110.00 → 1400.00',
    );
    expect(summaries[1]).toBe('Invoice F2026-002 updated by import: due date 2026-03-17 → 2026-03-31');
    expect(events.find((e) => e.invoiceId === f1.id)?.data).toMatchObject({
      changes: { totalCents: { from: 121000, to: 150000 } },
    });
  });

  it('refuses an invoice number that already belongs to another debtor', async () => {
    const org = await createOrg(database);
    const deps = testDeps(database);
    const a = await files.write('a.csv', `${HEADER}\nX-1;D1;Alfa BV;01-03-2026;31-03-2026;10,00;;EUR;;`);
    const b = await files.write('b.csv', `${HEADER}\nX-1;D2;Beta BV;01-03-2026;31-03-2026;10,00;;EUR;;`);
    await importInvoiceFiles(deps, { orgId: org.id, actor, files: [{ name: 'a.csv', path: a }] });
    const report = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'b.csv', path: b }],
    });
    expect(report).toMatchObject({ imported: 0, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ file: 'b.csv', row: 2, field: 'number' });
    expect(report.errors[0]?.message).toContain('another debtor (D1)');
  });
});

describe('CSV formats', () => {
  it('reads comma + decimal point + ISO dates + UTF-8 BOM with English headers', async () => {
    const org = await createOrg(database);
    const path = await files.write(
      'en.csv',
      [
        'Invoice Number,Customer ID,Customer Name,Invoice Date,Due Date,Total,Amount Due,Currency,VAT',
        'INV-1,C-1,"Smith, Jones & Co",2026-01-05,2026-02-04,"1,234.50",234.50,EUR,214.26',
        'INV-2,C-1,"Smith, Jones & Co",2026-01-06,2026-02-05,99.00,99.00,GBP,0',
      ].join('\n'),
      'utf-8-bom',
    );
    const report = await importInvoiceFiles(testDeps(database), {
      orgId: org.id,
      actor,
      files: [{ name: 'en.csv', path }],
    });
    expect(report).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const [inv1] = await database.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, org.id), eq(invoices.number, 'INV-1')));
    expect(inv1).toMatchObject({
      totalCents: 123450,
      openCents: 23450,
      vatCents: 21426,
      status: 'partially_paid',
    });
    const [debtor] = await database.db.select().from(debtors).where(eq(debtors.orgId, org.id));
    expect(debtor).toMatchObject({ number: 'C-1', name: 'Smith, Jones & Co' });
  });

  it('reads tab-separated Windows-1252 with French headers, é and ë, and a payment term', async () => {
    const org = await createOrg(database, { country: 'BE' });
    const path = await files.write(
      'fr.txt',
      [
        'N° de facture\tN° client\tNom client\tDate facture\tDélai de paiement\tMontant\tCommunication structurée\tLangue',
        'FA-10\tC100\tSociété Générale Hôtellerie\t02/03/2026\t14 jours\t1 234,56\t+++010/6766/09538+++\tfr',
        'FA-11\tC101\tCitroën Garage Noël\t03/03/2026\t30\t50,00\t\tnl',
      ].join('\r\n'),
      'windows-1252',
    );
    const report = await importInvoiceFiles(testDeps(database), {
      orgId: org.id,
      actor,
      files: [{ name: 'fr.txt', path }],
    });
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(2);
    const stored = await database.db.select().from(debtors).where(eq(debtors.orgId, org.id));
    expect(stored.map((d) => d.name).sort()).toEqual(['Citroën Garage Noël', 'Société Générale Hôtellerie']);
    expect(stored.find((d) => d.number === 'C100')).toMatchObject({ country: 'BE', language: 'fr' });
    const [fa10] = await database.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, org.id), eq(invoices.number, 'FA-10')));
    expect(fa10).toMatchObject({
      totalCents: 123456,
      dueDate: '2026-03-16',
      paymentTermDays: 14,
      paymentReference: '+++010/6766/09538+++',
    });
  });

  it('reads old-Mac CR line endings, title lines above the header and a document-type column', async () => {
    const org = await createOrg(database);
    const path = await files.write(
      'types.csv',
      [
        'Openstaande posten per 16-03-2026;;;;;',
        ';;;;;',
        'Soort;Factuurnr.;Klant;Datum;Vervaldatum;Bedrag incl. BTW',
        'Factuur;2026-100;Jansen Installatietechniek;01-03-2026;15-03-2026;100,00',
        'Creditnota;2026-101;Jansen Installatietechniek;02-03-2026;02-03-2026;25,00',
      ].join('\r'),
    );
    const report = await importInvoiceFiles(testDeps(database), {
      orgId: org.id,
      actor,
      files: [{ name: 'types.csv', path }],
    });
    expect(report).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const stored = await database.db.select().from(invoices).where(eq(invoices.orgId, org.id));
    expect(stored.find((i) => i.number === '2026-101')).toMatchObject({
      kind: 'credit_note',
      totalCents: -2500,
    });
    const [debtor] = await database.db.select().from(debtors).where(eq(debtors.orgId, org.id));
    expect(debtor).toMatchObject({
      number: 'Jansen Installatietechniek',
      name: 'Jansen Installatietechniek',
      openCents: 7500,
    });
  });
});

describe('column mappings', () => {
  it('uses an explicit mapping, saves it, and reuses it for the next file of the organisation', async () => {
    const org = await createOrg(database);
    const deps = testDeps(database);
    const layout = 'Doc;Wie;Wie naam;D1;D2;Som';
    const one = await files.write('map1.csv', `${layout}\nA-1;K1;Klant Een;01-03-2026;31-03-2026;10,00`);
    const mapping = {
      number: 'Doc',
      debtor_number: 'Wie',
      debtor_name: 'Wie naam',
      issue_date: 'D1',
      due_date: 'D2',
      total: 'Som',
    };
    const unmapped = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'map1.csv', path: one }],
    });
    expect(unmapped.rejected).toBe(1);
    expect(unmapped.errors[0]).toMatchObject({ row: 1, field: 'file' });

    const first = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'map1.csv', path: one }],
      mapping,
    });
    expect(first).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const [saved] = await database.db.select().from(importMappings).where(eq(importMappings.orgId, org.id));
    expect(saved?.mapping).toMatchObject(mapping);

    const two = await files.write('map2.csv', `${layout}\nA-2;K1;Klant Een;02-03-2026;01-04-2026;20,00`);
    const second = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'map2.csv', path: two }],
    });
    expect(second).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] });
  });

  it('reports a --map that names a column the file does not have', async () => {
    const org = await createOrg(database);
    const path = await files.write('nomap.csv', `${HEADER}\nF-1;D1;Een;01-03-2026;31-03-2026;1,00;;EUR;;`);
    const report = await importInvoiceFiles(testDeps(database), {
      orgId: org.id,
      actor,
      files: [{ name: 'nomap.csv', path }],
      mapping: { total: 'Totaalbedrag' },
    });
    expect(report).toMatchObject({ imported: 0, rejected: 1 });
    expect(report.errors).toEqual([
      {
        file: 'nomap.csv',
        row: 1,
        field: 'total',
        message: 'column "Totaalbedrag" is not in the header row',
      },
    ]);
  });
});

describe('CSV debtor import', () => {
  it('imports debtors with contacts, then invoices that only refer to them', async () => {
    const org = await createOrg(database, { country: 'BE' });
    const deps = testDeps(database);
    const debtorFile = await files.write(
      'debiteuren.csv',
      [
        'Nummer;Naam;Soort;Land;Taal;E-mail;Telefoon;BTW-nummer;Betalingstermijn;Contactpersoon;Functie;Telefoon contactpersoon;E-mail contactpersoon',
        'B-1;Brasserie Le Coin;zakelijk;België;fr;compta@lecoin.be;02 123 45 67;BE 0123.456.789;14;Marie Dubois;comptable;+32 470 12 34 56;marie@lecoin.be',
        'N-1;Piet de Vries;particulier;NL;nl;piet@example.nl;020-1234567;;;;;;',
        'X-1;;;;;;;;;;;;',
        'B-2;Bad Phone;;BE;;;12;;;;;;',
      ].join('\n'),
    );
    const report = await importDebtorFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'debiteuren.csv', path: debtorFile }],
    });
    expect(report).toMatchObject({ imported: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'debtor_name'],
      [5, 'debtor_phone'],
    ]);
    const stored = await database.db.select().from(debtors).where(eq(debtors.orgId, org.id));
    expect(stored.find((d) => d.number === 'B-1')).toMatchObject({
      kind: 'business',
      country: 'BE',
      language: 'fr',
      phone: '+3221234567',
      vatNumber: 'BE0123456789',
      paymentTermDays: 14,
    });
    expect(stored.find((d) => d.number === 'N-1')).toMatchObject({
      kind: 'consumer',
      country: 'NL',
      phone: '+31201234567',
    });
    const [marie] = await database.db.select().from(contacts).where(eq(contacts.orgId, org.id));
    expect(marie).toMatchObject({
      name: 'Marie Dubois',
      role: 'comptable',
      phone: '+32470123456',
      email: 'marie@lecoin.be',
    });

    const again = await importDebtorFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'debiteuren.csv', path: debtorFile }],
    });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2, rejected: 2 });

    const invoiceFile = await files.write(
      'facturen.csv',
      'Factuurnummer;Klantnummer;Factuurdatum;Bedrag\nF-1;B-1;01-03-2026;100,00\nF-2;N-1;01-03-2026;50,00',
    );
    const invoicesReport = await importInvoiceFiles(deps, {
      orgId: org.id,
      actor,
      files: [{ name: 'facturen.csv', path: invoiceFile }],
    });
    expect(invoicesReport).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const stored2 = await database.db.select().from(invoices).where(eq(invoices.orgId, org.id));
    // No due date or term in the file: the debtor's own term (14 days), else the statutory 30.
    expect(stored2.find((i) => i.number === 'F-1')?.dueDate).toBe('2026-03-15');
    expect(stored2.find((i) => i.number === 'F-2')?.dueDate).toBe('2026-03-31');
    const runs = await database.db.select().from(importRuns).where(eq(importRuns.orgId, org.id));
    expect(runs.map((r) => r.kind).sort()).toEqual(['debtors', 'debtors', 'invoices']);
  });
});
