import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import {
  agreementConfirmations,
  allocations,
  callTasks,
  payments,
  promiseInvoices,
  promises,
  timelineEvents,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createDebtor,
  createInvoice,
  createOrganisation,
  type OrganisationRow,
} from '../../test/factories.js';
import { followUpAgreements } from './follow-up.service.js';

const day = (text: string) => text as CalendarDate;
let database: Database;
let org: OrganisationRow;
let partlyPaid: string;
let unpaid: string;
let notYet: string;
let fullyPaid: string;

/** Four promises made on 1 December 2026: €600 by Friday 11 December (break day Monday 14th). */
beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  org = await createOrganisation(db);
  const promise = async (breaksOn: string, paidCents: number) => {
    const debtor = await createDebtor(db, { orgId: org.id });
    const invoice = await createInvoice(db, { orgId: org.id, debtorId: debtor.id, totalCents: 60_000 });
    const [row] = await db
      .insert(promises)
      .values({
        orgId: org.id,
        debtorId: debtor.id,
        amountCents: 60_000,
        promisedDate: '2026-12-11',
        breaksOn,
        createdAt: new Date('2026-12-01T10:00:00Z'),
      })
      .returning();
    if (!row) throw new Error('no promise');
    await db.insert(promiseInvoices).values({ orgId: org.id, promiseId: row.id, invoiceId: invoice.id });
    if (paidCents > 0) {
      const [payment] = await db
        .insert(payments)
        .values({ orgId: org.id, debtorId: debtor.id, date: '2026-12-10', amountCents: paidCents })
        .returning();
      if (!payment) throw new Error('no payment');
      await db
        .insert(allocations)
        .values({ orgId: org.id, paymentId: payment.id, invoiceId: invoice.id, amountCents: paidCents });
    }
    return row.id;
  };
  partlyPaid = await promise('2026-12-14', 25_000);
  unpaid = await promise('2026-12-14', 0);
  notYet = await promise('2026-12-15', 0);
  // Paid in full by an allocation written directly (not through MatchWrites, which keeps it at once).
  fullyPaid = await promise('2026-12-14', 60_000);
});
afterAll(() => database.close());

describe('the daily follow-up of promises', () => {
  it('breaks what is due, partly kept when some money came in, keeps what was paid, and requeues each debtor once', async () => {
    const deps = { db: database.db };
    expect(await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-11') })).toEqual({
      brokenPromises: 0,
      keptPromises: 0,
      unconfirmedAgreements: 0,
    });
    expect(await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-14') })).toEqual({
      brokenPromises: 2,
      keptPromises: 1,
      unconfirmedAgreements: 0,
    });
    const status = async (id: string) =>
      (await database.db.select().from(promises).where(eq(promises.id, id)))[0];
    expect(await status(partlyPaid)).toMatchObject({ status: 'partially_kept', paidCents: 25_000 });
    expect(await status(unpaid)).toMatchObject({ status: 'broken', paidCents: 0 });
    expect((await status(notYet))?.status).toBe('open');
    expect(await status(fullyPaid)).toMatchObject({ status: 'kept', paidCents: 60_000 });
    const tasks = await database.db.select().from(callTasks).where(eq(callTasks.orgId, org.id));
    expect(tasks.map((t) => [t.reason, t.dueDate, t.note]).sort()).toEqual([
      ['broken_promise', '2026-12-14', 'Promise of 600.00 by 2026-12-11 not kept'],
      ['broken_promise', '2026-12-14', 'Promise of 600.00 by 2026-12-11 not kept'],
    ]);
    const events = await database.db.select().from(timelineEvents).where(eq(timelineEvents.orgId, org.id));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Promise of 600.00 by 2026-12-11 broken: back in the call queue',
      'Promise of 600.00 by 2026-12-11 kept',
      'Promise of 600.00 by 2026-12-11 partially kept: back in the call queue',
    ]);
    expect((await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-15') })).brokenPromises).toBe(
      1,
    );
    expect((await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-15') })).brokenPromises).toBe(
      0,
    );
  });
});

describe('the daily follow-up of confirmations', () => {
  it("waits the organisation's own term, the one in force today, before an unconfirmed agreement becomes a task", async () => {
    const { db } = database;
    const patient = await createOrganisation(db, { callSettings: { confirmationWithinBusinessDays: 3 } });
    const debtor = await createDebtor(db, { orgId: patient.id });
    const [promise] = await db
      .insert(promises)
      .values({
        orgId: patient.id,
        debtorId: debtor.id,
        amountCents: 10_000,
        promisedDate: '2026-12-31',
        breaksOn: '2027-01-04',
      })
      .returning();
    // Emailed Tuesday 8 December while the term was the default two days (due Thursday).
    await db.insert(agreementConfirmations).values({
      orgId: patient.id,
      debtorId: debtor.id,
      promiseId: promise?.id,
      tokenHash: `hash-${patient.id}`,
      sentOn: '2026-12-08',
      confirmBy: '2026-12-10',
    });
    const deps = { db };
    const unconfirmed = async (today: string) =>
      (await followUpAgreements(deps, { orgId: patient.id, today: day(today) })).unconfirmedAgreements;
    expect(await unconfirmed('2026-12-10')).toBe(0);
    expect(await unconfirmed('2026-12-11')).toBe(1);
    const tasks = await db.select().from(callTasks).where(eq(callTasks.orgId, patient.id));
    expect(tasks.map((t) => [t.reason, t.dueDate, t.promiseId])).toEqual([
      ['agreement_unconfirmed', '2026-12-11', promise?.id],
    ]);
  });
});
