import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  type DebtorRow,
  type InvoiceRow,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';
import { refreshDebtorBalances } from './balances.repo.js';

// Today is 2026-03-15 (TEST_NOW).
let database: Database;
let app: FastifyInstance;
let admin: Session;
let collector: Session;
let viewer: Session;
let collectorId: string;
let bakery: DebtorRow; // 100.00 due 2026-01-31 (43 days late), 50.00 due 2026-03-10 (5 days), credit −15.00
let garage: DebtorRow; // 300.00 due 2025-11-01 (134 days late)
let florist: DebtorRow; // 80.00 not yet due
let f1: InvoiceRow;
let f2: InvoiceRow;
let g1: InvoiceRow;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database);
  const org = await createOrganisation(db, { name: 'Groothandel Noord' });
  const adminUser = await createUser(db, { orgId: org.id, role: 'admin', name: 'Anna Admin' });
  const collectorUser = await createUser(db, { orgId: org.id, role: 'collector', name: 'Carla Collector' });
  const viewerUser = await createUser(db, { orgId: org.id, role: 'viewer' });
  collectorId = collectorUser.id;

  bakery = await createDebtor(db, {
    orgId: org.id,
    number: '10001',
    name: 'Bakkerij Jansen',
    segment: 'retail',
    city: 'Utrecht',
    phone: '030 123 4567',
    assignedCollectorId: collectorId,
  });
  garage = await createDebtor(db, {
    orgId: org.id,
    number: '10002',
    name: 'Garage Peeters',
    country: 'BE',
    segment: 'auto',
  });
  florist = await createDebtor(db, {
    orgId: org.id,
    number: '10003',
    name: 'Bloemist De Roos',
    segment: 'retail',
  });
  await createContact(db, {
    orgId: org.id,
    debtorId: bakery.id,
    name: 'Piet Jansen',
    isCollectionsContact: true,
  });
  f1 = await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'F-001',
    dueDate: '2026-01-31',
    totalCents: 10000,
  });
  f2 = await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'F-002',
    dueDate: '2026-03-10',
    totalCents: 5000,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'C-001',
    kind: 'credit_note',
    dueDate: '2026-02-01',
    totalCents: -1500,
  });
  g1 = await createInvoice(db, {
    orgId: org.id,
    debtorId: garage.id,
    number: 'F-003',
    dueDate: '2025-11-01',
    totalCents: 30000,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: florist.id,
    number: 'F-004',
    dueDate: '2026-04-01',
    totalCents: 8000,
  });

  admin = await login(app, adminUser.email, TEST_PASSWORD);
  collector = await login(app, collectorUser.email, TEST_PASSWORD);
  viewer = await login(app, viewerUser.email, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string) => viewer.request({ method: 'GET', url });

describe('debtor list', () => {
  it('sorts by overdue amount with balances brought up to today', async () => {
    const response = await get('/api/debtors');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ page: 1, pageSize: 50, total: 3, totalIsCapped: false });
    expect(body.items.map((d: { number: string }) => d.number)).toEqual(['10002', '10001', '10003']);
    expect(body.items[1]).toMatchObject({
      name: 'Bakkerij Jansen',
      open: '135.00',
      overdue: '150.00',
      oldestOverdueDueDate: '2026-01-31',
      daysLate: 43,
      agingBucket: '31-60',
      collector: { id: collectorId, name: 'Carla Collector' },
      openInvoiceCount: 2,
    });
    expect(body.items[2]).toMatchObject({ overdue: '0.00', agingBucket: 'current', daysLate: 0 });
  });

  it.each([
    ['aging=90%2B', ['10002']],
    ['aging=31-60', ['10001']],
    ['aging=current', ['10003']],
    ['aging=1-30', []],
    ['search=bakker', ['10001']],
    ['search=10003', ['10003']],
    ['search=100%25', []],
    ['segment=retail&sort=name', ['10001', '10003']],
    [`collector=${'none'}&sort=oldest`, ['10002', '10003']],
    ['sort=oldest', ['10002', '10001', '10003']],
    ['pageSize=1&page=2', ['10001']],
  ])('filters %s', async (query, numbers) => {
    const response = await get(`/api/debtors?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((d: { number: string }) => d.number)).toEqual(numbers);
  });

  it('filters by collector and counts all matches beyond the page', async () => {
    const response = await get(`/api/debtors?collector=${collectorId}&pageSize=1`);
    expect(response.json()).toMatchObject({ total: 1, items: [{ number: '10001' }] });
    const all = await get('/api/debtors?pageSize=1');
    expect(all.json()).toMatchObject({ total: 3, items: [{ number: '10002' }] });
  });

  it('moves debtors between aging buckets as the days pass', async () => {
    // Same database, a month later: the first list of the day brings the balances up to date.
    const later = await buildTestApp(database, { clock: fixedClock('2026-04-15T09:00:00Z') });
    try {
      // A user of its own: signing in a month later clears the other users' expired sessions only.
      const user = await createUser(database.db, { orgId: bakery.orgId, role: 'viewer' });
      const session = await login(later, user.email, TEST_PASSWORD);
      const response = await session.request({ method: 'GET', url: '/api/debtors?sort=name' });
      expect(
        response
          .json()
          .items.map((d: { number: string; agingBucket: string; overdue: string }) => [
            d.number,
            d.agingBucket,
            d.overdue,
          ]),
      ).toEqual([
        ['10001', '61-90', '150.00'],
        ['10003', '1-30', '80.00'],
        ['10002', '90+', '300.00'],
      ]);
    } finally {
      await later.close();
    }
    // Back to today's date: the balances follow again.
    await database.db.transaction((tx) =>
      refreshDebtorBalances(tx, { orgId: bakery.orgId, today: '2026-03-15' as CalendarDate }),
    );
    expect(
      (await get('/api/debtors?aging=current')).json().items.map((d: { number: string }) => d.number),
    ).toEqual(['10003']);
  });

  it('lists segments and collectors for the filters', async () => {
    expect((await get('/api/segments')).json()).toEqual({
      segments: [
        { segment: 'auto', debtorCount: 1 },
        { segment: 'retail', debtorCount: 2 },
      ],
    });
    const collectors = (await get('/api/collectors')).json().collectors;
    expect(collectors.map((c: { name: string }) => c.name)).toEqual(['Anna Admin', 'Carla Collector']);
  });

  it.each([
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['aging=120', 'aging'],
    ['sort=amount', 'sort'],
    ['collector=someone', 'collector'],
  ])('rejects %s with a field issue', async (query, field) => {
    const response = await get(`/api/debtors?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });
});

describe('debtor dossier', () => {
  it('has contacts, open items with aging, totals per bucket and the timeline', async () => {
    const response = await get(`/api/debtors/${bakery.id}`);
    expect(response.statusCode).toBe(200);
    const dossier = response.json();
    expect(dossier.debtor).toMatchObject({ number: '10001', phone: '+31301234567', open: '135.00' });
    expect(dossier.contacts).toEqual([
      expect.objectContaining({ name: 'Piet Jansen', phone: '+31201234567', isCollectionsContact: true }),
    ]);
    expect(
      dossier.openItems.map((i: { number: string; daysLate: number; open: string }) => [
        i.number,
        i.daysLate,
        i.open,
      ]),
    ).toEqual([
      ['F-001', 43, '100.00'],
      ['C-001', 0, '-15.00'],
      ['F-002', 5, '50.00'],
    ]);
    expect(dossier.agingTotals).toEqual([
      { bucket: 'current', amount: '-15.00', count: 1 },
      { bucket: '1-30', amount: '50.00', count: 1 },
      { bucket: '31-60', amount: '100.00', count: 1 },
      { bucket: '61-90', amount: '0.00', count: 0 },
      { bucket: '90+', amount: '0.00', count: 0 },
    ]);
    expect(dossier.timeline).toEqual({ events: [], nextBefore: null });
  });

  it('is 404 for an unknown debtor and 400 for a malformed id', async () => {
    const unknown = await get('/api/debtors/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('DEBTOR_NOT_FOUND');
    const malformed = await get('/api/debtors/42');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].field).toBe('id');
  });
});

describe('changing a debtor', () => {
  it('updates settings and writes who changed what on the timeline', async () => {
    const response = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${florist.id}`,
      payload: { segment: 'horeca', tags: ['slow payer'], creditLimit: '2500', pauseUntil: '2026-04-01' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      segment: 'horeca',
      tags: ['slow payer'],
      creditLimit: '2500.00',
    });
    const timeline = (await get(`/api/debtors/${florist.id}/timeline`)).json();
    expect(timeline.events[0]).toMatchObject({
      kind: 'debtor_updated',
      actor: 'Carla Collector',
      summary: 'Changed segment, tags, credit limit, paused until',
    });
  });

  it('refuses unknown fields, bad values and a collector from outside the organisation', async () => {
    const unknownField = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${florist.id}`,
      payload: { openCents: 0 },
    });
    expect(unknownField.statusCode).toBe(400);
    const badDate = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${florist.id}`,
      payload: { pauseUntil: '2026-02-30', creditLimit: '12,50' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(
      badDate
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['creditLimit', 'pauseUntil']);
    const outsider = await createUser(database.db);
    const foreign = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${florist.id}`,
      payload: { assignedCollectorId: outsider.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      { field: 'assignedCollectorId', message: expect.any(String) },
    ]);
  });

  it('is read-only for viewers', async () => {
    const response = await viewer.request({
      method: 'PATCH',
      url: `/api/debtors/${florist.id}`,
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });

  it('adds notes and pages through the timeline', async () => {
    for (const text of ['first', 'second', 'third']) {
      const response = await collector.request({
        method: 'POST',
        url: `/api/debtors/${garage.id}/notes`,
        payload: { text },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ kind: 'note', summary: text, actor: 'Carla Collector' });
    }
    const page1 = (await get(`/api/debtors/${garage.id}/timeline?limit=2`)).json();
    expect(page1.events.map((e: { summary: string }) => e.summary)).toEqual(['third', 'second']);
    const page2 = (await get(`/api/debtors/${garage.id}/timeline?limit=2&before=${page1.nextBefore}`)).json();
    expect(page2).toEqual({ events: [expect.objectContaining({ summary: 'first' })], nextBefore: null });
    const empty = await collector.request({
      method: 'POST',
      url: `/api/debtors/${garage.id}/notes`,
      payload: { text: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0].field).toBe('text');
  });
});

describe('contacts', () => {
  it('stores phones in E.164 read in the debtor country, updates and removes', async () => {
    const created = await collector.request({
      method: 'POST',
      url: `/api/debtors/${garage.id}/contacts`,
      payload: {
        name: 'Marc Peeters',
        role: 'zaakvoerder',
        phone: '02 555 12 12',
        mobile: '0470 12 34 56',
        preferredCallDays: [1, 2],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      phone: '+3225551212',
      mobile: '+32470123456',
      preferredCallDays: [1, 2],
    });
    const id = created.json().id;

    const changed = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${garage.id}/contacts/${id}`,
      payload: { phone: '+31 20 123 4567', preferredCallFrom: '09:30', preferredCallUntil: '11:30' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      phone: '+31201234567',
      mobile: '+32470123456',
      preferredCallFrom: '09:30',
    });

    const bad = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${garage.id}/contacts/${id}`,
      payload: { mobile: '12', preferredCallFrom: '25:00' },
    });
    expect(bad.statusCode).toBe(400);

    const badPhone = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${garage.id}/contacts/${id}`,
      payload: { mobile: '12' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.issues).toEqual([
      { field: 'mobile', message: expect.stringContaining('BE') },
    ]);

    // The contact belongs to the garage: addressed under another debtor it does not exist.
    const elsewhere = await collector.request({
      method: 'PATCH',
      url: `/api/debtors/${bakery.id}/contacts/${id}`,
      payload: { name: 'x' },
    });
    expect(elsewhere.statusCode).toBe(404);

    const removed = await collector.request({
      method: 'DELETE',
      url: `/api/debtors/${garage.id}/contacts/${id}`,
    });
    expect(removed.statusCode).toBe(200);
    const timeline = (await get(`/api/debtors/${garage.id}/timeline`)).json();
    expect(timeline.events.slice(0, 3).map((e: { kind: string }) => e.kind)).toEqual([
      'contact_removed',
      'contact_updated',
      'contact_added',
    ]);
  });
});

describe('payments', () => {
  const pay = (session: Session, payload: unknown, key?: string) =>
    session.request({
      method: 'POST',
      url: '/api/payments',
      payload,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });

  it('allocates to invoices, updates statuses, balances and timeline — once per idempotency key', async () => {
    const payload = {
      debtorId: bakery.id,
      date: '2026-03-14',
      amount: '120.00',
      reference: 'iDEAL 123',
      allocations: [
        { invoiceId: f1.id, amount: '100' },
        { invoiceId: f2.id, amount: '10.5' },
      ],
    };
    const first = await pay(admin, payload, 'payment-key-0001');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      amount: '120.00',
      unallocated: '9.50',
      status: 'partially_allocated',
      allocations: [
        { invoiceNumber: 'F-001', amount: '100.00' },
        { invoiceNumber: 'F-002', amount: '10.50' },
      ],
    });
    const again = await pay(admin, payload, 'payment-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const invoice1 = (await get(`/api/invoices/${f1.id}`)).json();
    expect(invoice1).toMatchObject({ open: '0.00', status: 'paid', allocations: [{ amount: '100.00' }] });
    const invoice2 = (await get(`/api/invoices/${f2.id}`)).json();
    expect(invoice2).toMatchObject({ open: '39.50', status: 'partially_paid' });
    expect(invoice2.timeline[0]).toMatchObject({ kind: 'payment_allocated', actor: 'Anna Admin' });

    const dossier = (await get(`/api/debtors/${bakery.id}`)).json();
    expect(dossier.debtor).toMatchObject({
      open: '24.50',
      overdue: '39.50',
      oldestOverdueDueDate: '2026-03-10',
    });
    expect(dossier.recentPayments).toEqual([
      expect.objectContaining({ id: first.json().id, reference: 'iDEAL 123' }),
    ]);
    expect(dossier.timeline.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['payment_recorded', 'payment_allocated', 'payment_allocated']),
    );

    const reused = await pay(admin, { ...payload, amount: '121.00' }, 'payment-key-0001');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses allocations above the open amount, to other debtors, twice the same invoice or above the payment', async () => {
    const tooMuch = await pay(
      admin,
      {
        debtorId: garage.id,
        date: '2026-03-14',
        amount: '500.00',
        allocations: [{ invoiceId: g1.id, amount: '300.01' }],
      },
      'payment-key-0002',
    );
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.issues).toEqual([
      { field: 'allocations.0.amount', message: expect.stringContaining('300.00') },
    ]);

    const otherDebtor = await pay(
      admin,
      {
        debtorId: garage.id,
        date: '2026-03-14',
        amount: '5.00',
        allocations: [{ invoiceId: f2.id, amount: '5' }],
      },
      'payment-key-0003',
    );
    expect(otherDebtor.statusCode).toBe(400);
    expect(otherDebtor.json().error.issues[0].field).toBe('allocations.0.invoiceId');

    const twice = await pay(
      admin,
      {
        debtorId: garage.id,
        date: '2026-03-14',
        amount: '5.00',
        allocations: [
          { invoiceId: g1.id, amount: '1' },
          { invoiceId: g1.id, amount: '1' },
        ],
      },
      'payment-key-0004',
    );
    expect(twice.statusCode).toBe(400);

    const overPayment = await pay(
      admin,
      {
        debtorId: garage.id,
        date: '2026-03-14',
        amount: '5.00',
        allocations: [{ invoiceId: g1.id, amount: '6' }],
      },
      'payment-key-0005',
    );
    expect(overPayment.statusCode).toBe(400);
    expect(overPayment.json().error.issues[0].field).toBe('allocations');

    // Nothing of the refused payments was written.
    expect((await get(`/api/invoices/${g1.id}`)).json()).toMatchObject({ open: '300.00', allocations: [] });
  });

  it('needs an idempotency key, a valid body, and a senior collector or admin', async () => {
    const noKey = await pay(admin, { debtorId: garage.id, date: '2026-03-14', amount: '5.00' });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.issues[0].field).toBe('idempotency-key');
    const bad = await pay(admin, { debtorId: 'x', date: '14-03-2026', amount: '-5' }, 'payment-key-0006');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['amount', 'date', 'debtorId']);
    const forbidden = await pay(
      collector,
      { debtorId: garage.id, date: '2026-03-14', amount: '5.00' },
      'payment-key-0007',
    );
    expect(forbidden.statusCode).toBe(403);
  });

  it('records an unallocated payment as unmatched', async () => {
    const response = await pay(
      admin,
      { debtorId: garage.id, date: '2026-03-14', amount: '5.00' },
      'payment-key-0008',
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'unmatched', unallocated: '5.00', allocations: [] });
  });
});

describe('disputes', () => {
  it('marks the invoice disputed and returns it to its status when resolved', async () => {
    const opened = await collector.request({
      method: 'POST',
      url: `/api/invoices/${f2.id}/disputes`,
      payload: { reason: 'goods damaged', description: 'Two crates broken on delivery' },
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      status: 'open',
      invoiceNumber: 'F-002',
      openedBy: { name: 'Carla Collector' },
    });
    expect((await get(`/api/invoices/${f2.id}`)).json()).toMatchObject({
      status: 'disputed',
      disputes: [{ reason: 'goods damaged' }],
    });
    expect(
      (await get(`/api/invoices?status=disputed`)).json().items.map((i: { number: string }) => i.number),
    ).toEqual(['F-002']);

    const byCollector = await collector.request({
      method: 'POST',
      url: `/api/disputes/${opened.json().id}/resolve`,
      payload: { resolution: 'credit note sent', outcome: 'resolved' },
    });
    expect(byCollector.statusCode).toBe(403);

    const resolved = await admin.request({
      method: 'POST',
      url: `/api/disputes/${opened.json().id}/resolve`,
      payload: { resolution: 'customer accepted photos', outcome: 'rejected' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'rejected', resolution: 'customer accepted photos' });
    expect((await get(`/api/invoices/${f2.id}`)).json()).toMatchObject({ status: 'partially_paid' });

    const twice = await admin.request({
      method: 'POST',
      url: `/api/disputes/${opened.json().id}/resolve`,
      payload: { resolution: 'again', outcome: 'resolved' },
    });
    expect(twice.statusCode).toBe(409);
    const kinds = (await get(`/api/invoices/${f2.id}`)).json().timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['dispute_resolved', 'dispute_opened']);
  });

  it('refuses to dispute a paid invoice', async () => {
    const response = await collector.request({
      method: 'POST',
      url: `/api/invoices/${f1.id}/disputes`,
      payload: { reason: 'never received' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('INVALID_STATE');
  });
});

describe('invoices', () => {
  it('lists by debtor and status, latest due first', async () => {
    const response = await get(`/api/invoices?debtor=${bakery.id}`);
    expect(
      response.json().items.map((i: { number: string; amount: string }) => [i.number, i.amount]),
    ).toEqual([
      ['F-002', '50.00'],
      ['C-001', '-15.00'],
      ['F-001', '100.00'],
    ]);
    const paid = await get('/api/invoices?status=paid');
    expect(paid.json()).toMatchObject({
      total: 1,
      items: [{ number: 'F-001', debtor: { number: '10001' } }],
    });
    expect((await get('/api/invoices?status=late')).statusCode).toBe(400);
  });
});

describe('organisation', () => {
  it('is changed by admins, with the IBAN checked and normalised', async () => {
    const response = await admin.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: {
        iban: 'nl91 abna 0417 1643 00',
        bic: 'abnanl2a',
        senderEmail: 'debiteuren@noord.example',
        vatNumber: 'NL123456789B01',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
    expect((await get('/api/organisation')).json().iban).toBe('NL91ABNA0417164300');

    const bad = await admin.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { iban: 'NL92ABNA0417164300' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ field: 'iban', message: 'not a valid IBAN' }]);

    const byCollector = await collector.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { city: 'Zwolle' },
    });
    expect(byCollector.statusCode).toBe(403);
  });
});
