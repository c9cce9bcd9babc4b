import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';

let database: Database;
let app: FastifyInstance;
let collector: Session;
let senior: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  const org = await createOrganisation(database.db, { slug: 'settings' });
  const me = await createUser(database.db, { orgId: org.id, role: 'collector' });
  const lead = await createUser(database.db, { orgId: org.id, role: 'senior_collector' });
  collector = await login(app, me.email, TEST_PASSWORD);
  senior = await login(app, lead.email, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const put = (payload: unknown) => senior.request({ method: 'PUT', url: '/api/call-settings', payload });
const fields = async (payload: unknown) => {
  const response = await put(payload);
  expect(response.statusCode, response.body).toBe(400);
  return response.json().error.issues.map((i: { field: string }) => i.field);
};

describe('call settings', () => {
  it('shows the defaults to every collector; only seniors change them', async () => {
    const response = await collector.request({ method: 'GET', url: '/api/call-settings' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().overrides).toEqual({});
    expect(response.json().settings.timing.goldenHours).toEqual([
      { from: '09:30', until: '11:30' },
      { from: '13:30', until: '15:30' },
    ]);
    expect(response.json().settings.aftercare).toEqual({
      thankCompletedPlans: true,
      thankKeptPromises: false,
      thankWithinDays: 14,
    });
    const refused = await collector.request({ method: 'PUT', url: '/api/call-settings', payload: {} });
    expect(refused.statusCode).toBe(403);
  });

  it('names each field that is wrong: by type, unknown, or one that cannot work', async () => {
    expect(await fields({ timing: { goldenFactorBps: 'high' } })).toEqual(['timing.goldenFactorBps']);
    expect(await fields({ aftercare: { thankKeptPromises: 'yes' } })).toEqual([
      'aftercare.thankKeptPromises',
    ]);
    expect(await fields({ timing: { goldenHour: [] } })).toEqual(['timing']);
    expect(
      await fields({
        timing: { goldenHours: [{ from: '11:30', until: '09:30' }], morningEndsAt: '25:00' },
        lock: { leaseMinutes: 30, maxHoldMinutes: 10 },
      }),
    ).toEqual(['timing.goldenHours[0]', 'timing.morningEndsAt', 'lock.maxHoldMinutes']);
    const unchanged = await collector.request({ method: 'GET', url: '/api/call-settings' });
    expect(unchanged.json().overrides).toEqual({});
  });

  it('stores only the changes, laid over the defaults; {} goes back to them', async () => {
    const saved = await put({
      timing: { goldenHours: [{ from: '10:00', until: '12:00' }] },
      aftercare: { thankKeptPromises: true },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings.timing).toMatchObject({
      goldenHours: [{ from: '10:00', until: '12:00' }],
      callableHours: { from: '09:00', until: '17:00' },
    });
    expect(saved.json().settings.aftercare).toEqual({
      thankCompletedPlans: true,
      thankKeptPromises: true,
      thankWithinDays: 14,
    });
    expect(saved.json().overrides).toEqual({
      timing: { goldenHours: [{ from: '10:00', until: '12:00' }] },
      aftercare: { thankKeptPromises: true },
    });
    const reset = await put({});
    expect(reset.json().settings).toEqual(reset.json().defaults);
  });
});
