import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/client.js';
import { payments } from './db/schema/index.js';
import { createTestDatabase } from './test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from './test/factories.js';
import { buildTestApp, login, type Session } from './test/http.js';

/**
 * Organisation isolation, for every route: an admin of organisation A addressing any object of
 * organisation B gets 404 (never 403, never B's data), and lists never show B's objects. Routes
 * are taken from the app itself, so a new route is checked as soon as it exists: give it an
 * object below (PARAMS) and, for a write, a valid body (BODIES), or this test fails.
 */
let database: Database;
let app: FastifyInstance;
let sessionA: Session;
let sessionB: Session;
let ids: Record<string, string>;
let orgIdA: string;
const B_MARKERS = ['Geheim Bedrijf B', 'B-SECRET-7', 'B-INV-7', 'bsecret@example.test'];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database);
  const orgA = await createOrganisation(db, { name: 'Alpha' });
  orgIdA = orgA.id;
  const orgB = await createOrganisation(db, { name: 'Beta', iban: 'NL91ABNA0417164300' });
  const adminA = await createUser(db, { orgId: orgA.id, role: 'admin' });
  const adminB = await createUser(db, { orgId: orgB.id, role: 'admin', email: 'bsecret@example.test' });
  // A's own data, so lists are not trivially empty.
  const debtorA = await createDebtor(db, { orgId: orgA.id, segment: 'a-segment' });
  await createInvoice(db, { orgId: orgA.id, debtorId: debtorA.id });

  const debtorB = await createDebtor(db, {
    orgId: orgB.id,
    name: 'Geheim Bedrijf B',
    number: 'B-SECRET-7',
    segment: 'b-segment',
    assignedCollectorId: adminB.id,
  });
  const contactB = await createContact(db, { orgId: orgB.id, debtorId: debtorB.id, name: 'Geheim Contact' });
  const invoiceB = await createInvoice(db, { orgId: orgB.id, debtorId: debtorB.id, number: 'B-INV-7' });
  sessionA = await login(app, adminA.email, TEST_PASSWORD);
  sessionB = await login(app, adminB.email, TEST_PASSWORD);
  const dispute = await sessionB.request({
    method: 'POST',
    url: `/api/invoices/${invoiceB.id}/disputes`,
    payload: { reason: 'B reason' },
  });
  const token = await sessionB.request({ method: 'POST', url: '/api/tokens', payload: { name: 'B token' } });
  // A dunning run of B that printed a letter: a policy, a run, an outbox message and its document.
  await createInvoice(db, { orgId: orgB.id, debtorId: debtorB.id, number: 'B-INV-8', dueDate: '2026-03-01' });
  const policiesB = await sessionB.request({ method: 'GET', url: '/api/dunning/policies' });
  const runB = await sessionB.request({ method: 'POST', url: '/api/dunning/runs', payload: {} });
  await sessionB.request({ method: 'POST', url: `/api/dunning/runs/${runB.json().id}/approve` });
  const [letterB] = (await sessionB.request({ method: 'GET', url: '/api/outbox' })).json().items;
  // A bank payment of B waiting for manual matching.
  const [paymentB] = await db
    .insert(payments)
    .values({
      orgId: orgB.id,
      date: '2026-03-10',
      amountCents: 4200,
      counterpartyName: 'Geheim Bedrijf B',
      method: 'bank',
    })
    .returning();
  // A payment plan of B, with its confirmation letter.
  const planInvoiceB = await createInvoice(db, { orgId: orgB.id, debtorId: debtorB.id, number: 'B-INV-9' });
  const planB = await sessionB.request({
    method: 'POST',
    url: `/api/debtors/${debtorB.id}/payment-plans`,
    payload: {
      invoiceIds: [planInvoiceB.id],
      instalmentCount: 2,
      interval: 'month',
      firstDueDate: '2026-04-01',
      acknowledgeWarnings: true,
    },
  });
  // A call of B with its evaluation, and B's own wording of a script and an objection.
  const callB = await sessionB.request({
    method: 'POST',
    url: `/api/debtors/${debtorB.id}/calls`,
    payload: { outcome: 'no_answer' },
  });
  const evaluationB = await sessionB.request({
    method: 'POST',
    url: `/api/calls/${callB.json().callId}/evaluation`,
    payload: { wentWell: 'Geheim Bedrijf B answered nothing' },
  });
  await sessionB.request({
    method: 'PUT',
    url: `/api/call-scripts/${NAMES.situation}/${NAMES.language}`,
    payload: { opening: ['Geheim Bedrijf B opening'] },
  });
  await sessionB.request({
    method: 'PUT',
    url: `/api/objections/${NAMES.code}/${NAMES.language}`,
    payload: { label: 'Geheim Bedrijf B label' },
  });
  ids = {
    calls: callB.json().callId,
    'call-evaluations': evaluationB.json().id,
    debtors: debtorB.id,
    invoices: invoiceB.id,
    disputes: dispute.json().id,
    tokens: token.json().id,
    contactId: contactB.id,
    policies: policiesB.json().policies[0].id,
    runs: runB.json().id,
    outbox: letterB.id,
    documents: letterB.documentId,
    payments: paymentB?.id ?? '',
    'payment-plans': planB.json().plan.id,
  };
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/**
 * Path parameters that name a text of the library (a script situation, an objection, a language),
 * not an object: every organisation has its own edit of the same name, checked apart below.
 */
const NAMES: Record<string, string> = { situation: 'falling_behind', language: 'nl', code: 'already_paid' };
const isNamedRoute = (route: string) =>
  route.includes(':') && [...route.matchAll(/:(\w+)/g)].every((match) => (match[1] ?? '') in NAMES);

/**
 * Which object of B stands in for each path parameter: by parameter name, else by the collection
 * the id follows (`/api/dunning/runs/:id/approve` → runs).
 */
function urlFor(route: string): string {
  return route.replace(/:(\w+)/g, (param: string, name: string) => {
    if (name in NAMES) return NAMES[name] ?? '';
    const segments = route.split('/');
    const collection = segments[segments.indexOf(param) - 1] ?? '';
    const id = name === 'id' ? ids[collection] : ids[name];
    if (!id) throw new Error(`isolation test: no object of organisation B for :${name} in ${route}; add one`);
    return id;
  });
}

const PLAN_PROPOSAL = {
  invoiceIds: ['00000000-0000-4000-8000-000000000000'],
  instalmentCount: 2,
  interval: 'month',
  firstDueDate: '2026-04-01',
};

/** A valid body for each write route with an id, so the 404 comes from scoping, not validation. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/debtors/:id': { notes: 'x' },
  'POST /api/debtors/:id/notes': { text: 'x' },
  'POST /api/debtors/:id/contacts': { name: 'x' },
  'PATCH /api/debtors/:id/contacts/:contactId': { name: 'x' },
  'DELETE /api/debtors/:id/contacts/:contactId': undefined,
  'POST /api/invoices/:id/disputes': { reason: 'x' },
  'POST /api/disputes/:id/resolve': { resolution: 'x', outcome: 'resolved' },
  'DELETE /api/tokens/:id': undefined,
  'PUT /api/dunning/policies/:id': {
    name: 'x',
    regime: 'nl_b2b',
    steps: [{ name: 'x', anchor: 'due_date', offsetDays: 3, channel: 'call_task' }],
  },
  'POST /api/dunning/runs/:id/approve': undefined,
  'POST /api/outbox/:id/printed': undefined,
  'POST /api/bank/payments/:id/allocate': {
    allocations: [{ invoiceId: '00000000-0000-4000-8000-000000000000', amount: '1.00' }],
  },
  'POST /api/bank/payments/:id/park': {},
  'POST /api/bank/payments/:id/refund': {},
  'POST /api/bank/payments/:id/undo': {},
  'POST /api/debtors/:id/payment-plans/preview': PLAN_PROPOSAL,
  'POST /api/debtors/:id/payment-plans': { ...PLAN_PROPOSAL, acknowledgeWarnings: true },
  'POST /api/payment-plans/:id/cancel': {},
  'POST /api/debtors/:id/calls': { outcome: 'no_answer' },
  'POST /api/debtors/:id/call-lock': { action: 'acquire' },
  'POST /api/debtors/:id/invoice-copies': { invoiceIds: ['00000000-0000-4000-8000-000000000000'] },
  'DELETE /api/debtors/:id/call-lock': undefined,
  'POST /api/calls/:id/evaluation': { wentWell: 'x' },
  'POST /api/call-evaluations/:id/review': {},
};

const apiRoutes = () =>
  app.registeredRoutes.filter(
    (r) => r.url.startsWith('/api/') && r.access !== 'public' && r.method !== 'HEAD' && !r.url.includes('*'),
  );
/** Routes addressing one object by its id. */
const idRoutes = () => apiRoutes().filter((r) => r.url.includes(':') && !isNamedRoute(r.url));

describe('organisation isolation', () => {
  it('covers a known set of routes with an id', () => {
    const withId = idRoutes();
    expect(withId.length).toBeGreaterThanOrEqual(11);
  });

  it('answers 404 for every object of another organisation, on every route with an id', async () => {
    const failures: string[] = [];
    for (const route of idRoutes()) {
      const key = `${route.method} ${route.url}`;
      if (route.method !== 'GET' && !(key in BODIES)) {
        failures.push(`${key}: add a valid body to BODIES`);
        continue;
      }
      const response = await sessionA.request({
        method: route.method as 'GET',
        url: urlFor(route.url),
        ...(BODIES[key] === undefined ? {} : { payload: BODIES[key] }),
      });
      if (response.statusCode !== 404) failures.push(`${key}: ${response.statusCode} ${response.body}`);
      for (const marker of B_MARKERS) {
        if (response.body.includes(marker)) failures.push(`${key}: leaks "${marker}"`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows B its own objects on the same routes (the 404s above are not vacuous)', async () => {
    for (const route of idRoutes().filter((r) => r.method === 'GET')) {
      const response = await sessionB.request({ method: 'GET', url: urlFor(route.url) });
      expect(response.statusCode, route.url).toBe(200);
    }
  });

  it('never lists objects of another organisation', async () => {
    const lists = apiRoutes().filter(
      (r) => (!r.url.includes(':') || isNamedRoute(r.url)) && r.method === 'GET',
    );
    for (const route of lists) {
      if (route.url === '/api/auth/me') continue; // about the user, not the organisation
      if (route.url === '/api/dunning/preview-letter') continue; // names a debtor and a step: below
      if (route.url === '/api/bank/invoices') continue; // needs a search: below
      const response = await sessionA.request({ method: 'GET', url: urlFor(route.url) });
      expect(response.statusCode, route.url).toBe(200);
      for (const marker of [...B_MARKERS, 'b-segment', 'B token']) {
        expect(response.body, `${route.url} leaks ${marker}`).not.toContain(marker);
      }
    }
    const search = await sessionA.request({ method: 'GET', url: '/api/debtors?search=B-SECRET-7' });
    expect(search.json().items).toEqual([]);
    const byDebtor = await sessionA.request({ method: 'GET', url: `/api/invoices?debtor=${ids.debtors}` });
    expect(byDebtor.json().items).toEqual([]);
    const outboxByDebtor = await sessionA.request({
      method: 'GET',
      url: `/api/outbox?debtor=${ids.debtors}`,
    });
    expect(outboxByDebtor.json().items).toEqual([]);
    const stepB = (
      await sessionB.request({ method: 'GET', url: `/api/dunning/policies/${ids.policies}` })
    ).json().steps[1].id;
    const letter = `/api/dunning/preview-letter?date=2026-03-15&debtorId=${ids.debtors}&stepId=${stepB}`;
    expect((await sessionA.request({ method: 'GET', url: letter })).statusCode).toBe(404);
    for (const q of ['B-INV-7', 'Geheim', '100.00']) {
      const found = await sessionA.request({ method: 'GET', url: `/api/bank/invoices?q=${q}` });
      expect(found.json().items.map((i: { number: string }) => i.number)).not.toContain('B-INV-7');
    }
  });

  it('keeps each organisation’s edit of a named text: writing and resetting A’s leaves B’s', async () => {
    const named = apiRoutes().filter((r) => isNamedRoute(r.url) && r.method !== 'GET');
    expect(named.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'DELETE /api/call-scripts/:situation/:language',
      'DELETE /api/objections/:code/:language',
      'PUT /api/call-scripts/:situation/:language',
      'PUT /api/objections/:code/:language',
    ]);
    const script = urlFor('/api/call-scripts/:situation/:language');
    const objection = urlFor('/api/objections/:code/:language');
    await sessionA.request({ method: 'PUT', url: script, payload: { opening: ['Alpha opening'] } });
    await sessionA.request({ method: 'PUT', url: objection, payload: { label: 'Alpha label' } });
    expect((await sessionA.request({ method: 'GET', url: script })).json().effective.opening).toEqual([
      'Alpha opening',
    ]);
    for (const url of [script, objection]) {
      expect((await sessionA.request({ method: 'DELETE', url })).statusCode).toBe(200);
    }
    expect((await sessionB.request({ method: 'GET', url: script })).json().effective.opening).toEqual([
      'Geheim Bedrijf B opening',
    ]);
    expect((await sessionB.request({ method: 'GET', url: objection })).json().effective.label).toBe(
      'Geheim Bedrijf B label',
    );
  });

  it('refuses to pay, allocate or assign across organisations', async () => {
    const payB = await sessionA.request({
      method: 'POST',
      url: '/api/payments',
      headers: { 'idempotency-key': 'isolation-0001' },
      payload: { debtorId: ids.debtors, date: '2026-03-14', amount: '1.00' },
    });
    expect(payB.statusCode).toBe(404);
    const debtorsA = (await sessionA.request({ method: 'GET', url: '/api/debtors' })).json();
    const allocateB = await sessionA.request({
      method: 'POST',
      url: '/api/payments',
      headers: { 'idempotency-key': 'isolation-0002' },
      payload: {
        debtorId: debtorsA.items[0].id,
        date: '2026-03-14',
        amount: '1.00',
        allocations: [{ invoiceId: ids.invoices, amount: '1.00' }],
      },
    });
    expect(allocateB.statusCode).toBe(404);
    const [bankPaymentA] = await database.db
      .insert(payments)
      .values({ orgId: orgIdA, date: '2026-03-10', amountCents: 100, method: 'bank' })
      .returning();
    const matchB = await sessionA.request({
      method: 'POST',
      url: `/api/bank/payments/${bankPaymentA?.id}/allocate`,
      payload: { allocations: [{ invoiceId: ids.invoices, amount: '1.00' }] },
    });
    expect([matchB.statusCode, matchB.json().error.code]).toEqual([404, 'INVOICE_NOT_FOUND']);
    const collectorsB = (await sessionB.request({ method: 'GET', url: '/api/collectors' })).json();
    const assignB = await sessionA.request({
      method: 'PATCH',
      url: `/api/debtors/${debtorsA.items[0].id}`,
      payload: { assignedCollectorId: collectorsB.collectors[0].id },
    });
    expect(assignB.statusCode).toBe(400);
    // B's invoice is untouched by all of the above.
    const invoiceB = await sessionB.request({ method: 'GET', url: `/api/invoices/${ids.invoices}` });
    expect(invoiceB.json()).toMatchObject({ open: '100.00', allocations: [] });
  });
});
