import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';

let database: Database;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let collector: Session;
let viewer: Session;
let debtorId: string;
let invoiceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database); // today: 2026-03-15
  const org = await createOrganisation(database.db, { iban: 'NL91ABNA0417164300', city: 'Utrecht' });
  const collectorUser = await createUser(database.db, { orgId: org.id, role: 'collector' });
  const viewerUser = await createUser(database.db, { orgId: org.id, role: 'viewer' });
  collector = await login(app, collectorUser.email, TEST_PASSWORD);
  viewer = await login(app, viewerUser.email, TEST_PASSWORD);
  const debtor = await createDebtor(database.db, { orgId: org.id, language: 'en', email: 'ap@acme.example' });
  debtorId = debtor.id;
  invoiceId = (
    await createInvoice(database.db, { orgId: org.id, debtorId, number: 'INV-7', totalCents: 100000 })
  ).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const proposal = () => ({
  invoiceIds: [invoiceId],
  instalmentCount: 4,
  interval: 'two_weeks',
  firstDueDate: '2026-03-20',
  downPaymentCents: 25000,
});

describe('payment plan routes', () => {
  it('previews, asks to acknowledge the warnings, creates, lists, serves the letter and cancels', async () => {
    const preview = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtorId}/payment-plans/preview`,
      payload: proposal(),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().instalments.map((i: { amountCents: number }) => i.amountCents)).toEqual([
      25000, 18750, 18750, 18750, 18750,
    ]);
    expect(preview.json().instalments.map((i: { dueDate: string }) => i.dueDate)).toEqual([
      '2026-03-20',
      '2026-04-07', // Good Friday 3 April and Easter Monday: the next business day
      '2026-04-17',
      '2026-05-01',
      '2026-05-15',
    ]);
    expect(preview.json().warnings.map((w: { code: string }) => w.code)).toEqual(['contact_unknown']);

    const notYet = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtorId}/payment-plans`,
      payload: proposal(),
    });
    expect(notYet.json()).toMatchObject({ created: false });

    const created = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtorId}/payment-plans`,
      payload: { ...proposal(), acknowledgeWarnings: true },
    });
    expect(created.statusCode).toBe(200);
    const planId = created.json().plan.id;

    const denied = await viewer.request({
      method: 'POST',
      url: `/api/debtors/${debtorId}/payment-plans`,
      payload: { ...proposal(), acknowledgeWarnings: true },
    });
    expect(denied.statusCode).toBe(403);

    const list = await viewer.request({ method: 'GET', url: `/api/debtors/${debtorId}/payment-plans` });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      status: 'active',
      totalCents: 100000,
      downPaymentCents: 25000,
      invoices: [{ number: 'INV-7' }],
    });

    const letter = await viewer.request({ method: 'GET', url: `/api/payment-plans/${planId}/letter` });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const bad = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtorId}/payment-plans/preview`,
      payload: { invoiceIds: [invoiceId], interval: 'month' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      'instalmentCount',
      'firstDueDate',
    ]);

    const cancelled = await collector.request({
      method: 'POST',
      url: `/api/payment-plans/${planId}/cancel`,
      payload: { reason: 'new agreement' },
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledOn: '2026-03-15' });
  });
});
