import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { Database } from '../../db/client.js';
import {
  allocations,
  debtors,
  invoices,
  paymentPlanInstalments,
  paymentPlans,
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
import type { Actor } from '../auth/access.js';
import { createPaymentPlan } from '../plans/plans.service.js';
import { recordPayment } from './payments.service.js';

/**
 * A payment recorded by hand on the dossier has the effects of a bank match at once: the promise
 * it pays is kept and the plan instalment it pays is marked paid, in the payment's transaction.
 */
let database: Database;
let org: OrganisationRow;
let actor: Actor;
const deps = () => ({ db: database.db, clock: fixedClock('2026-12-08T09:00:00Z') });

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db, {
    country: 'NL',
    creditorName: 'Drukkerij Van Dijk B.V.',
    addressLine: 'Oudegracht 12',
    postalCode: '3511 AB',
    city: 'Utrecht',
    iban: 'NL91ABNA0417164300',
    senderEmail: 'debiteuren@vandijk.example',
  });
  actor = { orgId: org.id, userId: null, label: 'Sanne (senior)', role: 'senior_collector' };
});
afterAll(() => database.close());

const eventsOf = async (debtorId: string) =>
  (await database.db.select().from(timelineEvents).where(eq(timelineEvents.debtorId, debtorId))).map(
    (e) => e.summary,
  );

describe('a payment recorded by hand', () => {
  it('keeps the open promise it pays at once, once however often it is submitted', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId: org.id, number: 'K-10', name: 'Bouwbedrijf Kaya' });
    const invoice = await createInvoice(db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'F-2026-501',
      dueDate: '2026-11-10',
      totalCents: 60_000,
    });
    // Promised on 1 December: €600 by Friday 11 December (it would break on Monday 14th).
    const [promise] = await db
      .insert(promises)
      .values({
        orgId: org.id,
        debtorId: debtor.id,
        amountCents: 60_000,
        promisedDate: '2026-12-11',
        breaksOn: '2026-12-14',
        createdAt: new Date('2026-12-01T10:00:00Z'),
      })
      .returning();
    if (!promise) throw new Error('no promise');
    await db.insert(promiseInvoices).values({ orgId: org.id, promiseId: promise.id, invoiceId: invoice.id });

    const request = {
      debtorId: debtor.id,
      date: '2026-12-07',
      amount: '600.00',
      reference: 'iDEAL 555',
      allocations: [{ invoiceId: invoice.id, amount: '600.00' }],
      idempotencyKey: 'hand-payment-promise',
    };
    const first = await recordPayment(deps(), actor, request);
    expect(first).toMatchObject({ isReplay: false, payment: { status: 'allocated', unallocated: '0.00' } });

    const [kept] = await db.select().from(promises).where(eq(promises.id, promise.id));
    expect(kept?.status).toBe('kept');
    const [paid] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(paid).toMatchObject({ status: 'paid', openCents: 0 });
    const [balance] = await db.select().from(debtors).where(eq(debtors.id, debtor.id));
    expect(balance).toMatchObject({ openCents: 0, overdueCents: 0 });
    expect(await eventsOf(debtor.id)).toEqual(
      expect.arrayContaining([
        'Payment of 600.00 received on 2026-12-07 (iDEAL 555)',
        '600.00 allocated to invoice F-2026-501; 0.00 still open',
        'Promise of 600.00 by 2026-12-11 kept',
      ]),
    );

    const again = await recordPayment(deps(), actor, request);
    expect(again).toMatchObject({ isReplay: true, payment: { id: first.payment.id } });
    expect(await db.select().from(allocations).where(eq(allocations.invoiceId, invoice.id))).toHaveLength(1);
    expect((await eventsOf(debtor.id)).filter((s) => s.startsWith('Promise of'))).toHaveLength(1);
  });

  it('marks the plan instalment it pays as paid at once', async () => {
    const { db } = database;
    const debtor = await createDebtor(db, { orgId: org.id, number: 'K-11', name: 'Garage Bakker' });
    const invoice = await createInvoice(db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'F-2026-502',
      dueDate: '2026-11-01',
      totalCents: 90_000,
    });
    const created = await createPaymentPlan(deps(), actor, debtor.id, {
      invoiceIds: [invoice.id],
      instalmentCount: 3,
      interval: 'month',
      firstDueDate: '2026-12-15',
      acknowledgeWarnings: true,
    });
    if (!created.created) throw new Error('plan not created');
    const planId = created.plan.id;

    const result = await recordPayment(deps(), actor, {
      debtorId: debtor.id,
      date: '2026-12-08',
      amount: '300.00',
      allocations: [{ invoiceId: invoice.id, amount: '300.00' }],
      idempotencyKey: 'hand-payment-plan',
    });
    expect(result.payment).toMatchObject({ status: 'allocated', allocations: [{ amount: '300.00' }] });

    const instalments = await db
      .select()
      .from(paymentPlanInstalments)
      .where(eq(paymentPlanInstalments.planId, planId))
      .orderBy(asc(paymentPlanInstalments.number));
    expect(instalments.map((i) => [i.status, i.paidCents, i.paidOn])).toEqual([
      ['paid', 30_000, '2026-12-08'],
      ['open', 0, null],
      ['open', 0, null],
    ]);
    const [plan] = await db.select().from(paymentPlans).where(eq(paymentPlans.id, planId));
    expect(plan).toMatchObject({ status: 'active', paidCents: 30_000 });
    const paidEvents = await db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.debtorId, debtor.id), eq(timelineEvents.kind, 'plan_status_changed')));
    expect(paidEvents.map((e) => [e.summary, e.actorLabel])).toEqual([
      ['Instalment 1 of 300.00 paid', 'Sanne (senior)'],
    ]);
  });
});
