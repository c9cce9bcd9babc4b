import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import { allocations, calls, disputes, payments } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  type OrganisationRow,
} from '../../test/factories.js';
import { testDeps } from '../../test/http.js';
import { getCallQueue } from './queue.service.js';

/**
 * The queue's reasons that come from the ledger rather than from a call task, on Tuesday
 * 8 December 2026: disputes resolved in the last seven days, and overdue balances that grew fast
 * in the last fourteen (since 24 November).
 */
const TUESDAY = '2026-12-08' as CalendarDate;

let database: Database;
let org: OrganisationRow;
const disputeIds: Record<string, string> = {};

async function debtorWith(
  number: string,
  invoices: { dueDate: string; totalCents: number; openCents?: number }[],
) {
  const { db } = database;
  const debtor = await createDebtor(db, { orgId: org.id, number });
  await createContact(db, { orgId: org.id, debtorId: debtor.id, phone: '+31201234567' });
  const rows = [];
  for (const invoice of invoices) {
    rows.push(
      await createInvoice(db, {
        orgId: org.id,
        debtorId: debtor.id,
        ...invoice,
        ...(invoice.openCents === 0 ? { status: 'paid' as const } : {}),
      }),
    );
  }
  return { debtor, invoices: rows };
}

async function resolvedDispute(number: string, resolvedAt: string, calledAt?: string) {
  const { debtor, invoices } = await debtorWith(number, [{ dueDate: '2026-11-15', totalCents: 80_000 }]);
  const invoice = invoices[0];
  if (!invoice) throw new Error('no invoice');
  const [dispute] = await database.db
    .insert(disputes)
    .values({
      orgId: org.id,
      debtorId: debtor.id,
      invoiceId: invoice.id,
      reason: 'Wrong quantity',
      status: 'resolved',
      openedAt: new Date('2026-11-20T10:00:00Z'),
      resolvedAt: new Date(resolvedAt),
    })
    .returning();
  if (dispute) disputeIds[number] = dispute.id;
  if (calledAt) {
    await database.db.insert(calls).values({
      orgId: org.id,
      debtorId: debtor.id,
      startedAt: new Date(calledAt),
      outcome: 'reached',
      localHour: 17,
      localWeekday: 1,
    });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db, { slug: 'sources' });

  // €500 overdue since October, €2,000 more fell due on 30 November: +400 %.
  await debtorWith('GROWING', [
    { dueDate: '2026-10-01', totalCents: 50_000 },
    { dueDate: '2026-11-30', totalCents: 200_000 },
  ]);
  // €5,000 → €6,500: €1,500 more, but only 30 %.
  await debtorWith('STEADY', [
    { dueDate: '2026-10-01', totalCents: 500_000 },
    { dueDate: '2026-11-30', totalCents: 150_000 },
  ]);
  // €1,500 fell due, but the €3,000 overdue since October was paid on 1 December: it shrank.
  const paying = await debtorWith('PAYING', [
    { dueDate: '2026-10-01', totalCents: 300_000, openCents: 0 },
    { dueDate: '2026-11-30', totalCents: 150_000 },
  ]);
  const [payment] = await database.db
    .insert(payments)
    .values({ orgId: org.id, debtorId: paying.debtor.id, date: '2026-12-01', amountCents: 300_000 })
    .returning();
  const paidInvoice = paying.invoices[0];
  if (!payment || !paidInvoice) throw new Error('no payment');
  await database.db
    .insert(allocations)
    .values({ orgId: org.id, paymentId: payment.id, invoiceId: paidInvoice.id, amountCents: 300_000 });

  await resolvedDispute('RESOLVED', '2026-12-07T15:00:00Z');
  await resolvedDispute('RESOLVED-CALLED', '2026-12-07T15:00:00Z', '2026-12-07T16:00:00Z');
  await resolvedDispute('RESOLVED-LONG-AGO', '2026-11-20T15:00:00Z');
  // Resolved, nothing overdue, but the invoice is still open: still worth a call.
  const { debtor } = await debtorWith('RESOLVED-NOT-DUE', [{ dueDate: '2026-12-20', totalCents: 60_000 }]);
  const [notDue] = await database.db
    .insert(disputes)
    .values({
      orgId: org.id,
      debtorId: debtor.id,
      invoiceId: (
        await createInvoice(database.db, { orgId: org.id, debtorId: debtor.id, dueDate: '2026-12-22' })
      ).id,
      reason: 'Credit note promised',
      status: 'resolved',
      openedAt: new Date('2026-12-01T10:00:00Z'),
      resolvedAt: new Date('2026-12-08T08:00:00Z'),
    })
    .returning();
  if (notDue) disputeIds['RESOLVED-NOT-DUE'] = notDue.id;
});
afterAll(() => database.close());

describe('reasons from the ledger', () => {
  it('calls a debtor whose overdue balance grew fast, not one that grew slowly or paid meanwhile', async () => {
    const queue = await getCallQueue(testDeps(database), { orgId: org.id }, { date: TUESDAY, at: '10:00' });
    const reasons = Object.fromEntries(queue.items.map((i) => [i.debtor, i.reasons]));
    expect(reasons.GROWING).toEqual(['fast_growing_overdue']);
    expect(reasons).not.toHaveProperty('STEADY');
    expect(reasons).not.toHaveProperty('PAYING');
  });

  it('calls after a dispute resolved this week while something is open and nobody called since', async () => {
    const queue = await getCallQueue(testDeps(database), { orgId: org.id }, { date: TUESDAY, at: '10:00' });
    const byNumber = new Map(queue.items.map((i) => [i.debtor, i]));
    expect(byNumber.get('RESOLVED')).toMatchObject({
      reason: 'dispute_resolved',
      sourceIds: [disputeIds.RESOLVED],
    });
    expect(byNumber.get('RESOLVED-NOT-DUE')).toMatchObject({
      reason: 'dispute_resolved',
      sourceIds: [disputeIds['RESOLVED-NOT-DUE']],
    });
    expect(byNumber.has('RESOLVED-CALLED')).toBe(false);
    expect(byNumber.has('RESOLVED-LONG-AGO')).toBe(false);
    // A week later the resolution is too old to be a reason by itself.
    const later = await getCallQueue(
      testDeps(database),
      { orgId: org.id },
      { date: '2026-12-15' as CalendarDate, at: '10:00' },
    );
    expect(later.items.map((i) => i.debtor)).not.toContain('RESOLVED');
  });
});
