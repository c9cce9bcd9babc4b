import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceNumberKey, paymentReferenceKey } from '../../core/matching/keys.js';
import { generateOgm } from '../../core/references/ogm.js';
import type { Database } from '../../db/client.js';
import {
  allocations,
  bankEntries,
  bankFiles,
  debtors,
  invoices,
  payments,
  promiseInvoices,
  promises,
  timelineEvents,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { createDebtor, createInvoice, createOrganisation } from '../../test/factories.js';
import { testDeps } from '../imports/test-support.js';
import { importBankStatements } from './bank-import.service.js';
import { bankEntry, bankFile } from './test-support.js';

let database: Database;
let orgId: string;
const actor = () => ({ orgId, userId: null, label: 'bank import (test)' });
const run = (...files: Parameters<typeof bankFile>[]) =>
  importBankStatements(
    testDeps(database),
    actor(),
    files.map((f) => bankFile(...f)),
  );

const ogm = (seed: number) => {
  const r = generateOgm(seed);
  if (!r.ok) throw new Error(r.reason);
  return r.normalized;
};

const countPayments = async () =>
  (
    await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(eq(payments.orgId, orgId))
  )[0]?.n;
const invoiceRow = async (id: string) =>
  (await database.db.select().from(invoices).where(eq(invoices.id, id)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createOrganisation(database.db, { country: 'BE' })).id;
});
afterAll(async () => database?.close());

describe('importBankStatements', () => {
  it('imports, matches by structured reference and by invoice number, and re-imports nothing twice', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId, name: 'Bakkerij Peeters', country: 'BE' });
    const byRef = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      number: '2026-0101',
      totalCents: 12100,
      paymentReference: `+++${ogm(101).slice(0, 3)}/${ogm(101).slice(3, 7)}/${ogm(101).slice(7)}+++`,
    });
    const byNumber = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      number: 'F2026-0102',
      totalCents: 5000,
    });
    const entries = [
      bankEntry({
        amountCents: 12100,
        counterpartyName: 'PEETERS BVBA',
        counterpartyIban: 'BE68539007547034',
        structuredReference: ogm(101),
        bankReference: 'B-1',
      }),
      bankEntry({ amountCents: 5000, remittance: 'factuur nr. 2026 0102', bankReference: 'B-2' }),
      bankEntry({ amountCents: 777, remittance: 'gift', bankReference: 'B-3' }),
      bankEntry({ amountCents: -2500, remittance: 'office rent', bankReference: 'B-4' }),
    ];
    const first = await run(['day1.xml', [{ entries }]]);
    expect(first).toEqual({
      statements: 1,
      entries: 4,
      duplicates: 0,
      matched: 2,
      suggested: 0,
      unmatched: 1,
      errors: [],
    });
    expect(await invoiceRow(byRef.id)).toMatchObject({ openCents: 0, status: 'paid' });
    expect(await invoiceRow(byNumber.id)).toMatchObject({ openCents: 0, status: 'paid' });
    const [balance] = await db.select().from(debtors).where(eq(debtors.id, debtor.id));
    expect(balance?.openCents).toBe(0);
    const events = await db
      .select({ kind: timelineEvents.kind, summary: timelineEvents.summary })
      .from(timelineEvents)
      .where(eq(timelineEvents.debtorId, debtor.id));
    expect(events.map((e) => e.kind).sort()).toEqual([
      'payment_allocated',
      'payment_allocated',
      'payment_recorded',
      'payment_recorded',
    ]);
    expect(events.find((e) => e.summary.includes('PEETERS'))?.summary).toContain('reference');
    // The rent paid out is a bank entry, not a payment.
    expect(await countPayments()).toBe(3);

    const again = await run(['day1-again.xml', [{ entries }]]);
    expect(again).toMatchObject({ entries: 4, duplicates: 4, matched: 0, unmatched: 0, errors: [] });
    expect(await countPayments()).toBe(3);

    // The next day's statement repeats yesterday's last two lines (the same day) and adds one.
    const overlap = await run([
      'day1-2.xml',
      [
        {
          entries: [
            ...entries.slice(2),
            bankEntry({ amountCents: 4000, remittance: 'new', bankReference: 'B-5' }),
          ],
        },
      ],
    ]);
    expect(overlap).toMatchObject({ entries: 3, duplicates: 2, unmatched: 1 });
    expect(await countPayments()).toBe(4);
    const [file] = await db
      .select()
      .from(bankFiles)
      .where(and(eq(bankFiles.orgId, orgId), eq(bankFiles.fileName, 'day1-2.xml')));
    expect(file).toMatchObject({ entryCount: 3, newEntryCount: 1, duplicateCount: 2, statementCount: 1 });
  });

  it('recognises a notification and the statement of one transaction, but keeps a genuine double payment', async () => {
    const line = {
      amountCents: 3300,
      bookingDate: '2026-03-03',
      counterpartyIban: 'NL91ABNA0417164300',
      endToEndId: 'E2E-3300',
    };
    const notification = await run([
      'camt054.xml',
      [{ entries: [bankEntry({ ...line, remittance: 'Order\n4711', bankReference: 'NTF-1' })] }],
    ]);
    expect(notification.duplicates).toBe(0);
    const before = await countPayments();
    // The statement has its own bank references and wraps the text differently, and holds the
    // transaction twice: the debtor paid twice that day.
    const statement = await run([
      'camt053.xml',
      [
        {
          entries: [
            bankEntry({ ...line, remittance: 'Order 4711', bankReference: 'STM-1' }),
            bankEntry({ ...line, remittance: 'Order 4711', bankReference: 'STM-2' }),
          ],
        },
      ],
    ]);
    expect(statement).toMatchObject({ entries: 2, duplicates: 1 });
    expect(await countPayments()).toBe((before ?? 0) + 1);
  });

  it('reports a broken entry, a parser error and a balance mismatch with their places, and imports the rest', async () => {
    const report = await run([
      'broken.sta',
      [
        {
          entries: [
            bankEntry({ amountCents: 100, remittance: 'good 1', bookingDate: '2026-03-04' }),
            bankEntry({ amountCents: 200, remittance: 'bad date', bookingDate: '2026-02-30' }),
            { error: 'amount "12,3,4" is not an amount' },
            bankEntry({ amountCents: 300, remittance: 'good 2', bookingDate: '2026-03-04' }),
          ],
          openingCents: 0,
          closingCents: 999,
        },
      ],
    ]);
    expect(report.errors).toEqual([
      {
        file: 'broken.sta',
        entry: 'statement 1, entry 2',
        message: 'booking date "2026-02-30" is not a date',
      },
      { file: 'broken.sta', entry: 'statement 1, entry 3', message: 'amount "12,3,4" is not an amount' },
      {
        file: 'broken.sta',
        entry: 'statement 1',
        message: 'the balances do not add up: opening 0.00 + entries 6.00 is not the closing balance 9.99',
      },
    ]);
    expect(report).toMatchObject({ entries: 3, unmatched: 2 });
    const stored = await database.db
      .select({ remittance: bankEntries.remittance })
      .from(bankEntries)
      .where(and(eq(bankEntries.orgId, orgId), eq(bankEntries.bookingDate, '2026-03-04')));
    expect(stored.map((s) => s.remittance).sort()).toEqual(['good 1', 'good 2']);
  });

  it('imports the same file twice at the same time: every entry, payment and allocation once', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId, name: 'Schrijnwerkerij Claes', country: 'BE' });
    const paid = await Promise.all(
      [401, 402, 403].map((seed) =>
        createInvoice(db, {
          orgId,
          debtorId: debtor.id,
          number: `2026-0${seed}`,
          totalCents: 1000 * (seed - 400),
          paymentReference: ogm(seed),
        }),
      ),
    );
    const file = (): Parameters<typeof bankFile> => [
      'twice.xml',
      [
        {
          entries: paid.map((invoice, i) =>
            bankEntry({
              amountCents: invoice.totalCents,
              structuredReference: ogm(401 + i),
              bankReference: `T-${i}`,
            }),
          ),
        },
      ],
    ];
    const before = await countPayments();
    const reports = await Promise.all([run(file()), run(file())]);
    expect(reports.map((r) => r.entries)).toEqual([3, 3]);
    expect(reports.reduce((sum, r) => sum + r.duplicates, 0)).toBe(3);
    expect(reports.reduce((sum, r) => sum + r.matched, 0)).toBe(3);
    expect(await countPayments()).toBe((before ?? 0) + 3);
    for (const invoice of paid) {
      expect(await invoiceRow(invoice.id)).toMatchObject({ openCents: 0, status: 'paid' });
      const allocated = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(allocations)
        .where(eq(allocations.invoiceId, invoice.id));
      expect(allocated[0]?.n).toBe(1);
    }
  });

  // Needs a second connection that holds a row lock meanwhile: PostgreSQL only.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'decides again when an invoice changes after the matching read it',
    async () => {
      const { db } = database;
      const debtor = await createDebtor(db, { orgId, name: 'Glasatelier Wouters', country: 'BE' });
      const invoice = await createInvoice(db, {
        orgId,
        debtorId: debtor.id,
        number: '2026-0501',
        totalCents: 6000,
        paymentReference: ogm(501),
      });
      // A colleague's transaction books 10.00 off the invoice and commits once the import waits for it.
      let commit = () => {};
      const colleague = db.transaction(async (tx) => {
        await tx.update(invoices).set({ openCents: 5000 }).where(eq(invoices.id, invoice.id));
        await new Promise<void>((resolve) => {
          commit = resolve;
        });
      });
      const report = run([
        'changed.xml',
        [
          {
            entries: [bankEntry({ amountCents: 6000, structuredReference: ogm(501), bankReference: 'W-1' })],
          },
        ],
      ]);
      for (;;) {
        const [waiting] = await database.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if ((waiting?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      commit();
      await colleague;
      expect(await report).toMatchObject({ entries: 1, matched: 1 });
      expect(await invoiceRow(invoice.id)).toMatchObject({ openCents: 0, status: 'paid' });
      const allocated = await db
        .select({ amount: allocations.amountCents })
        .from(allocations)
        .where(eq(allocations.invoiceId, invoice.id));
      // Decided on the 50.00 still open, not on the 60.00 read before: 10.00 stays as credit.
      expect(allocated).toEqual([{ amount: 5000 }]);
    },
  );

  it('takes a returned direct debit back: its invoice reopens', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId, name: 'Garage Janssens', country: 'BE' });
    const invoice = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      number: '2026-0201',
      totalCents: 8000,
      paymentReference: ogm(201),
    });
    const paid = {
      counterpartyIban: 'BE71096123456769',
      endToEndId: 'DD-2026-0201',
      structuredReference: ogm(201),
    };
    await run([
      'dd.xml',
      [{ entries: [bankEntry({ amountCents: 8000, bookingDate: '2026-03-05', ...paid })] }],
    ]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ openCents: 0, status: 'paid' });
    const returned = await run([
      'return.xml',
      [
        {
          entries: [
            bankEntry({
              amountCents: -8000,
              bookingDate: '2026-03-09',
              isReversal: true,
              returnReason: 'MD06',
              ...paid,
            }),
          ],
        },
      ],
    ]);
    expect(returned).toMatchObject({ matched: 1, unmatched: 0 });
    expect(await invoiceRow(invoice.id)).toMatchObject({ openCents: 8000, status: 'open' });
    const debtorPayments = await db
      .select({ amount: payments.amountCents, status: payments.status })
      .from(payments)
      .where(eq(payments.debtorId, debtor.id))
      .orderBy(payments.date);
    expect(debtorPayments).toEqual([
      { amount: 8000, status: 'reversed' },
      { amount: -8000, status: 'allocated' },
    ]);
    const net = await db
      .select({ total: sql<number>`sum(${allocations.amountCents})::int` })
      .from(allocations)
      .where(eq(allocations.invoiceId, invoice.id));
    expect(net[0]?.total).toBe(0);
  });

  it('keeps a promise when the statement brings its payment by the promised date', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId, name: 'Drukkerij Maes', country: 'BE' });
    const invoice = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      number: '2026-0301',
      totalCents: 45000,
      paymentReference: ogm(301),
    });
    const [promise] = await db
      .insert(promises)
      .values({ orgId, debtorId: debtor.id, amountCents: 45000, promisedDate: '2026-03-10' })
      .returning();
    if (!promise) throw new Error('no promise');
    await db.insert(promiseInvoices).values({ orgId, promiseId: promise.id, invoiceId: invoice.id });
    await run([
      'promise.xml',
      [
        {
          entries: [
            bankEntry({ amountCents: 45000, bookingDate: '2026-03-09', remittance: `+++${ogm(301)}+++` }),
          ],
        },
      ],
    ]);
    const [after] = await db.select().from(promises).where(eq(promises.id, promise.id));
    expect(after?.status).toBe('kept');
    const kinds = await db
      .select({ kind: timelineEvents.kind, summary: timelineEvents.summary })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.debtorId, debtor.id), eq(timelineEvents.kind, 'promise_status_changed')));
    expect(kinds).toEqual([
      { kind: 'promise_status_changed', summary: 'Promise of 450.00 by 2026-03-10 kept' },
    ]);
  });

  it('derives the same invoice keys in the database as the matching does in code', async () => {
    const debtor = await createDebtor(database.db, { orgId, country: 'BE' });
    const samples = [
      ['F2024-00123', '+++000/0000/04242+++'],
      ['Factuurnr. 0042-A', 'rf18 5390 0754 7034'],
      ['INV/2026/0007', '5000 0567 8901 2345'],
      ['FACTUUR', ' - '],
      ['nº 17', null],
    ] as const;
    for (const [number, paymentReference] of samples) {
      const row = await createInvoice(database.db, { orgId, debtorId: debtor.id, number, paymentReference });
      expect([row.numberKey, row.paymentReferenceKey]).toEqual([
        invoiceNumberKey(number),
        paymentReference === null ? null : paymentReferenceKey(paymentReference),
      ]);
    }
  });

  it('pays several invoices named by the structured references of one camt payment', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId, name: 'Bouw Wouters', country: 'BE' });
    const first = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      number: 'W-1',
      totalCents: 1000,
      paymentReference: ogm(401),
    });
    const second = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      number: 'W-2',
      totalCents: 2500,
      paymentReference: ogm(402),
    });
    const report = await run([
      'strd.xml',
      [
        {
          entries: [
            bankEntry({
              amountCents: 3500,
              bookingDate: '2026-03-06',
              structuredReference: ogm(401),
              additionalStructuredReferences: [ogm(402)],
            }),
          ],
        },
      ],
    ]);
    expect(report).toMatchObject({ matched: 1, unmatched: 0 });
    expect((await invoiceRow(first.id))?.status).toBe('paid');
    expect((await invoiceRow(second.id))?.status).toBe('paid');
  });

  it('lets a payment that names its invoice have it before a line above it matched only by IBAN and amount', async () => {
    const { db } = database;
    const iban = 'NL02ABNA0123456789';
    const debtor = await createDebtor(db, { orgId, name: 'Garage Claes', country: 'BE' });
    const earlier = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      totalCents: 1500,
      paymentReference: ogm(601),
    });
    const named = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      totalCents: 3000,
      paymentReference: ogm(602),
    });
    // The IBAN is learned from a payment of the debtor's.
    await run([
      'claes-1.xml',
      [
        {
          entries: [bankEntry({ amountCents: 1500, counterpartyIban: iban, structuredReference: ogm(601) })],
        },
      ],
    ]);
    expect((await invoiceRow(earlier.id))?.status).toBe('paid');

    const report = await run([
      'claes-2.xml',
      [
        {
          entries: [
            bankEntry({
              amountCents: 3000,
              counterpartyIban: iban,
              remittance: 'betaling',
              bankReference: 'C-1',
            }),
            bankEntry({ amountCents: 3000, structuredReference: ogm(602), bankReference: 'C-2' }),
          ],
        },
      ],
    ]);
    // In statement order the first line would have taken the invoice by IBAN and amount and left
    // the payment that names it as "already paid"; the named one is decided first.
    expect(report).toMatchObject({ matched: 1, unmatched: 1 });
    expect(await invoiceRow(named.id)).toMatchObject({ openCents: 0, status: 'paid' });
    const [allocation] = await db
      .select({ reference: payments.reference })
      .from(allocations)
      .innerJoin(payments, eq(payments.id, allocations.paymentId))
      .where(eq(allocations.invoiceId, named.id));
    expect(allocation?.reference).toBe(ogm(602));
  });

  it.each([
    ['booked the next business day', '2026-03-16', 'kept'],
    ['booked a week late', '2026-03-20', 'partially_kept'],
  ])('counts a payment %s for a promise due on a Friday as %s', async (_, bookingDate, status) => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId, country: 'BE' });
    const seed = bookingDate === '2026-03-16' ? 501 : 502;
    const invoice = await createInvoice(db, {
      orgId,
      debtorId: debtor.id,
      totalCents: 7000,
      paymentReference: ogm(seed),
    });
    const [promise] = await db
      .insert(promises)
      .values({ orgId, debtorId: debtor.id, amountCents: 7000, promisedDate: '2026-03-13' })
      .returning();
    if (!promise) throw new Error('no promise');
    await db.insert(promiseInvoices).values({ orgId, promiseId: promise.id, invoiceId: invoice.id });
    await run([
      `late-${seed}.xml`,
      [{ entries: [bankEntry({ amountCents: 7000, bookingDate, structuredReference: ogm(seed) })] }],
    ]);
    const [after] = await db.select().from(promises).where(eq(promises.id, promise.id));
    expect(after?.status).toBe(status);
  });
});
