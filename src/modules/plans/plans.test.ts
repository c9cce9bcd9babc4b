import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import { generateBetalingskenmerk } from '../../core/references/betalingskenmerk.js';
import type { Database } from '../../db/client.js';
import {
  callTasks,
  documents,
  dunningActionInvoices,
  outboxMessages,
  paymentPlanInstalments,
  paymentPlans,
  timelineEvents,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  type OrganisationRow,
} from '../../test/factories.js';
import type { Actor } from '../auth/access.js';
import { importBankStatements } from '../banking/bank-import.service.js';
import { bankEntry, bankFile } from '../banking/test-support.js';
import { runDunning } from '../dunning/dunning-run.service.js';
import { monitorPaymentPlans } from './plan-monitoring.service.js';
import {
  cancelPaymentPlan,
  createPaymentPlan,
  findDebtorPaymentPlans,
  previewPaymentPlan,
} from './plans.service.js';

let database: Database;
let org: OrganisationRow;
let actor: Actor;
const at = (date: string) => ({ db: database.db, clock: fixedClock(`${date}T09:00:00Z`) });
const monitor = (date: string) => monitorPaymentPlans(at(date), { org, today: date as CalendarDate });
const kenmerk = (seed: number) => {
  const r = generateBetalingskenmerk(seed);
  if (!r.ok) throw new Error(r.reason);
  return r.normalized;
};
let fileCounter = 0;
const pay = (date: string, entries: Parameters<typeof bankEntry>[0][]) =>
  importBankStatements(at(date), { orgId: org.id, userId: null, label: 'bank import (test)' }, [
    bankFile(`plan-test-${++fileCounter}.xml`, [
      {
        entries: entries.map((e) =>
          bankEntry({ bookingDate: date, bankReference: `B-${fileCounter}`, ...e }),
        ),
      },
    ]),
  ]);
const instalments = async (planId: string) =>
  database.db
    .select()
    .from(paymentPlanInstalments)
    .where(eq(paymentPlanInstalments.planId, planId))
    .orderBy(asc(paymentPlanInstalments.number));
const planRow = async (planId: string) =>
  (await database.db.select().from(paymentPlans).where(eq(paymentPlans.id, planId)))[0];
const tasksOf = (planId: string) => database.db.select().from(callTasks).where(eq(callTasks.planId, planId));

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
    companyNumber: '12345678',
    paymentReferenceKind: 'kenmerk',
  });
  actor = { orgId: org.id, userId: null, label: 'Sanne (collector)', role: 'collector' };
});
afterAll(() => database.close());

describe('a payment plan from the dossier', () => {
  let planId: string;
  let debtorId: string;
  const reference = kenmerk(4711);

  it('previews the schedule with warnings, saves only once they are acknowledged, and sends the letter', async () => {
    const debtor = await createDebtor(database.db, {
      orgId: org.id,
      number: 'K-200',
      name: 'Bouwbedrijf De Graaf',
      addressLine: 'Kerkstraat 5',
      postalCode: '1234 AB',
      city: 'Amersfoort',
    });
    debtorId = debtor.id;
    const contact = await createContact(database.db, {
      orgId: org.id,
      debtorId,
      name: 'Karin de Graaf',
      email: 'karin@degraaf.example',
      isCollectionsContact: true,
    });
    const invoice = await createInvoice(database.db, {
      orgId: org.id,
      debtorId,
      number: '2026-0042',
      dueDate: '2026-02-15',
      totalCents: 90000,
      paymentReference: reference,
      orderDescription: 'Drukwerk voorjaarscatalogus',
    });
    const proposal = {
      invoiceIds: [invoice.id],
      instalmentCount: 3,
      interval: 'month' as const,
      firstDueDate: '2026-03-21', // a Saturday: moved to Monday 23 March
    };
    const preview = await previewPaymentPlan(at('2026-03-16'), actor, debtorId, proposal);
    expect(preview.totalCents).toBe(90000);
    expect(preview.instalments.map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2026-03-23', 30000],
      ['2026-04-21', 30000],
      ['2026-05-21', 30000],
    ]);
    // Every instalment carries the invoice's own betalingskenmerk, formatted.
    expect(new Set(preview.instalments.map((i) => i.reference)).size).toBe(1);
    expect(preview.instalments[0]?.reference.replaceAll(' ', '')).toBe(reference);
    expect(preview.warnings.map((w) => w.code)).toEqual(['contact_unknown']);

    const refused = await createPaymentPlan(at('2026-03-16'), actor, debtorId, proposal);
    expect(refused.created).toBe(false);
    expect(
      await database.db.select().from(paymentPlans).where(eq(paymentPlans.debtorId, debtorId)),
    ).toHaveLength(0);

    const created = await createPaymentPlan(at('2026-03-16'), actor, debtorId, {
      ...proposal,
      contactId: contact.id,
    });
    if (!created.created) throw new Error('plan not created');
    planId = created.plan.id;
    expect(created.plan).toMatchObject({
      status: 'active',
      totalCents: 90000,
      interval: 'month',
      graceDays: 10,
    });
    expect(created.plan.invoices.map((i) => i.number)).toEqual(['2026-0042']);

    const [message] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, created.outboxMessageId));
    expect(message).toMatchObject({
      status: 'queued',
      toAddress: 'karin@degraaf.example',
      subject: 'Bevestiging van uw betalingsregeling (3 termijnen)',
    });
    expect(message?.bodyText).toContain('Beste Karin de Graaf,');
    expect(message?.bodyText).toContain('Termijn 2, uiterlijk 21 april 2026');
    expect(message?.bodyText).toContain(
      'Is de achterstand 10 werkdagen na de vervaldatum nog niet ingelopen',
    );
    const [document] = await database.db
      .select()
      .from(documents)
      .where(eq(documents.id, message?.documentId ?? ''));
    expect(
      Buffer.from(document?.content ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftoppm') && document) {
      const dir = join(tmpdir(), 'collectdesk-plan-letter');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'plan-letter-nl.pdf'), document.content);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        join(dir, 'plan-letter-nl.pdf'),
        join(dir, 'plan-letter-nl'),
      ]);
      expect(existsSync(join(dir, 'plan-letter-nl-1.png'))).toBe(true);
    }
    const [event] = await database.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.debtorId, debtorId), eq(timelineEvents.kind, 'plan')));
    expect(event?.summary).toContain('3 instalments (2026-03-23 to 2026-05-21) for 2026-0042');
    expect(event?.data).toMatchObject({ origin: 'dossier', acknowledgedWarnings: [] });
  });

  it('refuses a second plan for the same invoice', async () => {
    const [plan] = await findDebtorPaymentPlans(at('2026-03-16'), actor, debtorId);
    await expect(
      createPaymentPlan(at('2026-03-16'), actor, debtorId, {
        invoiceIds: plan?.invoices.map((i) => i.id) ?? [],
        instalmentCount: 2,
        interval: 'month',
        firstDueDate: '2026-04-01',
        acknowledgeWarnings: true,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('marks instalment 1 paid when the bank statement with its payment is imported', async () => {
    const report = await pay('2026-03-20', [{ amountCents: 30000, structuredReference: reference }]);
    expect(report.matched).toBe(1);
    // At once, by the import itself: the daily check finds nothing left to pay.
    const paidRows = [
      ['paid', 30000, '2026-03-20'],
      ['open', 0, null],
      ['open', 0, null],
    ];
    const rows = async () => (await instalments(planId)).map((r) => [r.status, r.paidCents, r.paidOn]);
    expect(await rows()).toEqual(paidRows);
    expect((await planRow(planId))?.paidCents).toBe(30000);
    const events = await database.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.debtorId, debtorId));
    expect(events.filter((e) => e.summary === 'Instalment 1 of 300.00 paid')).toHaveLength(1);
    const result = await monitor('2026-03-23');
    expect(result).toMatchObject({ instalmentsPaid: 0, inArrears: 0, callTasks: 0 });
    expect(await rows()).toEqual(paidRows);
  });

  it('puts the plan in arrears with one call task when instalment 2 is missed, however often it runs', async () => {
    // Due Tuesday 21 April; missed from the next business day on (a day for the bank statement).
    expect((await monitor('2026-04-21')).inArrears).toBe(0);
    const first = await monitor('2026-04-22');
    expect(first).toMatchObject({ inArrears: 1, callTasks: 1 });
    await monitor('2026-04-22');
    await monitor('2026-04-23');
    const tasks = await tasksOf(planId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ reason: 'missed_instalment', status: 'open', dueDate: '2026-04-22' });
    expect(await planRow(planId)).toMatchObject({ status: 'in_arrears', inArrearsSince: '2026-04-21' });
    const arrearsEvents = (
      await database.db.select().from(timelineEvents).where(eq(timelineEvents.debtorId, debtorId))
    ).filter((e) => e.summary.startsWith('Payment plan in arrears'));
    expect(arrearsEvents).toHaveLength(1);
  });

  it('is back on track as soon as the statement with the arrears is imported, and the task is withdrawn', async () => {
    await pay('2026-04-27', [{ amountCents: 30000, structuredReference: reference }]);
    expect((await instalments(planId)).map((r) => r.status)).toEqual(['paid', 'paid', 'open']);
    // At once, not at the next daily check: the collector's queue no longer shows the task.
    expect(await planRow(planId)).toMatchObject({ status: 'active', inArrearsSince: null });
    expect((await tasksOf(planId))[0]?.status).toBe('cancelled');
    const backOnTrack = (
      await database.db.select().from(timelineEvents).where(eq(timelineEvents.debtorId, debtorId))
    ).filter((e) => e.summary === 'Payment plan back on track: the arrears are paid');
    expect(backOnTrack.map((e) => e.actorLabel)).toEqual(['bank import (test)']);
    expect(await monitor('2026-04-28')).toMatchObject({ instalmentsPaid: 0, caughtUp: 0, inArrears: 0 });
    expect(await planRow(planId)).toMatchObject({ status: 'active' });
  });

  it('can be cancelled, which ends the hold', async () => {
    const cancelled = await cancelPaymentPlan(at('2026-04-29'), actor, planId, 'replaced by a new agreement');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2026-04-29' });
    await expect(cancelPaymentPlan(at('2026-04-29'), actor, planId, undefined)).resolves.toMatchObject({
      status: 'cancelled',
    });
  });
});

describe('a broken plan', () => {
  it('breaks after the grace period and dunning resumes from the step the invoice had reached', async () => {
    const debtor = await createDebtor(database.db, { orgId: org.id, number: 'K-300', name: 'Garage Bakker' });
    await createContact(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      name: 'Tom Bakker',
      email: 'tom@bakker.example',
      isCollectionsContact: true,
    });
    const invoice = await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: '2026-0077',
      dueDate: '2026-01-30',
      totalCents: 60000,
    });
    const dun = (date: string) =>
      runDunning(at(date), { org, date: date as CalendarDate, dryRun: false, actorLabel: 'dunning run' });
    const steps = async () =>
      (
        await database.db
          .select({ position: dunningActionInvoices.position, runDate: dunningActionInvoices.runDate })
          .from(dunningActionInvoices)
          .where(eq(dunningActionInvoices.invoiceId, invoice.id))
          .orderBy(asc(dunningActionInvoices.position))
      ).map((s) => [s.position, s.runDate]);
    await dun('2026-02-03');
    const before = await steps();
    expect(before.length).toBeGreaterThan(0);

    const created = await createPaymentPlan(at('2026-02-04'), actor, debtor.id, {
      invoiceIds: [invoice.id],
      instalmentCount: 2,
      interval: 'two_weeks',
      firstDueDate: '2026-02-16',
      acknowledgeWarnings: true,
    });
    if (!created.created) throw new Error('plan not created');
    const planId = created.plan.id;
    // While the plan runs (and while it is in arrears) the invoice gets no further step.
    await dun('2026-02-12');
    expect(await monitor('2026-02-18')).toMatchObject({ inArrears: 1, callTasks: 1 });
    await dun('2026-02-25');
    expect(await steps()).toEqual(before);

    // In arrears since 16 February; ten business days later (2 March) the plan is broken.
    expect((await monitor('2026-02-27')).broken).toBe(0);
    expect((await monitor('2026-03-02')).broken).toBe(1);
    expect(await planRow(planId)).toMatchObject({ status: 'broken', brokenOn: '2026-03-02' });
    expect((await monitor('2026-03-03')).broken).toBe(0);

    await dun('2026-03-03');
    const after = await steps();
    expect(after.slice(0, before.length)).toEqual(before);
    const lastBefore = before.at(-1)?.[0] as number;
    expect(after.at(-1)).toEqual([lastBefore + 1, '2026-03-03']);
  });
});

describe("the organisation's own plan rules", () => {
  it('check a plan, put it in arrears and break it after the days the organisation set', async () => {
    const own = await createOrganisation(database.db, {
      country: 'NL',
      iban: 'NL91ABNA0417164300',
      callSettings: {
        plans: { missedAfterBusinessDays: 3, brokenAfterBusinessDays: 4 },
        agreements: { maxPlanDays: { business: 20 } },
      },
    });
    const ownActor: Actor = { orgId: own.id, userId: null, label: 'Sanne (collector)', role: 'collector' };
    const debtor = await createDebtor(database.db, { orgId: own.id });
    const invoice = await createInvoice(database.db, {
      orgId: own.id,
      debtorId: debtor.id,
      dueDate: '2026-01-30',
      totalCents: 60000,
    });
    const proposal = {
      invoiceIds: [invoice.id],
      instalmentCount: 2,
      interval: 'two_weeks' as const,
      firstDueDate: '2026-02-16',
    };
    // Its own agreement check: a plan may run 20 days here (the default allows half a year).
    const preview = await previewPaymentPlan(at('2026-02-04'), ownActor, debtor.id, proposal);
    expect(preview.warnings.map((w) => w.code)).toContain('plan_too_long');
    const created = await createPaymentPlan(at('2026-02-04'), ownActor, debtor.id, {
      ...proposal,
      acknowledgeWarnings: true,
    });
    if (!created.created) throw new Error('plan not created');
    const planId = created.plan.id;
    expect(created.plan.graceDays).toBe(4);
    const monitorOwn = (date: string) =>
      monitorPaymentPlans(at(date), { org: own, today: date as CalendarDate });
    // Due Monday 16 February: missed three business days later (the default says one).
    expect((await monitorOwn('2026-02-18')).inArrears).toBe(0);
    expect((await monitorOwn('2026-02-19')).inArrears).toBe(1);
    expect(await planRow(planId)).toMatchObject({ status: 'in_arrears', inArrearsSince: '2026-02-16' });
    // Broken four business days after the missed due date (the default says ten).
    expect((await monitorOwn('2026-02-19')).broken).toBe(0);
    expect((await monitorOwn('2026-02-20')).broken).toBe(1);
    expect(await planRow(planId)).toMatchObject({ status: 'broken', brokenOn: '2026-02-20' });
  });
});

describe('a completed plan', () => {
  it('thanks the debtor once, in their language, after the last instalment', async () => {
    const debtor = await createDebtor(database.db, {
      orgId: org.id,
      number: 'K-400',
      name: 'Boulangerie Dubois',
      language: 'fr',
      email: 'compta@dubois.example',
    });
    const invoice = await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: '2026-0099',
      dueDate: '2026-03-01',
      totalCents: 40001,
      paymentReference: kenmerk(99),
    });
    const created = await createPaymentPlan(at('2026-03-16'), actor, debtor.id, {
      invoiceIds: [invoice.id],
      instalmentCount: 2,
      interval: 'week',
      firstDueDate: '2026-03-20',
      acknowledgeWarnings: true,
    });
    if (!created.created) throw new Error('plan not created');
    const planId = created.plan.id;
    expect(created.plan.instalments.map((i) => i.amountCents)).toEqual([20001, 20000]);
    const [letter] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, created.outboxMessageId));
    expect(letter?.subject).toBe('Confirmation de votre plan de paiement (2 échéances)');

    await pay('2026-03-19', [{ amountCents: 20001, structuredReference: kenmerk(99) }]);
    await pay('2026-03-26', [{ amountCents: 20000, structuredReference: kenmerk(99) }]);
    const result = await monitor('2026-03-27');
    // Both instalments were paid by the imports; the daily check completes the plan and thanks.
    expect(result).toMatchObject({ instalmentsPaid: 0, completed: 1, thankYous: 1 });
    expect(await planRow(planId)).toMatchObject({ status: 'completed', completedOn: '2026-03-27' });
    expect((await instalments(planId)).map((i) => i.status)).toEqual(['paid', 'paid']);
    const thanks = await database.db
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.debtorId, debtor.id),
          eq(outboxMessages.subject, 'Merci : votre plan de paiement est terminé'),
        ),
      );
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toMatchObject({ status: 'queued', toAddress: 'compta@dubois.example' });
    expect(thanks[0]?.bodyText).toContain('nous avons reçu les 2 échéances');
    expect((await monitor('2026-03-30')).thankYous).toBe(0);
  });
});
