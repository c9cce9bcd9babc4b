import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { contacts, debtors, invoices, timelineEvents } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { importInvoiceFiles } from './imports.service.js';
import { createOrg, HAS_SAMPLES, makeZip, SAMPLES_DIR, scratchDir, testDeps } from './test-support.js';

const UBL_DIR = join(SAMPLES_DIR, 'ubl');
const actor = { label: 'import' };

/** Per sample file: number, kind, total in cents (= PayableAmount, negative for credits), currency. */
const EXPECTED = [
  ['en16931-allowances-charges-billingref-dkk.xml', 'TOSL110', 'invoice', 233750, 'DKK', 67500, '2013-05-10'],
  [
    'en16931-be-creditnote-ogm-paymentid.xml',
    '018304 / 28865',
    'credit_note',
    -10011,
    'EUR',
    0,
    '2019-09-23',
  ],
  ['en16931-dkk-invoice-2-lines-doc-charge.xml', 'TOSL108', 'invoice', 200500, 'DKK', 30500, '2013-05-10'],
  ['en16931-eur-discount-price-decimals.xml', 'test decimal 1', 'invoice', 1515, 'EUR', 303, '2018-02-28'],
  [
    'en16931-nl-invoice-10-lines-paymentid-eq-invoiceno.xml',
    '1100512149',
    'invoice',
    109978,
    'EUR',
    19087,
    '2014-11-24',
  ],
  ['en16931-nl-invoice-20-lines-two-ibans.xml', '12115118', 'invoice', 25033, 'EUR', 2073, '2015-01-09'],
  ['en16931-nl-invoice-betalingskenmerk.xml', '20150483', 'invoice', 17787, 'EUR', 3087, '2015-04-14'],
  [
    'peppol-bis3-credit-chain-1-original-invoice-sek.xml',
    '2018133',
    'invoice',
    1000000,
    'SEK',
    216700,
    '2018-03-07',
  ],
  // A credit note without a due date is due when issued.
  [
    'peppol-bis3-credit-chain-2-creditnote-sek.xml',
    '2018140',
    'credit_note',
    -1000000,
    'SEK',
    -216700,
    '2018-02-10',
  ],
  [
    'peppol-bis3-credit-chain-negative-invoice-sek.xml',
    '2018140',
    'credit_note',
    -1000000,
    'SEK',
    -216700,
    '2018-03-07',
  ],
  ['peppol-bis3-factoring-eur-payee-party.xml', '7023708', 'invoice', 11500000, 'EUR', 2300000, '2017-09-29'],
  ['peppol-bis3-interest-invoice-payable-rounding.xml', '2018038', 'invoice', 241600, 'SEK', 0, '2005-03-10'],
  ['peppol-bis3-negative-invoice-dkk.xml', '12345', 'credit_note', -78217943, 'DKK', -15643589, '2019-02-24'],
  // No DueDate; PaymentTerms "50% prepaid, 50% within one month" has no day count: 30 days.
  [
    'peppol-bis3-prepayment-final-invoice-sek.xml',
    '20180112',
    'invoice',
    7500000,
    'SEK',
    9500000,
    '2018-09-01',
  ],
  ['peppol-bis3-sek-4-doc-allowances.xml', '2018210', 'invoice', 83000, 'SEK', 13000, '2018-03-07'],
] as const;

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe.skipIf(!HAS_SAMPLES)('UBL sample files (../shared/samples/ubl)', () => {
  it('imports every file on its own with total = PayableAmount, and re-imports as unchanged', async () => {
    for (const [file, number, kind, totalCents, currency, vatCents, dueDate] of EXPECTED) {
      const org = await createOrg(database);
      const deps = testDeps(database);
      const files = [{ name: file, path: join(UBL_DIR, file) }];
      const first = await importInvoiceFiles(deps, { orgId: org.id, actor, files });
      expect(first, file).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] });
      const stored = await database.db.select().from(invoices).where(eq(invoices.orgId, org.id));
      expect(stored, file).toHaveLength(1);
      expect(stored[0], file).toMatchObject({
        number,
        kind,
        totalCents,
        openCents: totalCents,
        vatCents,
        currency,
        dueDate,
        source: 'ubl',
      });
      const again = await importInvoiceFiles(deps, { orgId: org.id, actor, files });
      expect(again, file).toEqual({ imported: 0, updated: 0, unchanged: 1, rejected: 0, errors: [] });
    }
  });

  it('imports the folder: credit notes reduce what the debtor owes, re-import changes nothing', async () => {
    const org = await createOrg(database);
    const deps = testDeps(database);
    const files = [{ name: 'ubl', path: UBL_DIR }];
    const first = await importInvoiceFiles(deps, { orgId: org.id, actor, files });
    // The credit note 2018140 and the negative invoice 2018140 are the same credit, sent two ways.
    expect(first).toMatchObject({ rejected: 0, errors: [] });
    expect(first.imported + first.updated + first.unchanged).toBe(EXPECTED.length);
    expect(first).toMatchObject({ imported: 14, unchanged: 1 });

    const chain = await database.db
      .select({ debtorId: invoices.debtorId, open: invoices.openCents })
      .from(invoices)
      .where(and(eq(invoices.orgId, org.id), inArray(invoices.number, ['2018133', '2018140'])));
    // Invoice 2018133 of SEK 10,000 and its credit note 2018140 of SEK 10,000: nothing left to pay.
    expect(chain.reduce((sum, i) => sum + i.open, 0)).toBe(0);
    const buyer = await database.db
      .select()
      .from(debtors)
      .where(eq(debtors.id, chain[0]?.debtorId ?? ''));
    const buyerDocuments = await database.db
      .select()
      .from(invoices)
      .where(eq(invoices.debtorId, chain[0]?.debtorId ?? ''));
    expect(buyer[0]?.openCents).toBe(buyerDocuments.reduce((sum, i) => sum + i.openCents, 0));

    const be = await database.db
      .select()
      .from(debtors)
      .where(and(eq(debtors.orgId, org.id), eq(debtors.vatNumber, 'BE0000000295')));
    expect(be[0]).toMatchObject({
      name: 'My Customer Company S.A.',
      country: 'BE',
      companyNumber: '0000000295',
      city: 'BRUXELLES',
      openCents: -10011,
    });
    const credit = await database.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, org.id), eq(invoices.number, '018304 / 28865')));
    expect(credit[0]).toMatchObject({ kind: 'credit_note', paymentReference: '010676609538' });

    const tosl110 = await database.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, org.id), eq(invoices.number, 'TOSL110')));
    expect(tosl110[0]).toMatchObject({ creditedInvoiceNumber: 'TOSL109', paymentReference: 'Payref1' });
    expect(tosl110[0]?.orderDescription).toMatch(/^Order PO4711/);

    const sekContacts = await database.db.select().from(contacts).where(eq(contacts.orgId, org.id));
    expect(sekContacts.map((c) => c.phone)).toContain('+46709876543');

    const events = await database.db.select().from(timelineEvents).where(eq(timelineEvents.orgId, org.id));
    expect(events.filter((e) => e.kind === 'credit_note_imported').length).toBeGreaterThanOrEqual(3);

    const again = await importInvoiceFiles(deps, { orgId: org.id, actor, files });
    expect(again).toEqual({ imported: 0, updated: 0, unchanged: EXPECTED.length, rejected: 0, errors: [] });
  });

  it('imports a .zip of e-invoices and rejects a hostile document inside it without stopping', async () => {
    const org = await createOrg(database);
    const deps = testDeps(database);
    const scratch = await scratchDir();
    try {
      const names = ['en16931-nl-invoice-betalingskenmerk.xml', 'en16931-be-creditnote-ogm-paymentid.xml'];
      const entries = await Promise.all(
        names.map(async (name) => ({ name: `inbox/${name}`, data: await readFile(join(UBL_DIR, name)) })),
      );
      const xxe =
        '<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Invoice><ID>&xxe;</ID></Invoice>';
      const zip = makeZip([
        ...entries,
        { name: 'inbox/evil.xml', data: Buffer.from(xxe) },
        { name: 'inbox/invoice.pdf', data: Buffer.from('%PDF-1.4') },
        { name: '__MACOSX/inbox/._evil.xml', data: Buffer.from('junk') },
      ]);
      const path = await scratch.write('inbox.zip', zip);
      const report = await importInvoiceFiles(deps, {
        orgId: org.id,
        actor,
        files: [{ name: 'inbox.zip', path }],
      });
      expect(report).toEqual({
        imported: 2,
        updated: 0,
        unchanged: 0,
        rejected: 1,
        errors: [
          {
            file: 'inbox.zip/inbox/evil.xml',
            row: 2,
            field: 'file',
            message:
              'DOCTYPE and ENTITY declarations are not allowed in UBL files (refused to prevent XXE and entity expansion)',
          },
        ],
      });
      const again = await importInvoiceFiles(deps, {
        orgId: org.id,
        actor,
        files: [{ name: 'inbox.zip', path }],
      });
      expect(again).toMatchObject({ imported: 0, unchanged: 2, rejected: 1 });
      const broken = await scratch.write('broken.zip', Buffer.from('PK not really'));
      const bad = await importInvoiceFiles(deps, {
        orgId: org.id,
        actor,
        files: [{ name: 'broken.zip', path: broken }],
      });
      expect(bad.errors[0]).toMatchObject({ file: 'broken.zip', row: 0, field: 'file' });
    } finally {
      await scratch.cleanup();
    }
  });
});
