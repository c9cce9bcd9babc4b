import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import { createUser, TEST_PASSWORD } from '../../test/factories.js';
import { buildTestApp, login } from '../../test/http.js';
import { type LedgerFixture, setUpLedgerFixture } from '../../test/ledger-fixture.js';

let fx: LedgerFixture;
beforeAll(async () => {
  fx = await setUpLedgerFixture();
});
afterAll(async () => {
  await fx?.app.close();
  await fx?.database.close();
});

const get = (url: string) => fx.viewer.request({ method: 'GET', url });

import { refreshDebtorBalances } from './balances.repo.js';

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
      collector: { id: fx.collectorId, name: 'Carla Collector' },
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
    const response = await get(`/api/debtors?collector=${fx.collectorId}&pageSize=1`);
    expect(response.json()).toMatchObject({ total: 1, items: [{ number: '10001' }] });
    const all = await get('/api/debtors?pageSize=1');
    expect(all.json()).toMatchObject({ total: 3, items: [{ number: '10002' }] });
  });

  it('moves debtors between aging buckets as the days pass', async () => {
    // Same database, a month later: the first list of the day brings the balances up to date.
    const later = await buildTestApp(fx.database, { clock: fixedClock('2026-04-15T09:00:00Z') });
    try {
      // A user of its own: signing in a month later clears the other users' expired sessions only.
      const user = await createUser(fx.database.db, { orgId: fx.bakery.orgId, role: 'viewer' });
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
    await fx.database.db.transaction((tx) =>
      refreshDebtorBalances(tx, { orgId: fx.bakery.orgId, today: '2026-03-15' as CalendarDate }),
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
    const response = await get(`/api/debtors/${fx.bakery.id}`);
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
    const response = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.florist.id}`,
      payload: { segment: 'horeca', tags: ['slow payer'], creditLimit: '2500', pauseUntil: '2026-04-01' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      segment: 'horeca',
      tags: ['slow payer'],
      creditLimit: '2500.00',
    });
    const timeline = (await get(`/api/debtors/${fx.florist.id}/timeline`)).json();
    expect(timeline.events[0]).toMatchObject({
      kind: 'debtor_updated',
      actor: 'Carla Collector',
      summary: 'Changed segment, tags, credit limit, paused until',
    });
  });

  it('refuses unknown fields, bad values and a collector from outside the organisation', async () => {
    const unknownField = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.florist.id}`,
      payload: { openCents: 0 },
    });
    expect(unknownField.statusCode).toBe(400);
    const badDate = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.florist.id}`,
      payload: { pauseUntil: '2026-02-30', creditLimit: '12,50' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(
      badDate
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['creditLimit', 'pauseUntil']);
    const outsider = await createUser(fx.database.db);
    const foreign = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.florist.id}`,
      payload: { assignedCollectorId: outsider.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      { field: 'assignedCollectorId', message: expect.any(String) },
    ]);
  });

  it('is read-only for viewers', async () => {
    const response = await fx.viewer.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.florist.id}`,
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });

  it('adds notes and pages through the timeline', async () => {
    for (const text of ['first', 'second', 'third']) {
      const response = await fx.collector.request({
        method: 'POST',
        url: `/api/debtors/${fx.garage.id}/notes`,
        payload: { text },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ kind: 'note', summary: text, actor: 'Carla Collector' });
    }
    const page1 = (await get(`/api/debtors/${fx.garage.id}/timeline?limit=2`)).json();
    expect(page1.events.map((e: { summary: string }) => e.summary)).toEqual(['third', 'second']);
    const page2 = (
      await get(`/api/debtors/${fx.garage.id}/timeline?limit=2&before=${page1.nextBefore}`)
    ).json();
    expect(page2).toEqual({ events: [expect.objectContaining({ summary: 'first' })], nextBefore: null });
    const empty = await fx.collector.request({
      method: 'POST',
      url: `/api/debtors/${fx.garage.id}/notes`,
      payload: { text: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0].field).toBe('text');
  });
});

describe('contacts', () => {
  it('stores phones in E.164 read in the debtor country, updates and removes', async () => {
    const created = await fx.collector.request({
      method: 'POST',
      url: `/api/debtors/${fx.garage.id}/contacts`,
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

    const changed = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.garage.id}/contacts/${id}`,
      payload: {
        phone: '+31 20 123 4567',
        email: '',
        preferredCallFrom: '09:30',
        preferredCallUntil: '11:30',
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      phone: '+31201234567',
      mobile: '+32470123456',
      preferredCallFrom: '09:30',
      email: null,
    });

    const bad = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.garage.id}/contacts/${id}`,
      payload: { mobile: '12', preferredCallFrom: '25:00' },
    });
    expect(bad.statusCode).toBe(400);

    const badPhone = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.garage.id}/contacts/${id}`,
      payload: { mobile: '12' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.issues).toEqual([
      { field: 'mobile', message: expect.stringContaining('BE') },
    ]);

    // The contact belongs to the garage: addressed under another debtor it does not exist.
    const elsewhere = await fx.collector.request({
      method: 'PATCH',
      url: `/api/debtors/${fx.bakery.id}/contacts/${id}`,
      payload: { name: 'x' },
    });
    expect(elsewhere.statusCode).toBe(404);

    const removed = await fx.collector.request({
      method: 'DELETE',
      url: `/api/debtors/${fx.garage.id}/contacts/${id}`,
    });
    expect(removed.statusCode).toBe(200);
    const timeline = (await get(`/api/debtors/${fx.garage.id}/timeline`)).json();
    expect(timeline.events.slice(0, 3).map((e: { kind: string }) => e.kind)).toEqual([
      'contact_removed',
      'contact_updated',
      'contact_added',
    ]);
  });
});
