import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  type DebtorRow,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';
import type {
  DunningPolicy,
  DunningPolicyInput,
  OutboxPage,
  RunDetail,
  RunPreview,
} from './dunning.schemas.js';

/**
 * The dunning API over HTTP. Today is 2026-03-15 (TEST_NOW). The wholesaler (NL, review mode):
 * - K-100 Horeca Jansen, contact with email: F-1 €121.00 due 03-10 and F-2 €50.00 due 03-09;
 * - K-200 Garage Smit, no email: F-3 €300.00 due 03-01;
 * - K-300 Bloemist, F-4 €80.00 due 04-01 (not yet due).
 * On the 15th the first reminder (due date + 3) is due for K-100 (one email, two invoices) and
 * K-200 (a letter to print: no email address).
 */
let database: Database;
let app: FastifyInstance;
let admin: Session;
let senior: Session;
let collector: Session;
let viewer: Session;
let horeca: DebtorRow;
let garage: DebtorRow;
let florist: DebtorRow;
const TODAY = '2026-03-15';

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database);
  const org = await createOrganisation(db, {
    name: 'Groothandel Noord',
    creditorName: 'Groothandel Noord B.V.',
    addressLine: 'Havenweg 1',
    postalCode: '9711 AA',
    city: 'Groningen',
    iban: 'NL91ABNA0417164300',
    senderEmail: 'debiteuren@noord.example',
  });
  const users = await Promise.all(
    (['admin', 'senior_collector', 'collector', 'viewer'] as const).map((role) =>
      createUser(db, { orgId: org.id, role }),
    ),
  );
  [admin, senior, collector, viewer] = (await Promise.all(
    users.map((u) => login(app, u.email, TEST_PASSWORD)),
  )) as [Session, Session, Session, Session];

  horeca = await createDebtor(db, { orgId: org.id, number: 'K-100', name: 'Horeca Jansen' });
  await createContact(db, {
    orgId: org.id,
    debtorId: horeca.id,
    name: 'Petra Jansen',
    email: 'petra@jansen.example',
    isCollectionsContact: true,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: horeca.id,
    number: 'F-1',
    dueDate: '2026-03-10',
    totalCents: 12100,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: horeca.id,
    number: 'F-2',
    dueDate: '2026-03-09',
    totalCents: 5000,
  });
  garage = await createDebtor(db, {
    orgId: org.id,
    number: 'K-200',
    name: 'Garage Smit',
    addressLine: 'Dorpsstraat 1',
    postalCode: '1234 AB',
    city: 'Zeist',
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: garage.id,
    number: 'F-3',
    dueDate: '2026-03-01',
    totalCents: 30000,
  });
  florist = await createDebtor(db, { orgId: org.id, number: 'K-300', name: 'Bloemist De Roos' });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: florist.id,
    number: 'F-4',
    dueDate: '2026-04-01',
    totalCents: 8000,
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (session: Session, url: string) => session.request({ method: 'GET', url });
const issuesOf = (body: { error: { issues: { field: string; message: string }[] } }) =>
  Object.fromEntries(body.error.issues.map((i) => [i.field, i.message]));

async function policies(): Promise<DunningPolicy[]> {
  return (await get(viewer, '/api/dunning/policies')).json().policies;
}

function asInput(policy: DunningPolicy, changes: Partial<DunningPolicyInput> = {}): DunningPolicyInput {
  return {
    name: policy.name,
    description: policy.description,
    regime: policy.regime,
    segment: policy.segment,
    priority: policy.priority,
    isActive: policy.isActive,
    steps: policy.steps.map(({ id: _id, position: _position, ...step }) => step),
    ...changes,
  };
}

describe('dunning policies', () => {
  it('lists the four default policies on first use, the own country active', async () => {
    const list = await policies();
    expect(list.map((p) => [p.regime, p.isActive])).toEqual([
      ['nl_b2b', true],
      ['nl_b2c', true],
      ['be_b2b', false],
      ['be_b2c', false],
    ]);
    const nl = list[0];
    expect(nl?.steps[1]).toMatchObject({
      name: 'First reminder',
      anchor: 'due_date',
      offsetDays: 3,
      channel: 'email',
      letterKind: 'first_reminder',
      minOpen: '0.00',
    });
    const one = await get(viewer, `/api/dunning/policies/${nl?.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(nl);
  });

  it('copies a policy under a new name and edits its steps (senior collectors and admins only)', async () => {
    const [nl] = await policies();
    if (!nl) throw new Error('no policy');
    const copyBody = asInput(nl, { name: 'NL business — key accounts', segment: 'key', isActive: false });
    expect(
      (await collector.request({ method: 'POST', url: '/api/dunning/policies', payload: copyBody }))
        .statusCode,
    ).toBe(403);
    const created = await senior.request({ method: 'POST', url: '/api/dunning/policies', payload: copyBody });
    expect(created.statusCode).toBe(201);
    const copy: DunningPolicy = created.json();
    expect(copy).toMatchObject({
      name: 'NL business — key accounts',
      segment: 'key',
      debtorKind: 'business',
    });
    expect(copy.steps.map((s) => s.name)).toEqual(nl.steps.map((s) => s.name));

    const steps = asInput(copy).steps;
    const edited = asInput(copy, {
      steps: [
        { ...steps[1], offsetDays: 7, minOpen: '25.50' } as (typeof steps)[number],
        ...steps.slice(2),
        { name: 'Extra call', anchor: 'previous_step', offsetDays: 3, channel: 'call_task' },
      ],
    });
    expect(
      (await viewer.request({ method: 'PUT', url: `/api/dunning/policies/${copy.id}`, payload: edited }))
        .statusCode,
    ).toBe(403);
    const saved = await senior.request({
      method: 'PUT',
      url: `/api/dunning/policies/${copy.id}`,
      payload: edited,
    });
    expect(saved.statusCode).toBe(200);
    const after: DunningPolicy = (await get(viewer, `/api/dunning/policies/${copy.id}`)).json();
    expect(after.steps[0]).toMatchObject({ name: 'First reminder', offsetDays: 7, minOpen: '25.50' });
    expect(after.steps.at(-1)).toMatchObject({
      name: 'Extra call',
      channel: 'call_task',
      letterKind: null,
      tone: 'neutral',
    });
    expect(after.steps).toHaveLength(steps.length);
  });

  it('refuses a name that is taken, with the field named', async () => {
    const [nl, consumer] = await policies();
    if (!nl || !consumer) throw new Error('no policy');
    const response = await admin.request({
      method: 'PUT',
      url: `/api/dunning/policies/${consumer.id}`,
      payload: asInput(consumer, { name: nl.name.toUpperCase() }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'DUPLICATE', issues: [{ field: 'name' }] });
  });

  it('checks the steps and names each wrong field', async () => {
    const [nl] = await policies();
    if (!nl) throw new Error('no policy');
    const step = { name: 'Step', anchor: 'previous_step', offsetDays: 5, channel: 'email' } as const;
    const response = await senior.request({
      method: 'PUT',
      url: `/api/dunning/policies/${nl.id}`,
      payload: asInput(nl, {
        debtorKind: 'consumer',
        steps: [
          { ...step, channel: 'letter' },
          { ...step, channel: 'call_task', letterKind: 'first_reminder', claimsCosts: true },
          { ...step, anchor: 'due_date', offsetDays: -3, letterKind: 'first_reminder' },
          { ...step, offsetDays: 0, letterKind: 'second_reminder' },
          { ...step, letterKind: 'fourteen_day_letter' },
          { ...step, offsetDays: 2.5, letterKind: 'second_reminder', deadlineDays: 0, minOpen: '12,50' },
        ],
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(issuesOf(response.json())).sort()).toEqual(
      ['steps.5.offsetDays', 'steps.5.deadlineDays', 'steps.5.minOpen'].sort(),
    );
    // Each step on its own is well-formed: then the rules between fields are checked.
    const rules = await senior.request({
      method: 'PUT',
      url: `/api/dunning/policies/${nl.id}`,
      payload: asInput(nl, {
        debtorKind: 'consumer',
        steps: [
          { ...step, channel: 'letter' },
          { ...step, channel: 'call_task', letterKind: 'first_reminder', claimsCosts: true },
          { ...step, anchor: 'due_date', offsetDays: -3, letterKind: 'first_reminder' },
          { ...step, offsetDays: 0, letterKind: 'second_reminder' },
          { ...step, letterKind: 'fourteen_day_letter' },
        ],
      }),
    });
    expect(rules.statusCode).toBe(400);
    expect(issuesOf(rules.json())).toEqual({
      debtorKind: expect.stringContaining('business'),
      'steps.0.letterKind': expect.stringContaining('needs a letter kind'),
      'steps.1.letterKind': expect.stringContaining('sends no letter'),
      'steps.1.claimsCosts': expect.stringContaining('only a letter or email'),
      'steps.2.offsetDays': expect.stringContaining('negative offset'),
      'steps.3.offsetDays': expect.stringContaining('at least 1 day'),
      'steps.4.letterKind': expect.stringContaining('Dutch consumers'),
    });
    const empty = await senior.request({
      method: 'PUT',
      url: `/api/dunning/policies/${nl.id}`,
      payload: asInput(nl, { steps: [] }),
    });
    expect(issuesOf(empty.json())).toEqual({ steps: 'a policy needs at least one step' });
    // Nothing of the above was stored.
    expect((await get(viewer, `/api/dunning/policies/${nl.id}`)).json()).toEqual(nl);
  });

  it('keeps a Dutch consumer free of costs until the fourteen-day letter', async () => {
    const consumer = (await policies()).find((p) => p.regime === 'nl_b2c');
    if (!consumer) throw new Error('no consumer policy');
    const steps = asInput(consumer).steps;
    const fourteen = steps.findIndex((s) => s.letterKind === 'fourteen_day_letter');
    const demand = steps.findIndex((s) => s.claimsCosts);
    const swapped = [...steps];
    [swapped[fourteen], swapped[demand]] = [steps[demand], steps[fourteen]] as [
      (typeof steps)[number],
      (typeof steps)[number],
    ];
    const response = await senior.request({
      method: 'PUT',
      url: `/api/dunning/policies/${consumer.id}`,
      payload: asInput(consumer, { steps: swapped }),
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.json())).toEqual({
      [`steps.${fourteen}.claimsCosts`]: expect.stringContaining('fourteen-day letter'),
    });
  });

  it('answers 404 for an unknown policy', async () => {
    const response = await get(viewer, '/api/dunning/policies/00000000-0000-4000-8000-000000000000');
    expect(response.statusCode).toBe(404);
  });
});

describe('the run: preview, plan, approve', () => {
  it('previews the run of a date without storing anything', async () => {
    const response = await get(viewer, `/api/dunning/runs/preview?date=${TODAY}`);
    expect(response.statusCode).toBe(200);
    const preview: RunPreview = response.json();
    expect(preview).toMatchObject({ date: TODAY, today: TODAY, mode: 'review', runTime: '07:00', run: null });
    expect(preview.counts).toEqual([
      expect.objectContaining({
        stepName: 'First reminder',
        policyName: 'NL business (B2B)',
        channel: 'email',
        letterKind: 'first_reminder',
        actions: 2,
        invoices: 3,
        open: '471.00',
      }),
    ]);
    expect(preview.totalActions).toBe(2);
    expect(preview.actions.map((a) => [a.debtor.number, a.invoices, a.open, a.status])).toEqual([
      ['K-200', ['F-3'], '300.00', 'preview'],
      ['K-100', ['F-2', 'F-1'], '171.00', 'preview'],
    ]);
    // Without a date: the organisation's today.
    expect((await get(viewer, '/api/dunning/runs/preview')).json().date).toBe(TODAY);
    expect((await get(viewer, '/api/dunning/runs')).json()).toEqual({ runs: [] });
  });

  it('shows the letter a debtor would get as a PDF', async () => {
    const preview: RunPreview = (await get(viewer, `/api/dunning/runs/preview?date=${TODAY}`)).json();
    const stepId = preview.actions[0]?.stepId;
    const letter = await get(
      viewer,
      `/api/dunning/preview-letter?date=${TODAY}&debtorId=${horeca.id}&stepId=${stepId}`,
    );
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toMatch(
      /^inline; filename="preview-2026-03-15-first_reminder-K-100\.pdf"$/,
    );
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const nothing = await get(
      viewer,
      `/api/dunning/preview-letter?date=${TODAY}&debtorId=${florist.id}&stepId=${stepId}`,
    );
    expect(nothing.statusCode).toBe(404);
    const [nl] = await policies();
    const callStep = nl?.steps.find((s) => s.channel === 'call_task');
    const call = await get(
      viewer,
      `/api/dunning/preview-letter?date=${TODAY}&debtorId=${horeca.id}&stepId=${callStep?.id}`,
    );
    expect(call.json().error.code).toBe('INVALID_STATE');
    const bad = await get(viewer, `/api/dunning/preview-letter?date=${TODAY}&debtorId=nope&stepId=${stepId}`);
    expect(bad.statusCode).toBe(400);
  });

  it('plans the run in review mode; only senior collectors and admins may', async () => {
    expect(
      (await collector.request({ method: 'POST', url: '/api/dunning/runs', payload: { date: TODAY } }))
        .statusCode,
    ).toBe(403);
    const later = await senior.request({
      method: 'POST',
      url: '/api/dunning/runs',
      payload: { date: '2026-03-16' },
    });
    expect(later.statusCode).toBe(400);
    expect(issuesOf(later.json())).toEqual({ date: expect.stringContaining('later date') });

    const response = await senior.request({
      method: 'POST',
      url: '/api/dunning/runs',
      payload: { date: TODAY },
    });
    expect(response.statusCode).toBe(200);
    const run: RunDetail = response.json();
    expect(run).toMatchObject({
      date: TODAY,
      status: 'planned',
      mode: 'review',
      planned: 2,
      done: 0,
      totalActions: 2,
    });
    expect(run.actions.map((a) => [a.debtor.number, a.status, a.documentId])).toEqual([
      ['K-200', 'planned', null],
      ['K-100', 'planned', null],
    ]);
    expect(run.counts).toEqual([expect.objectContaining({ actions: 2, invoices: 3, open: '471.00' })]);
    // The planned letter can still be previewed; a new preview has nothing left to add.
    const letter = await get(
      viewer,
      `/api/dunning/preview-letter?date=${TODAY}&debtorId=${garage.id}&stepId=${run.actions[0]?.stepId}`,
    );
    expect(letter.headers['content-type']).toBe('application/pdf');
    const preview: RunPreview = (await get(viewer, `/api/dunning/runs/preview?date=${TODAY}`)).json();
    expect(preview).toMatchObject({ totalActions: 0, run: { id: run.id, status: 'planned', planned: 2 } });
    expect((await get(viewer, '/api/outbox')).json().items).toEqual([]);
  });

  it('sends the planned run on approval, once', async () => {
    const [summary] = (await get(viewer, '/api/dunning/runs')).json().runs;
    expect(summary).toMatchObject({ date: TODAY, status: 'planned', planned: 2 });
    const url = `/api/dunning/runs/${summary.id}/approve`;
    expect((await viewer.request({ method: 'POST', url })).statusCode).toBe(403);
    const response = await senior.request({ method: 'POST', url });
    expect(response.statusCode).toBe(200);
    const run: RunDetail = response.json();
    expect(run).toMatchObject({
      status: 'completed',
      planned: 0,
      done: 2,
      approvedBy: { name: expect.any(String) },
    });
    expect(run.actions.map((a) => [a.debtor.number, a.status, a.outboxStatus])).toEqual([
      ['K-200', 'done', 'to_print'],
      ['K-100', 'done', 'queued'],
    ]);
    expect(run.actions.every((a) => a.documentId)).toBe(true);
    const again = await senior.request({ method: 'POST', url });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect((await get(viewer, `/api/dunning/runs/${summary.id}`)).json()).toEqual(run);
  });
});

describe('outbox and documents', () => {
  it('lists the messages with a status filter and counts per status', async () => {
    const all: OutboxPage = (await get(viewer, '/api/outbox')).json();
    expect(all).toMatchObject({ page: 1, pageSize: 50, total: 2, totalIsCapped: false });
    expect(all.statusCounts).toEqual({ queued: 1, sent: 0, failed: 0, to_print: 1, printed: 0 });
    expect(all.items.map((m) => [m.debtor.number, m.to, m.status])).toEqual(
      expect.arrayContaining([
        ['K-100', 'petra@jansen.example', 'queued'],
        ['K-200', null, 'to_print'],
      ]),
    );
    const toPrint: OutboxPage = (await get(viewer, '/api/outbox?status=to_print')).json();
    expect(toPrint.items).toEqual([
      expect.objectContaining({ debtor: expect.objectContaining({ name: 'Garage Smit' }) }),
    ]);
    expect((await get(viewer, `/api/outbox?debtor=${horeca.id}`)).json().items).toHaveLength(1);
    expect((await get(viewer, '/api/outbox?status=posted')).statusCode).toBe(400);
  });

  it('shows a letter as sent, inline', async () => {
    const [letter] = (await get(viewer, '/api/outbox?status=to_print')).json().items;
    const response = await get(viewer, `/api/documents/${letter.documentId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'inline; filename="2026-03-15-first_reminder-K-200.pdf"',
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(viewer, '/api/documents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('marks a letter printed (collectors and up), once, and notes it on the timeline', async () => {
    const [letter] = (await get(viewer, '/api/outbox?status=to_print')).json().items;
    const url = `/api/outbox/${letter.id}/printed`;
    expect((await viewer.request({ method: 'POST', url })).statusCode).toBe(403);
    const response = await collector.request({ method: 'POST', url });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: letter.id, status: 'printed', sentAt: expect.any(String) });
    expect((await collector.request({ method: 'POST', url })).json().error.code).toBe('INVALID_STATE');
    const [email] = (await get(viewer, '/api/outbox?status=queued')).json().items;
    const notALetter = await collector.request({ method: 'POST', url: `/api/outbox/${email.id}/printed` });
    expect(notALetter.statusCode).toBe(409);
    const dossier = (await get(viewer, `/api/debtors/${garage.id}`)).json();
    expect(dossier.timeline.events[0]).toMatchObject({
      kind: 'letter',
      summary: expect.stringMatching(/^Printed for posting: /),
    });
  });
});

describe('claim statement', () => {
  it("states principal, WIK costs per invoice and interest for a Dutch business's overdue invoices", async () => {
    const response = await get(viewer, `/api/debtors/${horeca.id}/claim?date=2026-04-15`);
    expect(response.statusCode).toBe(200);
    const claim = response.json();
    expect(claim).toMatchObject({
      debtor: { number: 'K-100' },
      date: '2026-04-15',
      regime: 'nl_b2b',
      policy: { name: 'NL business (B2B)' },
      principal: '171.00',
      costs: { isChargeable: true, reason: null, amount: '80.00', vat: '0.00' },
      payments: '0.00',
    });
    expect(
      claim.costs.lines.map((l: { invoiceNumbers: string[]; amount: string }) => [
        l.invoiceNumbers,
        l.amount,
      ]),
    ).toEqual([
      [['F-2'], '40.00'],
      [['F-1'], '40.00'],
    ]);
    expect(claim.costs.rule).toContain('6:96');
    const [f2, f1] = claim.invoices;
    expect(f2).toMatchObject({ number: 'F-2', dueDate: '2026-03-09', principal: '50.00' });
    expect(f1.interestDetail.periods[0]).toMatchObject({
      from: '2026-03-11',
      to: '2026-04-15',
      days: 36,
      base: '121.00',
    });
    expect(Number(f1.interest)).toBeGreaterThan(0);
    const sum = [claim.principal, claim.costs.amount, claim.costs.vat, claim.interest].reduce(
      (total, amount) => total + Math.round(Number(amount) * 100),
      0,
    );
    expect(Math.round(Number(claim.balance) * 100)).toBe(sum);
  });

  it('charges a Dutch consumer no costs before the fourteen-day letter, and says why', async () => {
    const consumer = await createDebtor(database.db, {
      orgId: horeca.orgId,
      number: 'P-1',
      name: 'J. de Vries',
      kind: 'consumer',
    });
    await createInvoice(database.db, {
      orgId: horeca.orgId,
      debtorId: consumer.id,
      dueDate: '2026-02-01',
      totalCents: 20000,
    });
    const claim = (await get(viewer, `/api/debtors/${consumer.id}/claim`)).json();
    expect(claim).toMatchObject({
      date: TODAY,
      regime: 'nl_b2c',
      principal: '200.00',
      costs: { isChargeable: false, reason: 'NO_LETTER', amount: '0.00', message: expect.any(String) },
    });
  });

  it('is empty for a debtor with nothing overdue, and 404 for an unknown one', async () => {
    const claim = (await get(viewer, `/api/debtors/${florist.id}/claim`)).json();
    expect(claim).toMatchObject({ principal: '0.00', balance: '0.00', invoices: [] });
    expect((await get(viewer, '/api/debtors/00000000-0000-4000-8000-000000000000/claim')).statusCode).toBe(
      404,
    );
  });
});

describe('automatic mode and other organisations', () => {
  it('sends at once when the organisation runs automatically; sees nothing of the other organisation', async () => {
    const org = await createOrganisation(database.db, {
      name: 'Automaat',
      country: 'NL',
      iban: 'NL91ABNA0417164300',
    });
    const user = await createUser(database.db, { orgId: org.id, role: 'admin' });
    const other = await login(app, user.email, TEST_PASSWORD);
    const debtor = await createDebtor(database.db, { orgId: org.id, number: 'A-1', name: 'Automaat Klant' });
    await createInvoice(database.db, { orgId: org.id, debtorId: debtor.id, dueDate: '2026-03-01' });

    const settings = await other.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { dunningMode: 'automatic', dunningRunTime: '06:30' },
    });
    expect(settings.json()).toMatchObject({ dunningMode: 'automatic', dunningRunTime: '06:30' });
    const badTime = await other.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { dunningRunTime: '25:00' },
    });
    expect(badTime.statusCode).toBe(400);

    const run: RunDetail = (
      await other.request({ method: 'POST', url: '/api/dunning/runs', payload: {} })
    ).json();
    expect(run).toMatchObject({ date: TODAY, mode: 'automatic', status: 'completed', done: 1, planned: 0 });
    expect(run.actions.map((a) => a.debtor.number)).toEqual(['A-1']);

    // The first organisation's objects are "not found" here, and its lists do not leak in.
    const [theirPolicy] = await policies();
    const [theirRun] = (await get(viewer, '/api/dunning/runs')).json().runs;
    const [theirLetter] = (await get(viewer, '/api/outbox')).json().items;
    for (const url of [
      `/api/dunning/policies/${theirPolicy?.id}`,
      `/api/dunning/runs/${theirRun.id}`,
      `/api/documents/${theirLetter.documentId}`,
      `/api/debtors/${horeca.id}/claim`,
      `/api/dunning/preview-letter?date=${TODAY}&debtorId=${horeca.id}&stepId=${theirPolicy?.steps[1]?.id}`,
    ]) {
      expect((await get(other, url)).statusCode, url).toBe(404);
    }
    expect(
      (await other.request({ method: 'POST', url: `/api/dunning/runs/${theirRun.id}/approve` })).statusCode,
    ).toBe(404);
    expect(
      (await other.request({ method: 'POST', url: `/api/outbox/${theirLetter.id}/printed` })).statusCode,
    ).toBe(404);
    const outbox: OutboxPage = (await get(other, '/api/outbox')).json();
    expect(outbox.items.map((m) => m.debtor.number)).toEqual(['A-1']);
    expect((await get(other, '/api/dunning/runs')).json().runs.map((r: { id: string }) => r.id)).toEqual([
      run.id,
    ]);
    const otherPolicies: DunningPolicy[] = (await get(other, '/api/dunning/policies')).json().policies;
    expect(otherPolicies.map((p) => p.id)).not.toContain(theirPolicy?.id);
  });
});
