import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import { debtors, invoices, organisations, timelineEvents } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { refreshDebtorBalances } from './balances.repo.js';
import { appendTimeline } from './timeline.repo.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('debtor balances and timeline', () => {
  it('keeps open and overdue balances and refuses to rewrite history', async () => {
    const { db } = database;
    const [org] = await db
      .insert(organisations)
      .values({ slug: 'acme', name: 'Acme', country: 'NL', creditorName: 'Acme BV' })
      .returning();
    if (!org) throw new Error('no org');
    const [debtor] = await db
      .insert(debtors)
      .values({ orgId: org.id, number: 'D1', name: 'Bakkerij Jansen', country: 'NL', language: 'nl' })
      .returning();
    if (!debtor) throw new Error('no debtor');
    await db.insert(invoices).values([
      {
        orgId: org.id,
        debtorId: debtor.id,
        number: 'F1',
        issueDate: '2026-01-01',
        dueDate: '2026-01-31',
        totalCents: 10000,
        openCents: 10000,
      },
      {
        orgId: org.id,
        debtorId: debtor.id,
        number: 'F2',
        issueDate: '2026-02-01',
        dueDate: '2026-03-03',
        totalCents: 5000,
        openCents: 2500,
        status: 'partially_paid',
      },
      {
        orgId: org.id,
        debtorId: debtor.id,
        number: 'F3',
        issueDate: '2026-03-01',
        dueDate: '2026-04-30',
        totalCents: 7000,
        openCents: 7000,
      },
      {
        orgId: org.id,
        debtorId: debtor.id,
        number: 'C1',
        kind: 'credit_note',
        issueDate: '2026-03-05',
        dueDate: '2026-03-05',
        totalCents: -1500,
        openCents: -1500,
      },
    ]);
    await refreshDebtorBalances(db, { orgId: org.id, today: '2026-03-15' as CalendarDate });
    const [row] = await db.select().from(debtors);
    expect(row).toMatchObject({
      openCents: 18000,
      overdueCents: 12500,
      oldestOverdueDueDate: '2026-01-31',
      openInvoiceCount: 3,
    });

    await appendTimeline(db, [
      { orgId: org.id, debtorId: debtor.id, kind: 'note', actorLabel: 'test', summary: 'Called' },
    ]);
    await expect(db.update(timelineEvents).set({ summary: 'changed' })).rejects.toThrow();
    await expect(db.delete(timelineEvents)).rejects.toThrow();
    expect(await db.select().from(timelineEvents)).toHaveLength(1);
  });
});
