import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { camt053Statement } from '../../test/camt053.js';
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
let app: FastifyInstance;
let senior: Session;
let collector: Session;
let viewer: Session;
const invoice: Record<string, { id: string; debtorId: string }> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database);
  const org = await createOrganisation(db);
  const user = async (role: 'senior_collector' | 'collector' | 'viewer', name: string) =>
    login(app, (await createUser(db, { orgId: org.id, role, name })).email, TEST_PASSWORD);
  senior = await user('senior_collector', 'Sam Senior');
  collector = await user('collector', 'Cas Collector');
  viewer = await user('viewer', 'Vera Viewer');
  const jansen = await createDebtor(db, { orgId: org.id, name: 'Bakkerij Jansen', number: 'K100' });
  const peeters = await createDebtor(db, { orgId: org.id, name: 'Garage Peeters', number: 'K200' });
  for (const [number, debtorId, totalCents, paymentReference, dueDate] of [
    ['2026-001', jansen.id, 121000, 'RF18539007547034', '2026-02-01'],
    ['2026-002', jansen.id, 5000, null, '2026-02-10'],
    ['2026-003', peeters.id, 9995, null, '2026-02-20'],
    ['2026-004', peeters.id, 20000, null, '2026-02-25'],
  ] as const) {
    invoice[number] = await createInvoice(db, {
      orgId: org.id,
      debtorId,
      number,
      totalCents,
      paymentReference,
      dueDate,
    });
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

function multipart(files: { filename: string; content: string }[]) {
  const boundary = '----collectdesk-bank-boundary';
  const body = files
    .map(
      (f) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.filename}"\r\n` +
        `Content-Type: application/xml\r\n\r\n${f.content}\r\n`,
    )
    .join('');
  return {
    payload: `${body}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const STATEMENT = camt053Statement({
  account: 'NL91ABNA0417164300',
  date: '2026-03-10',
  openingCents: 50000,
  credits: [
    { amount: '1210.00', name: 'Bakkerij Jansen', iban: 'NL02RABO0123456789', reference: 'RF18539007547034' },
    {
      amount: '299.95',
      name: 'J. Onbekend',
      iban: 'BE71096123456769',
      remittance: 'betaling werkplaats maart',
    },
    { amount: '12.34', name: 'Niemand BV', iban: 'NL20INGB0001234567', remittance: 'foutje' },
  ],
});

type MatchList = {
  total: number;
  items: {
    id: string;
    amount: string;
    unallocated: string;
    counterpartyName: string;
    status: string;
    allocations: unknown[];
    suggestions: unknown[];
  }[];
};
const openPayments = async () =>
  (await collector.request({ method: 'GET', url: '/api/bank/payments' })).json() as MatchList;
const byName = (list: MatchList, name: string) => {
  const found = list.items.find((p) => p.counterpartyName === name);
  if (!found) throw new Error(`no payment of ${name}`);
  return found;
};

describe('bank import upload', () => {
  it('reports each file: the statement matched by reference, the rest left to a person; a broken file by place', async () => {
    const { payload, headers } = multipart([
      { filename: 'abn-2026-03-10.xml', content: STATEMENT },
      { filename: 'broken.xml', content: STATEMENT.slice(0, STATEMENT.indexOf('<Ntry>', 900) + 40) },
      { filename: 'notes.txt', content: 'hello' },
    ]);
    const response = await senior.request({ method: 'POST', url: '/api/bank/imports', payload, headers });
    expect(response.statusCode, response.body).toBe(200);
    const [good, broken, text] = response.json().files;
    expect(good).toEqual({
      file: 'abn-2026-03-10.xml',
      format: 'camt053',
      statements: 1,
      entries: 3,
      duplicates: 0,
      matched: 1,
      suggested: 0,
      unmatched: 2,
      errors: [],
    });
    expect(broken).toMatchObject({ file: 'broken.xml', format: 'camt053', duplicates: 1 });
    expect(broken.errors).toEqual([
      expect.objectContaining({ file: 'broken.xml', message: expect.stringContaining('truncated') }),
    ]);
    expect(text).toEqual(
      expect.objectContaining({
        file: 'notes.txt',
        format: null,
        entries: 0,
        errors: [
          {
            file: 'notes.txt',
            entry: 'file',
            message: expect.stringContaining('not a known bank export layout'),
          },
        ],
      }),
    );

    const invoices = (
      await viewer.request({ method: 'GET', url: `/api/invoices/${invoice['2026-001']?.id}` })
    ).json();
    expect(invoices).toMatchObject({ status: 'paid', open: '0.00' });

    const again = await senior.request({
      method: 'POST',
      url: '/api/bank/imports',
      ...multipart([{ filename: 'again.xml', content: STATEMENT }]),
    });
    expect(again.json().files[0]).toMatchObject({ entries: 3, duplicates: 3, matched: 0, unmatched: 0 });

    const files = (await viewer.request({ method: 'GET', url: '/api/bank/imports' })).json().files;
    expect(files.map((f: { fileName: string; newEntries: number }) => [f.fileName, f.newEntries])).toEqual([
      ['again.xml', 0],
      ['broken.xml', 0],
      ['abn-2026-03-10.xml', 3],
    ]);
    expect(files[2]).toMatchObject({
      format: 'camt053',
      statements: 1,
      importedBy: 'Sam Senior',
      balanceMismatches: 0,
    });
  });

  it('refuses uploads by collectors and requests without files', async () => {
    const { payload, headers } = multipart([{ filename: 'x.xml', content: STATEMENT }]);
    expect(
      (await collector.request({ method: 'POST', url: '/api/bank/imports', payload, headers })).statusCode,
    ).toBe(403);
    const empty = await senior.request({ method: 'POST', url: '/api/bank/imports', ...multipart([]) });
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'files' }] });
  });
});

describe('manual matching', () => {
  it('lists the payments waiting for a person, oldest first, and finds open invoices by number, name or amount', async () => {
    const list = await openPayments();
    expect(list.total).toBe(2);
    expect(list.items.map((p) => [p.counterpartyName, p.amount, p.status])).toEqual([
      ['J. Onbekend', '299.95', 'unmatched'],
      ['Niemand BV', '12.34', 'unmatched'],
    ]);
    const search = async (q: string) =>
      (await collector.request({ method: 'GET', url: `/api/bank/invoices?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((i: { number: string }) => i.number);
    expect(await search('peeters')).toEqual(['2026-003', '2026-004']);
    expect(await search('2026 003')).toEqual(['2026-003']);
    expect(await search('99.95')).toEqual(['2026-003']);
    // The invoice paid by the statement is no longer open.
    expect(await search('RF18 5390 0754 7034')).toEqual([]);
  });

  it('splits a payment over two invoices in one go, and refuses a split that does not fit', async () => {
    const payment = byName(await openPayments(), 'J. Onbekend');
    const url = `/api/bank/payments/${payment.id}/allocate`;
    const tooMuch = await collector.request({
      method: 'POST',
      url,
      payload: { allocations: [{ invoiceId: invoice['2026-003']?.id, amount: '199.95' }] },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.issues).toEqual([
      {
        field: 'allocations.0.amount',
        message: 'the amount is more than the 99.95 open on invoice 2026-003',
      },
    ]);
    const otherDebtor = await collector.request({
      method: 'POST',
      url,
      payload: {
        allocations: [
          { invoiceId: invoice['2026-003']?.id, amount: '99.95' },
          { invoiceId: invoice['2026-002']?.id, amount: '50.00' },
        ],
      },
    });
    expect(otherDebtor.json().error.issues).toEqual([
      {
        field: 'allocations.1.invoiceId',
        message: '2026-002 belongs to another debtor than the rest of the payment',
      },
    ]);

    const split = await collector.request({
      method: 'POST',
      url,
      payload: {
        allocations: [
          { invoiceId: invoice['2026-003']?.id, amount: '99.95' },
          { invoiceId: invoice['2026-004']?.id, amount: '200.00' },
        ],
      },
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json()).toEqual({
      id: payment.id,
      status: 'allocated',
      unallocated: '0.00',
      allocations: [
        { invoiceId: invoice['2026-003']?.id, invoiceNumber: '2026-003', amount: '99.95' },
        { invoiceId: invoice['2026-004']?.id, invoiceNumber: '2026-004', amount: '200.00' },
      ],
    });
    const dossier = (
      await viewer.request({ method: 'GET', url: `/api/debtors/${invoice['2026-003']?.debtorId}` })
    ).json();
    expect(dossier.debtor.open).toBe('0.00');
    expect(dossier.recentPayments[0]).toMatchObject({ amount: '299.95', status: 'allocated' });
    const timeline = (
      await viewer.request({ method: 'GET', url: `/api/debtors/${invoice['2026-003']?.debtorId}/timeline` })
    ).json();
    expect(
      timeline.events.map((e: { kind: string; summary: string }) => [e.kind, e.summary]).slice(0, 3),
    ).toEqual(
      expect.arrayContaining([
        [
          'payment_recorded',
          'Payment of 299.95 received on 2026-03-10 from J. Onbekend, allocated by Cas Collector to 2026-003, 2026-004',
        ],
        ['payment_allocated', '99.95 allocated to invoice 2026-003; 0.00 still open'],
        ['payment_allocated', '200.00 allocated to invoice 2026-004; 0.00 still open'],
      ]),
    );
    expect((await openPayments()).items.map((p) => p.counterpartyName)).toEqual(['Niemand BV']);
  });

  it('undoes one allocation: the invoice reopens and the payment waits again for the rest', async () => {
    const { items } = (await viewer.request({ method: 'GET', url: '/api/debtors?sort=name' })).json();
    expect(items.map((d: { number: string; open: string }) => [d.number, d.open])).toEqual([
      ['K100', '50.00'],
      ['K200', '0.00'],
    ]);
    const [split] = (
      await viewer.request({ method: 'GET', url: `/api/invoices/${invoice['2026-004']?.id}` })
    ).json().allocations;
    const undo = await collector.request({
      method: 'POST',
      url: `/api/bank/payments/${split.paymentId}/undo`,
      payload: { invoiceId: invoice['2026-004']?.id },
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({
      status: 'partially_allocated',
      unallocated: '200.00',
      allocations: [{ invoiceNumber: '2026-003', amount: '99.95' }],
    });
    const reopened = (
      await viewer.request({ method: 'GET', url: `/api/invoices/${invoice['2026-004']?.id}` })
    ).json();
    expect(reopened).toMatchObject({ status: 'open', open: '200.00' });
    const waiting = await openPayments();
    expect(waiting.items.map((p) => [p.counterpartyName, p.status])).toEqual([
      ['J. Onbekend', 'partially_allocated'],
      ['Niemand BV', 'unmatched'],
    ]);
    expect(byName(waiting, 'J. Onbekend')).toMatchObject({
      unallocated: '200.00',
      allocations: [{ invoiceNumber: '2026-003', amount: '99.95' }],
    });
    const twice = await collector.request({
      method: 'POST',
      url: `/api/bank/payments/${split.paymentId}/undo`,
      payload: { invoiceId: invoice['2026-004']?.id },
    });
    expect(twice.json().error.code).toBe('INVALID_STATE');
  });

  it('parks an unidentified payment, then marks it for refund; a parked one cannot be parked again', async () => {
    const { id } = byName(await openPayments(), 'Niemand BV');
    const park = await collector.request({
      method: 'POST',
      url: `/api/bank/payments/${id}/park`,
      payload: {},
    });
    expect(park.json()).toMatchObject({ status: 'parked', unallocated: '12.34', allocations: [] });
    expect((await openPayments()).items.map((p) => p.counterpartyName)).toEqual(['J. Onbekend']);
    const parked = (await collector.request({ method: 'GET', url: '/api/bank/payments?view=parked' })).json();
    expect(parked.items.map((p: { id: string }) => p.id)).toEqual([id]);
    const again = await collector.request({
      method: 'POST',
      url: `/api/bank/payments/${id}/park`,
      payload: {},
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'INVALID_STATE']);
    const refund = await collector.request({
      method: 'POST',
      url: `/api/bank/payments/${id}/refund`,
      payload: { note: 'niet van een klant' },
    });
    expect(refund.json()).toMatchObject({ status: 'refunded' });
    const viewerTry = await viewer.request({
      method: 'POST',
      url: `/api/bank/payments/${id}/park`,
      payload: {},
    });
    expect(viewerTry.statusCode).toBe(403);
  });
});
