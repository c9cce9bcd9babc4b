import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import { callTasks, invoices, promises, timelineEvents } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, testDeps } from '../../test/http.js';
import { importBankStatements } from '../banking/bank-import.service.js';
import { bankEntry, bankFile } from '../banking/test-support.js';
import { getCallQueue } from './queue.service.js';

/**
 * The whole loop across modules: a collector records a promise in the workbench, the bank
 * statement with the payment is imported, and the promise is kept, the invoice paid and the
 * debtor gone from the call queue — on the embedded database and on PostgreSQL alike.
 */

const clock = fixedClock('2026-12-08T09:00:00Z');
const day = (text: string) => text as CalendarDate;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database, { clock });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a promise made in the workbench', () => {
  it('becomes kept when the statement with the payment is imported', async () => {
    const { db } = database;
    const org = await createOrganisation(db, { slug: 'loop', iban: 'NL91ABNA0417164300' });
    const user = await createUser(db, { orgId: org.id, role: 'collector', values: { language: 'nl' } });
    const debtor = await createDebtor(db, { orgId: org.id, number: 'K-7', name: 'Bouwbedrijf Kaya' });
    const contact = await createContact(db, {
      orgId: org.id,
      debtorId: debtor.id,
      name: 'Aylin Kaya',
      isCollectionsContact: true,
      email: 'aylin@kaya.test',
    });
    const invoice = await createInvoice(db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'F-2026-300',
      dueDate: '2026-11-10',
      totalCents: 84_250,
      paymentReference: 'RF18539007547034',
    });
    const collector = await login(app, user.email, TEST_PASSWORD);
    const inQueue = async () =>
      (
        await getCallQueue(
          testDeps(database, { clock }),
          { orgId: org.id },
          { date: day('2026-12-11'), at: '10:00' },
        )
      ).items.map((i) => i.debtor);

    const call = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        contactId: contact.id,
        acknowledgeWarnings: true,
        agreement: { result: 'promise', amount: '842.50', date: '2026-12-11', method: 'bank_transfer' },
      },
    });
    expect(call.statusCode, call.body).toBe(200);
    const [promise] = await db.select().from(promises).where(eq(promises.debtorId, debtor.id));
    expect(promise).toMatchObject({ status: 'open', amountCents: 84_250, promisedDate: '2026-12-11' });
    // A call the policy asks for on the promised day: the debtor is in that day's queue …
    await db
      .insert(callTasks)
      .values({ orgId: org.id, debtorId: debtor.id, reason: 'dunning_step', dueDate: '2026-12-11' });
    expect(await inQueue()).toContain('K-7');

    const report = await importBankStatements(
      testDeps(database, { clock: fixedClock('2026-12-11T08:00:00Z') }),
      { orgId: org.id, userId: null, label: 'bank import (test)' },
      [
        bankFile('2026-12-10.xml', [
          {
            entries: [
              bankEntry({
                amountCents: 84_250,
                bookingDate: '2026-12-10',
                counterpartyName: 'BOUWBEDRIJF KAYA',
                counterpartyIban: 'NL02ABNA0123456789',
                structuredReference: 'RF18539007547034',
              }),
            ],
          },
        ]),
      ],
    );
    expect(report).toMatchObject({ entries: 1, matched: 1, suggested: 0, unmatched: 0, errors: [] });

    const [after] = await db
      .select()
      .from(promises)
      .where(eq(promises.id, promise?.id ?? ''));
    expect(after?.status).toBe('kept');
    const [paid] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(paid).toMatchObject({ status: 'paid', openCents: 0 });
    const kinds = (await db.select().from(timelineEvents).where(eq(timelineEvents.debtorId, debtor.id))).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['call', 'promise', 'payment_allocated', 'promise_status_changed']),
    );
    // … until the payment settles the balance: nobody calls a debtor who has paid.
    expect(await inQueue()).not.toContain('K-7');
  });
});
