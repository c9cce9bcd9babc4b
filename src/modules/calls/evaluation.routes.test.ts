import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { Database } from '../../db/client.js';
import { timelineEvents } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';

/** Tuesday 8 December 2026, 10:00 in Amsterdam. */
const NOW = '2026-12-08T09:00:00Z';

let database: Database;
let app: FastifyInstance;
let collector: Session;
let colleague: Session;
let senior: Session;
let colleagueId: string;
let debtorId: string;
let callId: string;
let evaluationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  app = await buildTestApp(database, { clock: fixedClock(NOW) });
  const org = await createOrganisation(db, { slug: 'evaluations' });
  const me = await createUser(db, { orgId: org.id, role: 'collector', name: 'Sanne Collector' });
  const other = await createUser(db, { orgId: org.id, role: 'collector' });
  colleagueId = other.id;
  const lead = await createUser(db, { orgId: org.id, role: 'senior_collector', name: 'Ria Senior' });
  const debtor = await createDebtor(db, { orgId: org.id, number: 'K-300', name: 'Hoek Installaties BV' });
  debtorId = debtor.id;
  await createInvoice(db, { orgId: org.id, debtorId, dueDate: '2026-11-01', totalCents: 50_000 });
  collector = await login(app, me.email, TEST_PASSWORD);
  colleague = await login(app, other.email, TEST_PASSWORD);
  senior = await login(app, lead.email, TEST_PASSWORD);
  const call = await collector.request({
    method: 'POST',
    url: `/api/debtors/${debtorId}/calls`,
    payload: {
      outcome: 'reached',
      agreement: { result: 'refuses' },
      notes: 'Refused, upset about the delivery',
    },
  });
  expect(call.statusCode, call.body).toBe(200);
  callId = call.json().callId;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const evaluationEvents = () =>
  database.db
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.debtorId, debtorId), eq(timelineEvents.kind, 'call_evaluation')))
    .orderBy(timelineEvents.id);

describe('evaluating a call', () => {
  it('is written by the collector who made the call, not by a colleague', async () => {
    expect(
      (await collector.request({ method: 'GET', url: `/api/calls/${callId}/evaluation` })).statusCode,
    ).toBe(404);
    const empty = await collector.request({
      method: 'POST',
      url: `/api/calls/${callId}/evaluation`,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues).toContainEqual(expect.objectContaining({ field: 'wentWell' }));

    const written = await collector.request({
      method: 'POST',
      url: `/api/calls/${callId}/evaluation`,
      payload: { wentWell: 'Stayed calm', toImprove: '' },
    });
    expect(written.statusCode, written.body).toBe(200);
    evaluationId = written.json().id;
    expect(written.json()).toMatchObject({
      callId,
      wentWell: 'Stayed calm',
      toImprove: null,
      author: 'Sanne Collector',
      call: { outcome: 'reached', result: 'refuses', collector: { name: 'Sanne Collector' } },
      debtor: { number: 'K-300' },
      review: null,
    });

    const byColleague = await colleague.request({
      method: 'POST',
      url: `/api/calls/${callId}/evaluation`,
      payload: { wentWell: 'x' },
    });
    expect(byColleague.statusCode).toBe(403);

    const rewritten = await collector.request({
      method: 'POST',
      url: `/api/calls/${callId}/evaluation`,
      payload: { wentWell: 'Stayed calm', toImprove: 'Ask for the delivery note before calling' },
    });
    expect(rewritten.json()).toMatchObject({
      id: evaluationId,
      toImprove: 'Ask for the delivery note before calling',
    });
    expect((await evaluationEvents()).map((e) => e.summary)).toEqual([
      'Call of 2026-12-08 evaluated',
      'Evaluation of the call of 2026-12-08 updated',
    ]);
  });

  it('seniors find it in the review list, filtered by collector, day and review', async () => {
    expect((await collector.request({ method: 'GET', url: '/api/call-evaluations' })).statusCode).toBe(403);
    const list = async (query: string) => {
      const response = await senior.request({ method: 'GET', url: `/api/call-evaluations?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((i: { id: string }) => i.id);
    };
    expect(await list('reviewed=false')).toEqual([evaluationId]);
    expect(await list('from=2026-12-08&to=2026-12-08')).toEqual([evaluationId]);
    expect(await list('from=2026-12-09')).toEqual([]);
    expect(await list(`collector=${colleagueId}`)).toEqual([]);
    expect(await list('reviewed=true')).toEqual([]);
  });

  it('a senior marks it reviewed with a comment; the collector cannot rewrite it afterwards', async () => {
    const reviewed = await senior.request({
      method: 'POST',
      url: `/api/call-evaluations/${evaluationId}/review`,
      payload: { comment: 'Good. Offer the dispute route earlier.' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().review).toEqual({
      by: 'Ria Senior',
      at: '2026-12-08T09:00:00.000Z',
      comment: 'Good. Offer the dispute route earlier.',
    });
    const listed = await senior.request({ method: 'GET', url: '/api/call-evaluations?reviewed=true' });
    expect(listed.json()).toMatchObject({
      total: 1,
      items: [{ id: evaluationId, review: { by: 'Ria Senior' } }],
    });
    expect(
      (await collector.request({ method: 'GET', url: `/api/calls/${callId}/evaluation` })).json().review,
    ).not.toBeNull();

    const late = await collector.request({
      method: 'POST',
      url: `/api/calls/${callId}/evaluation`,
      payload: { wentWell: 'changed' },
    });
    expect(late.statusCode).toBe(409);
    const byCollector = await collector.request({
      method: 'POST',
      url: `/api/call-evaluations/${evaluationId}/review`,
      payload: {},
    });
    expect(byCollector.statusCode).toBe(403);
    expect((await evaluationEvents()).at(-1)?.summary).toBe(
      'Evaluation of the call of 2026-12-08 reviewed: Good. Offer the dispute route earlier.',
    );
  });
});
