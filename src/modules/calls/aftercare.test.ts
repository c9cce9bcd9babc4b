import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import { outboxMessages, paymentPlans, promises, timelineEvents } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session, testDeps } from '../../test/http.js';
import { importBankStatements } from '../banking/bank-import.service.js';
import { bankEntry, bankFile } from '../banking/test-support.js';
import { findOrganisationById } from '../ledger/organisations.repo.js';
import { monitorPaymentPlans } from '../plans/plan-monitoring.service.js';
import { thankKeptPromises } from './aftercare.service.js';
import { followUpAgreements } from './follow-up.service.js';

/**
 * Aftercare (R6, 001#6): a promise made in the workbench and kept through a bank payment is thanked
 * once when the organisation turns it on; a completed plan is not when it turns that off.
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

let counter = 0;
/** An organisation with a senior, a debtor owing one invoice with a reference, and its contact. */
async function dossier(aftercare: Record<string, boolean>) {
  const { db } = database;
  counter++;
  const org = await createOrganisation(db, {
    slug: `aftercare-${counter}`,
    iban: 'NL91ABNA0417164300',
    creditorName: 'Bakkerij Zon BV',
  });
  const user = await createUser(db, { orgId: org.id, role: 'senior_collector' });
  const debtor = await createDebtor(db, { orgId: org.id, number: 'K-8', name: 'Bouwbedrijf Kaya' });
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
    number: `F-2026-40${counter}`,
    dueDate: '2026-11-10',
    totalCents: 84_250,
    paymentReference: 'RF18539007547034',
  });
  const senior: Session = await login(app, user.email, TEST_PASSWORD);
  const settings = await senior.request({ method: 'PUT', url: '/api/call-settings', payload: { aftercare } });
  expect(settings.statusCode, settings.body).toBe(200);
  return { org, debtor, contact, invoice, senior };
}

async function payByBank(orgId: string, bookingDate: string) {
  const report = await importBankStatements(
    testDeps(database, { clock: fixedClock(`${bookingDate}T12:00:00Z`) }),
    { orgId, userId: null, label: 'bank import (test)' },
    [
      bankFile(`${bookingDate}-${orgId}.xml`, [
        {
          entries: [
            bankEntry({
              amountCents: 84_250,
              bookingDate,
              counterpartyName: 'BOUWBEDRIJF KAYA',
              counterpartyIban: 'NL02ABNA0123456789',
              structuredReference: 'RF18539007547034',
            }),
          ],
        },
      ]),
    ],
  );
  expect(report).toMatchObject({ matched: 1, errors: [] });
}

const loadOrg = async (id: string) => {
  const org = await findOrganisationById(database.db, id);
  if (!org) throw new Error('no organisation');
  return org;
};

describe('aftercare', () => {
  it('thanks a kept promise once, in the debtor’s language, when the organisation sends thank-yous', async () => {
    const { org, debtor, contact, senior } = await dossier({ thankKeptPromises: true });
    const call = await senior.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        contactId: contact.id,
        acknowledgeWarnings: true,
        agreement: { result: 'promise', amount: '842.50', date: '2026-12-11' },
      },
    });
    expect(call.statusCode, call.body).toBe(200);
    const deps = { db: database.db };
    const settled = await loadOrg(org.id);
    // Not kept yet: nothing to thank.
    expect(await thankKeptPromises(deps, { org: settled, today: day('2026-12-09') })).toBe(0);
    await payByBank(org.id, '2026-12-10');
    const [kept] = await database.db.select().from(promises).where(eq(promises.id, call.json().promiseId));
    expect(kept?.status).toBe('kept');

    expect(await thankKeptPromises(deps, { org: settled, today: day('2026-12-10') })).toBe(1);
    expect(await thankKeptPromises(deps, { org: settled, today: day('2026-12-10') })).toBe(0);
    const [thanked] = await database.db.select().from(promises).where(eq(promises.id, call.json().promiseId));
    const [mail] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, thanked?.thankYouMessageId ?? ''));
    expect(mail).toMatchObject({
      status: 'queued',
      toAddress: 'aylin@kaya.test',
      subject: 'Bedankt voor uw betaling',
    });
    expect(mail?.bodyText).toContain('Beste Aylin Kaya,');
    expect(mail?.bodyText).toContain('Factuur F-2026-401 is hiermee betaald.');
    const events = await database.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.debtorId, debtor.id));
    expect(events.map((e) => e.summary)).toContain(
      'Thank-you for the kept promise of 842.50 emailed to aylin@kaya.test',
    );
  });

  it('a promise paid by a payment recorded by hand is kept at once, then thanked', async () => {
    const { org, debtor, contact, invoice, senior } = await dossier({ thankKeptPromises: true });
    const call = await senior.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        contactId: contact.id,
        acknowledgeWarnings: true,
        agreement: { result: 'promise', amount: '842.50', date: '2026-12-11' },
      },
    });
    const paid = await senior.request({
      method: 'POST',
      url: '/api/payments',
      headers: { 'idempotency-key': `aftercare-${org.id}` },
      payload: {
        debtorId: debtor.id,
        date: '2026-12-08',
        amount: '842.50',
        allocations: [{ invoiceId: invoice.id, amount: '842.50' }],
      },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const [kept] = await database.db.select().from(promises).where(eq(promises.id, call.json().promiseId));
    expect(kept?.status).toBe('kept');
    const deps = { db: database.db };
    // Nothing left for the follow-up on Monday 14th, the day the promise of Friday 11th would break.
    expect(await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-14') })).toMatchObject({
      brokenPromises: 0,
      keptPromises: 0,
    });
    expect(await thankKeptPromises(deps, { org: await loadOrg(org.id), today: day('2026-12-08') })).toBe(1);
  });

  it('sends nothing by default, nor for a promise kept longer ago than the window', async () => {
    const quiet = await dossier({});
    const call = await quiet.senior.request({
      method: 'POST',
      url: `/api/debtors/${quiet.debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        contactId: quiet.contact.id,
        acknowledgeWarnings: true,
        agreement: { result: 'promise', amount: '842.50', date: '2026-12-11' },
      },
    });
    expect(call.statusCode, call.body).toBe(200);
    await payByBank(quiet.org.id, '2026-12-10');
    const deps = { db: database.db };
    expect(
      await thankKeptPromises(deps, { org: await loadOrg(quiet.org.id), today: day('2026-12-10') }),
    ).toBe(0);
    // Turned on a month later: that promise is not thanked any more.
    await quiet.senior.request({
      method: 'PUT',
      url: '/api/call-settings',
      payload: { aftercare: { thankKeptPromises: true } },
    });
    expect(
      await thankKeptPromises(deps, { org: await loadOrg(quiet.org.id), today: day('2027-01-11') }),
    ).toBe(0);
    expect(
      await thankKeptPromises(deps, { org: await loadOrg(quiet.org.id), today: day('2026-12-12') }),
    ).toBe(1);
  });

  it('does not thank a completed plan when the organisation turned that off', async () => {
    const { org, debtor, senior } = await dossier({ thankCompletedPlans: false });
    const plan = await senior.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        acknowledgeWarnings: true,
        agreement: {
          result: 'payment_plan',
          total: '842.50',
          instalmentCount: 2,
          firstDueDate: '2026-12-15',
        },
      },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    await payByBank(org.id, '2026-12-10');
    const result = await monitorPaymentPlans(testDeps(database, { clock }), {
      org: await loadOrg(org.id),
      today: day('2026-12-11'),
    });
    expect(result.thankYous).toBe(0);
    const [row] = await database.db
      .select()
      .from(paymentPlans)
      .where(eq(paymentPlans.id, plan.json().planId));
    expect(row).toMatchObject({ status: 'completed', thankYouMessageId: null });
  });
});
