import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvoice } from '../../test/factories.js';
import type { Session } from '../../test/http.js';
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
      debtorId: fx.bakery.id,
      date: '2026-03-14',
      amount: '120.00',
      reference: 'iDEAL 123',
      allocations: [
        { invoiceId: fx.f1.id, amount: '100' },
        { invoiceId: fx.f2.id, amount: '10.5' },
      ],
    };
    const first = await pay(fx.admin, payload, 'payment-key-0001');
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
    const again = await pay(fx.admin, payload, 'payment-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const invoice1 = (await get(`/api/invoices/${fx.f1.id}`)).json();
    expect(invoice1).toMatchObject({ open: '0.00', status: 'paid', allocations: [{ amount: '100.00' }] });
    const invoice2 = (await get(`/api/invoices/${fx.f2.id}`)).json();
    expect(invoice2).toMatchObject({ open: '39.50', status: 'partially_paid' });
    expect(invoice2.timeline[0]).toMatchObject({ kind: 'payment_allocated', actor: 'Anna Admin' });

    const dossier = (await get(`/api/debtors/${fx.bakery.id}`)).json();
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

    const reused = await pay(fx.admin, { ...payload, amount: '121.00' }, 'payment-key-0001');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('pays invoices in its own currency only: by default that of the first invoice it pays', async () => {
    const usd = await createInvoice(fx.database.db, {
      orgId: fx.bakery.orgId,
      debtorId: fx.florist.id,
      number: 'US-001',
      currency: 'USD',
      totalCents: 5000,
    });
    const twenty = {
      debtorId: fx.florist.id,
      date: '2026-03-14',
      amount: '20.00',
      allocations: [{ invoiceId: usd.id, amount: '20' }],
    };
    const inDollars = await pay(fx.admin, twenty, 'payment-key-usd1');
    expect(inDollars.statusCode).toBe(201);
    expect(inDollars.json()).toMatchObject({ currency: 'USD', status: 'allocated' });
    // The same key for the same payment in another currency is another payment.
    expect((await pay(fx.admin, { ...twenty, currency: 'EUR' }, 'payment-key-usd1')).statusCode).toBe(409);

    const inEuros = await pay(fx.admin, { ...twenty, currency: 'EUR' }, 'payment-key-usd2');
    expect(inEuros.statusCode).toBe(400);
    expect(inEuros.json().error.issues).toEqual([
      { field: 'allocations.0.invoiceId', message: 'invoice US-001 is in USD, the payment in EUR' },
    ]);
    expect((await get(`/api/invoices/${usd.id}`)).json()).toMatchObject({ open: '30.00' });

    const notACode = await pay(
      fx.admin,
      { debtorId: fx.florist.id, date: '2026-03-14', amount: '1.00', currency: 'euro', allocations: [] },
      'payment-key-usd3',
    );
    expect(notACode.statusCode).toBe(400);
    expect(notACode.json().error.issues[0].field).toBe('currency');
  });

  it('refuses allocations above the open amount, to other debtors, twice the same invoice or above the payment', async () => {
    const tooMuch = await pay(
      fx.admin,
      {
        debtorId: fx.garage.id,
        date: '2026-03-14',
        amount: '500.00',
        allocations: [{ invoiceId: fx.g1.id, amount: '300.01' }],
      },
      'payment-key-0002',
    );
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.issues).toEqual([
      { field: 'allocations.0.amount', message: expect.stringContaining('300.00') },
    ]);

    const otherDebtor = await pay(
      fx.admin,
      {
        debtorId: fx.garage.id,
        date: '2026-03-14',
        amount: '5.00',
        allocations: [{ invoiceId: fx.f2.id, amount: '5' }],
      },
      'payment-key-0003',
    );
    expect(otherDebtor.statusCode).toBe(400);
    expect(otherDebtor.json().error.issues[0].field).toBe('allocations.0.invoiceId');

    const twice = await pay(
      fx.admin,
      {
        debtorId: fx.garage.id,
        date: '2026-03-14',
        amount: '5.00',
        allocations: [
          { invoiceId: fx.g1.id, amount: '1' },
          { invoiceId: fx.g1.id, amount: '1' },
        ],
      },
      'payment-key-0004',
    );
    expect(twice.statusCode).toBe(400);

    const overPayment = await pay(
      fx.admin,
      {
        debtorId: fx.garage.id,
        date: '2026-03-14',
        amount: '5.00',
        allocations: [{ invoiceId: fx.g1.id, amount: '6' }],
      },
      'payment-key-0005',
    );
    expect(overPayment.statusCode).toBe(400);
    expect(overPayment.json().error.issues[0].field).toBe('allocations');

    // Nothing of the refused payments was written.
    expect((await get(`/api/invoices/${fx.g1.id}`)).json()).toMatchObject({
      open: '300.00',
      allocations: [],
    });
  });

  it('needs an idempotency key, a valid body, and a senior collector or admin', async () => {
    const noKey = await pay(fx.admin, { debtorId: fx.garage.id, date: '2026-03-14', amount: '5.00' });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.issues[0].field).toBe('idempotency-key');
    const bad = await pay(fx.admin, { debtorId: 'x', date: '14-03-2026', amount: '-5' }, 'payment-key-0006');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['amount', 'date', 'debtorId']);
    const forbidden = await pay(
      fx.collector,
      { debtorId: fx.garage.id, date: '2026-03-14', amount: '5.00' },
      'payment-key-0007',
    );
    expect(forbidden.statusCode).toBe(403);
  });

  it('refuses a payment dated after today', async () => {
    const response = await pay(
      fx.admin,
      { debtorId: fx.garage.id, date: '2026-03-16', amount: '5.00' },
      'payment-key-0009',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([
      { field: 'date', message: 'must be on or before 2026-03-15' },
    ]);
  });

  it('records an unallocated payment as unmatched', async () => {
    const response = await pay(
      fx.admin,
      { debtorId: fx.garage.id, date: '2026-03-14', amount: '5.00' },
      'payment-key-0008',
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'unmatched', unallocated: '5.00', allocations: [] });
  });
});

describe('disputes', () => {
  it('marks the invoice disputed and returns it to its status when resolved', async () => {
    const opened = await fx.collector.request({
      method: 'POST',
      url: `/api/invoices/${fx.f2.id}/disputes`,
      payload: { reason: 'goods damaged', description: 'Two crates broken on delivery' },
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      status: 'open',
      invoiceNumber: 'F-002',
      openedBy: { name: 'Carla Collector' },
    });
    expect((await get(`/api/invoices/${fx.f2.id}`)).json()).toMatchObject({
      status: 'disputed',
      disputes: [{ reason: 'goods damaged' }],
    });
    expect(
      (await get(`/api/invoices?status=disputed`)).json().items.map((i: { number: string }) => i.number),
    ).toEqual(['F-002']);

    const byCollector = await fx.collector.request({
      method: 'POST',
      url: `/api/disputes/${opened.json().id}/resolve`,
      payload: { resolution: 'credit note sent', outcome: 'resolved' },
    });
    expect(byCollector.statusCode).toBe(403);

    const resolved = await fx.admin.request({
      method: 'POST',
      url: `/api/disputes/${opened.json().id}/resolve`,
      payload: { resolution: 'customer accepted photos', outcome: 'rejected' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'rejected', resolution: 'customer accepted photos' });
    expect((await get(`/api/invoices/${fx.f2.id}`)).json()).toMatchObject({ status: 'partially_paid' });

    const twice = await fx.admin.request({
      method: 'POST',
      url: `/api/disputes/${opened.json().id}/resolve`,
      payload: { resolution: 'again', outcome: 'resolved' },
    });
    expect(twice.statusCode).toBe(409);
    const kinds = (await get(`/api/invoices/${fx.f2.id}`))
      .json()
      .timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['dispute_resolved', 'dispute_opened']);
  });

  it('refuses to dispute a paid invoice', async () => {
    const response = await fx.collector.request({
      method: 'POST',
      url: `/api/invoices/${fx.f1.id}/disputes`,
      payload: { reason: 'never received' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('INVALID_STATE');
  });
});

describe('invoices', () => {
  it('lists by debtor and status, latest due first', async () => {
    const response = await get(`/api/invoices?debtor=${fx.bakery.id}`);
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
    const response = await fx.admin.request({
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

    const bad = await fx.admin.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { iban: 'NL92ABNA0417164300' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ field: 'iban', message: 'not a valid IBAN' }]);

    const byCollector = await fx.collector.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { city: 'Zwolle' },
    });
    expect(byCollector.statusCode).toBe(403);
  });
});
