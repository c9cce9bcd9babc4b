import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { Database } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';

/** Tuesday 8 December 2026, 10:00 in Amsterdam. */
const NOW = '2026-12-08T09:00:00Z';
const SCRIPT = '/api/call-scripts/falling_behind/en';
const OBJECTION = '/api/objections/already_paid/en';

let database: Database;
let app: FastifyInstance;
let collector: Session;
let senior: Session;
let prepSheet: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database, { clock: fixedClock(NOW) });
  const org = await createOrganisation(db, { slug: 'texts', creditorName: 'Bakkerij Zon BV' });
  const me = await createUser(db, { orgId: org.id, role: 'collector', values: { language: 'en' } });
  const lead = await createUser(db, { orgId: org.id, role: 'senior_collector', name: 'Ria Senior' });
  const debtor = await createDebtor(db, { orgId: org.id, number: 'K-200', name: 'Hoek Installaties BV' });
  await createContact(db, {
    orgId: org.id,
    debtorId: debtor.id,
    name: 'Marieke Hoek',
    isCollectionsContact: true,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: 'F-1',
    dueDate: '2026-10-01',
    totalCents: 90_000,
  });
  prepSheet = `/api/debtors/${debtor.id}/prep-sheet`;
  collector = await login(app, me.email, TEST_PASSWORD);
  senior = await login(app, lead.email, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const sheet = async () => {
  const response = await collector.request({ method: 'GET', url: prepSheet });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('call scripts editable by seniors', () => {
  it('refuses an unknown placeholder, naming the line, and a collector editing', async () => {
    const typo = await senior.request({
      method: 'PUT',
      url: SCRIPT,
      payload: { opening: ['{greeting}, {contactName}.', 'About {overdueAmont}.'] },
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { field: 'opening[1]', message: expect.stringContaining('unknown placeholder {overdueAmont}') },
      ],
    });
    const notSenior = await collector.request({ method: 'PUT', url: SCRIPT, payload: { opening: ['Hi'] } });
    expect(notSenior.statusCode).toBe(403);
    const empty = await senior.request({ method: 'PUT', url: SCRIPT, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('an edited opening is what the prep sheet reads; the other sections stay the default', async () => {
    const before = await sheet();
    expect(before.script.situation).toBe('falling_behind');
    const saved = await senior.request({
      method: 'PUT',
      url: SCRIPT,
      payload: { opening: ['{greeting} {contactName}, this is {collectorName} about {overdueAmount}.'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isOverridden: true, updatedBy: 'Ria Senior' });
    expect(saved.json().effective.closing).toEqual(saved.json().default.closing);
    const after = await sheet();
    expect(after.script.sections.opening).toEqual([
      expect.stringMatching(/^Good morning Marieke Hoek, this is .+ about €900\.00\.$/),
    ]);
    expect(after.script.sections.closing).toEqual(before.script.sections.closing);
    const list = await collector.request({ method: 'GET', url: '/api/call-scripts?language=en' });
    expect(list.json().items).toHaveLength(6);
    expect(list.json().items.filter((i: { isOverridden: boolean }) => i.isOverridden)).toEqual([
      expect.objectContaining({ situation: 'falling_behind', language: 'en' }),
    ]);
  });

  it('a line the call cannot fill says a neutral hint instead of failing the prep sheet', async () => {
    // This debtor never promised anything: the promise placeholders have no value.
    await senior.request({
      method: 'PUT',
      url: SCRIPT,
      payload: { opening: ['You promised {promisedAmount} by {promisedDate}.'] },
    });
    expect((await sheet()).script.sections.opening).toEqual([
      'You promised [promised amount] by [promised date].',
    ]);
  });

  it('a debtor with nothing open still gets a prep sheet (its before-due script has no coming payment)', async () => {
    const [org] = await database.db.select().from(organisations).where(eq(organisations.slug, 'texts'));
    const settled = await createDebtor(database.db, { orgId: org?.id ?? '', number: 'K-201' });
    const response = await collector.request({ method: 'GET', url: `/api/debtors/${settled.id}/prep-sheet` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().script.situation).toBe('before_due');
    expect(response.json().script.sections.opening.join(' ')).toContain('[amount]');
  });

  it('resets to the default', async () => {
    const reset = await senior.request({ method: 'DELETE', url: SCRIPT });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ isOverridden: false, override: null });
    expect(reset.json().effective).toEqual(reset.json().default);
    expect((await sheet()).script.sections.opening[0]).toMatch(/^Good morning, this is /);
  });
});

describe('objection wording editable by seniors', () => {
  it('refuses a counter the objection does not have and a placeholder in the label', async () => {
    const wrong = await senior.request({
      method: 'PUT',
      url: OBJECTION,
      payload: { label: 'Paid, says {debtorName}', counters: { ask_detail: 'When?' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      'label',
      'counters.ask_detail',
    ]);
  });

  it('the prep sheet shows the reworded label and counter, and the default again after a reset', async () => {
    const saved = await senior.request({
      method: 'PUT',
      url: OBJECTION,
      payload: {
        label: 'Says it is paid',
        counters: { send_proof: 'Could you email the proof for {invoicePhrase}?' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().counterKeys).toEqual(['ask_details', 'send_proof']);
    const shown = (await sheet()).objections.find((o: { code: string }) => o.code === 'already_paid');
    expect(shown.label).toBe('Says it is paid');
    expect(shown.counters.map((c: { text: string }) => c.text)).toContain(
      'Could you email the proof for invoice F-1?',
    );
    const list = await collector.request({ method: 'GET', url: '/api/objections?language=en' });
    expect(list.json().items.find((i: { code: string }) => i.code === 'already_paid')).toMatchObject({
      label: 'Says it is paid',
      isOverridden: true,
    });

    expect((await senior.request({ method: 'DELETE', url: OBJECTION })).statusCode).toBe(200);
    const back = (await sheet()).objections.find((o: { code: string }) => o.code === 'already_paid');
    expect(back.label).toBe('Already paid');
  });
});
