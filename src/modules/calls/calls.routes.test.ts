import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import {
  callObjections,
  callTasks,
  disputes,
  outboxMessages,
  paymentPlanInstalments,
  paymentPlans,
  promises,
  timelineEvents,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  type DebtorRow,
  type InvoiceRow,
  type OrganisationRow,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session, testDeps } from '../../test/http.js';
import { PrepSheetSchema } from './calls.schemas.js';
import { followUpAgreements } from './follow-up.service.js';
import { getCallQueue } from './queue.service.js';

/** A collector's Tuesday morning, 8 December 2026, 10:00 in Amsterdam. */
const NOW = '2026-12-08T09:00:00Z';
const day = (text: string) => text as CalendarDate;

let database: Database;
let app: FastifyInstance;
let org: OrganisationRow;
let debtor: DebtorRow;
let first: InvoiceRow;
let second: InvoiceRow;
let contactId: string;
let collector: Session;
let colleague: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database, {
    clock: fixedClock(NOW),
    config: { publicUrl: 'https://collect.example.test' },
  });
  org = await createOrganisation(db, {
    slug: 'desk',
    iban: 'NL91ABNA0417164300',
    creditorName: 'Bakkerij Zon BV',
  });
  const me = await createUser(db, {
    orgId: org.id,
    role: 'collector',
    name: 'Sanne Collector',
    values: { language: 'en' },
  });
  const other = await createUser(db, { orgId: org.id, role: 'collector' });
  debtor = await createDebtor(db, {
    orgId: org.id,
    number: 'K-100',
    name: 'Hoek Installaties BV',
    email: 'ap@hoek.test',
  });
  const contact = await createContact(db, {
    orgId: org.id,
    debtorId: debtor.id,
    name: 'Marieke Hoek',
    role: 'Financial controller',
    phoneExtension: '214',
    isCollectionsContact: true,
    email: 'marieke@hoek.test',
    gatekeeperNotes: 'Ask reception for Marieke, not for accounts',
  });
  contactId = contact.id;
  first = await createInvoice(db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: 'F-2026-101',
    dueDate: '2026-11-01',
    totalCents: 120_000,
    paymentReference: 'RF18539007547034',
    orderDescription: 'Order 5531: central heating installation',
    deliveryNotes: 'Delivered 12 October, signed by M. Hoek',
  });
  second = await createInvoice(db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: 'F-2026-117',
    dueDate: '2026-11-20',
    totalCents: 30_000,
  });
  collector = await login(app, me.email, TEST_PASSWORD);
  colleague = await login(app, other.email, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/**
 * The prep-sheet route writes its answer without zod (it is the hot read): every sheet a test
 * reads must be exactly what PrepSheetSchema describes, no field missing, wrong or extra.
 */
function prepSheetOf(body: string) {
  const sent = JSON.parse(body);
  const parsed = PrepSheetSchema.parse(sent);
  expect(parsed).toStrictEqual(sent);
  return parsed;
}

describe('prep sheet', () => {
  it('gives everything before dialling in one request', async () => {
    const response = await collector.request({ method: 'GET', url: `/api/debtors/${debtor.id}/prep-sheet` });
    expect(response.statusCode, response.body).toBe(200);
    const sheet = prepSheetOf(response.body);
    expect(sheet.contact).toMatchObject({
      name: 'Marieke Hoek',
      role: 'Financial controller',
      extension: '214',
      gatekeeperNotes: 'Ask reception for Marieke, not for accounts',
    });
    expect(sheet.debtor).toMatchObject({ number: 'K-100', overdue: '1500.00' });
    expect(sheet.openInvoices.map((i: { number: string }) => i.number)).toEqual(['F-2026-101', 'F-2026-117']);
    expect(sheet.openInvoices[0]).toMatchObject({
      orderDescription: 'Order 5531: central heating installation',
      deliveryNotes: 'Delivered 12 October, signed by M. Hoek',
      open: '1200.00',
      dueDate: '2026-11-01',
      paymentTermDays: 304,
      daysLate: 37,
    });
    expect(sheet.goals?.maximum).toEqual({ amount: '1500.00', payByDate: expect.any(String) });
    expect(sheet.goals?.minimum.map((g) => g.kind)).toContain('promise_by_date');
    expect(sheet.script).toMatchObject({ situation: 'falling_behind', language: 'en' });
    expect(sheet.script.sections.opening?.join(' ')).toContain('Marieke Hoek');
    expect(sheet.objections).toHaveLength(13);
    expect(sheet.objections[0]?.isOwn).toBe(false);
    expect(sheet.reminders).toEqual({ count: 0, items: [] });
    expect(sheet.lock).toBeNull();
  });
});

describe('recording calls', () => {
  it('locks the debtor so a colleague cannot call at the same time', async () => {
    const take = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/call-lock`,
      payload: { action: 'acquire' },
    });
    expect(take.statusCode).toBe(200);
    expect(take.json().expiresAt).toBe('2026-12-08T09:05:00.000Z');
    const refused = await colleague.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/call-lock`,
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    const sheet = await colleague.request({ method: 'GET', url: `/api/debtors/${debtor.id}/prep-sheet` });
    expect(prepSheetOf(sheet.body).lock?.holder).toBe('Sanne Collector');
    const meanwhile = await colleague.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: { outcome: 'no_answer' },
    });
    expect(meanwhile.statusCode).toBe(409);
  });

  it('a gatekeeper callback becomes a task at its exact time for the same collector', async () => {
    const response = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'gatekeeper',
        gatekeeperName: 'Joyce (reception)',
        callbackAt: '2026-12-08T14:00:00+01:00',
        durationSeconds: 45,
        objections: [{ code: 'responsible_person_absent' }],
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.saved).toBe(true);
    const [task] = await database.db.select().from(callTasks).where(eq(callTasks.id, body.callbackTaskId));
    expect(task).toMatchObject({ reason: 'callback', dueDate: '2026-12-08', status: 'open' });
    expect(task?.callbackAt?.toISOString()).toBe('2026-12-08T13:00:00.000Z');
    const queue = await getCallQueue(
      testDeps(database, { clock: fixedClock(NOW) }),
      { orgId: org.id },
      {
        date: day('2026-12-08'),
        at: '14:00',
      },
    );
    expect(queue.items[0]).toMatchObject({ debtor: 'K-100', reason: 'callback', verdict: 'call' });
  });

  it('asks to acknowledge the warnings of a hopeless promise before saving it', async () => {
    const payload = {
      outcome: 'reached',
      contactId,
      durationSeconds: 240,
      nonPaymentCause: 'cash_flow',
      notes: 'Waiting for a large customer payment',
      objections: [{ code: 'pay_end_of_week', counterId: 'pay_end_of_week.exact_day' }],
      agreement: { result: 'promise', amount: '400.00', date: '2026-12-11', method: 'bank_transfer' },
    };
    const first = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload,
    });
    expect(first.json()).toMatchObject({ saved: false, callId: null });
    expect(first.json().warnings.map((w: { code: string }) => w.code)).toContain('below_minimum_goal');
    expect(await database.db.select().from(promises).where(eq(promises.debtorId, debtor.id))).toEqual([]);

    const saved = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: { ...payload, acknowledgeWarnings: true },
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(body.saved).toBe(true);
    const [promise] = await database.db.select().from(promises).where(eq(promises.id, body.promiseId));
    expect(promise).toMatchObject({
      amountCents: 40_000,
      promisedDate: '2026-12-11',
      breaksOn: '2026-12-14',
      status: 'open',
      contactId,
      method: 'bank_transfer',
    });
    const [heard] = await database.db
      .select()
      .from(callObjections)
      .where(eq(callObjections.callId, body.callId));
    expect(heard).toMatchObject({ objection: 'pay_end_of_week', promiseId: body.promiseId });

    // The confirmation email: in the debtor's language (nl), who does what by when, how to pay.
    const [mail] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, body.confirmationMessageId));
    expect(mail).toMatchObject({ status: 'queued', toAddress: 'marieke@hoek.test' });
    expect(mail?.subject).toBe('Bevestiging van onze betalingsafspraak – Bakkerij Zon BV');
    expect(mail?.bodyText).toMatch(/U betaalt €\s400,00 uiterlijk op 11 december 2026\./);
    expect(mail?.bodyText).toContain('NL91ABNA0417164300');
    expect(mail?.bodyText).toContain('RF18539007547034, F-2026-117');
    const token = /\/confirm\/([\w-]+)/.exec(mail?.bodyText ?? '')?.[1];
    expect(token).toMatch(/^[\w-]{32}$/);

    const click = await app.inject({ method: 'GET', url: `/confirm/${token}` });
    expect(click.statusCode).toBe(200);
    expect(click.body).toContain('Dank u wel');
    const again = await app.inject({ method: 'GET', url: `/confirm/${token}` });
    expect(again.statusCode).toBe(200);
    const confirmations = await database.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.debtorId, debtor.id), eq(timelineEvents.actorLabel, 'debtor')));
    expect(confirmations.map((e) => e.summary)).toEqual(['The debtor confirmed receipt of the agreement']);
    expect((await app.inject({ method: 'GET', url: `/confirm/${'x'.repeat(32)}` })).statusCode).toBe(404);

    const kinds = (
      await database.db.select().from(timelineEvents).where(eq(timelineEvents.debtorId, debtor.id))
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['call', 'call_task_created', 'promise', 'email']));
  });

  it('a promise not paid by its break day is broken and the debtor is back in the queue', async () => {
    const deps = testDeps(database, { clock: fixedClock('2026-12-14T08:00:00Z') });
    const report = await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-14') });
    expect(report).toEqual({ brokenPromises: 1, keptPromises: 0, unconfirmedAgreements: 0 });
    expect(await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-14') })).toEqual({
      brokenPromises: 0,
      keptPromises: 0,
      unconfirmedAgreements: 0,
    });
    const [promise] = await database.db.select().from(promises).where(eq(promises.debtorId, debtor.id));
    expect(promise?.status).toBe('broken');
    const queue = await getCallQueue(deps, { orgId: org.id }, { date: day('2026-12-14'), at: '10:00' });
    expect(queue.items[0]).toMatchObject({ debtor: 'K-100', reason: 'broken_promise' });
    const sheet = prepSheetOf(
      (await collector.request({ method: 'GET', url: `/api/debtors/${debtor.id}/prep-sheet` })).body,
    );
    expect(sheet.script.situation).toBe('broken_promise');
    expect(sheet.objections[0]).toMatchObject({ code: 'pay_end_of_week', isOwn: true, ownCount: 1 });
  });

  it('a plan is stored with its instalments; a dispute pauses dunning for the named invoice', async () => {
    const plan = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        contactId,
        acknowledgeWarnings: true,
        agreement: {
          result: 'payment_plan',
          total: '1500.00',
          instalmentCount: 3,
          firstDueDate: '2026-12-15',
        },
      },
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().instalments.map((i: { amount: string }) => i.amount)).toEqual([
      '500.00',
      '500.00',
      '500.00',
    ]);
    const [row] = await database.db
      .select()
      .from(paymentPlans)
      .where(eq(paymentPlans.id, plan.json().planId));
    expect(row).toMatchObject({ totalCents: 150_000, origin: 'call', status: 'active' });
    // A real plan: the daily plan monitoring follows its instalments like a plan made on the dossier.
    const instalments = await database.db
      .select({ number: paymentPlanInstalments.number, amountCents: paymentPlanInstalments.amountCents })
      .from(paymentPlanInstalments)
      .where(eq(paymentPlanInstalments.planId, plan.json().planId))
      .orderBy(paymentPlanInstalments.number);
    expect(instalments).toEqual([
      { number: 1, amountCents: 50_000 },
      { number: 2, amountCents: 50_000 },
      { number: 3, amountCents: 50_000 },
    ]);

    const dispute = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: {
        outcome: 'reached',
        contactId,
        agreement: { result: 'dispute', invoiceIds: [second.id], reason: 'Radiator missing' },
      },
    });
    expect(dispute.statusCode).toBe(200);
    const [opened] = await database.db.select().from(disputes).where(eq(disputes.invoiceId, second.id));
    expect(opened).toMatchObject({ reason: 'Radiator missing', status: 'open' });
    expect(first.id).not.toBe(second.id);
  });

  it('an agreement not confirmed within two business days becomes a call task, once', async () => {
    const deps = testDeps(database);
    // Emailed Tuesday 8 December: Wednesday is still within the term, Thursday is not.
    expect(await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-09') })).toEqual({
      brokenPromises: 0,
      keptPromises: 0,
      unconfirmedAgreements: 0,
    });
    expect(await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-10') })).toEqual({
      brokenPromises: 0,
      keptPromises: 0,
      unconfirmedAgreements: 1,
    });
    expect(
      (await followUpAgreements(deps, { orgId: org.id, today: day('2026-12-10') })).unconfirmedAgreements,
    ).toBe(0);
    const [task] = await database.db
      .select()
      .from(callTasks)
      .where(and(eq(callTasks.debtorId, debtor.id), eq(callTasks.reason, 'agreement_unconfirmed')));
    expect(task).toMatchObject({ status: 'open', dueDate: '2026-12-10', promiseId: null });
    expect(task?.planId).not.toBeNull();
  });

  it('refuses an agreement on an unanswered call and a gatekeeper without a time', async () => {
    const noTime = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/calls`,
      payload: { outcome: 'gatekeeper' },
    });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.json().error.issues).toContainEqual(expect.objectContaining({ field: 'callbackAt' }));
  });
});
