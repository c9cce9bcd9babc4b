import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { addMembership, createOrganisation, createUser, TEST_PASSWORD } from '../../test/factories.js';
import { buildTestApp, login } from '../../test/http.js';

let database: Database;
let app: FastifyInstance;
let orgA: { id: string };
let orgB: { id: string };
let admin: { id: string; email: string };
let viewer: { email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  orgA = await createOrganisation(database.db, { name: 'Alpha' });
  orgB = await createOrganisation(database.db, { name: 'Beta' });
  admin = await createUser(database.db, { orgId: orgA.id, role: 'admin', email: 'Admin@Example.test' });
  await addMembership(database.db, { orgId: orgB.id, userId: admin.id, role: 'viewer' });
  viewer = await createUser(database.db, { orgId: orgA.id, role: 'viewer' });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const errorCode = (response: { json(): unknown }) =>
  (response.json() as { error: { code: string } }).error.code;

describe('login, me, logout', () => {
  it('signs in case-insensitively and sets an httpOnly SameSite=Lax cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@example.TEST', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = response.json();
    expect(me.organisation.name).toBe('Alpha');
    expect(me.role).toBe('admin');
    expect(me.organisations.map((o: { name: string; role: string }) => [o.name, o.role])).toEqual([
      ['Alpha', 'admin'],
      ['Beta', 'viewer'],
    ]);
    expect(me.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: 'wrong' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.test', password: 'wrong' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
  });

  it('gives 400 with field issues for a login without a password', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.issues).toEqual([{ field: 'password', message: expect.any(String) }]);
  });

  it('throttles repeated failures per email and address', async () => {
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'target@example.test', password: 'guess' },
        remoteAddress: '10.0.0.9',
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
  });

  it('returns me for the session and nothing after logout', async () => {
    const session = await login(app, admin.email, TEST_PASSWORD);
    const me = await session.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('Admin@Example.test');

    const out = await session.request({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    const after = await session.request({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
  });

  it('needs a session for me', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('rejects cookie-authenticated unsafe requests without the right token', async () => {
    const session = await login(app, admin.email, TEST_PASSWORD);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe('CSRF_TOKEN_INVALID');
    const wrong = await app.inject({
      method: 'PATCH',
      url: '/api/organisation',
      headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' },
      payload: { city: 'Utrecht' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe('CSRF_TOKEN_INVALID');
    const right = await session.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { city: 'Utrecht' },
    });
    expect(right.statusCode).toBe(200);
  });
});

describe('organisation switch', () => {
  it('moves the session to another organisation of the user, with that role', async () => {
    const session = await login(app, admin.email, TEST_PASSWORD);
    const switched = await session.request({
      method: 'POST',
      url: '/api/auth/organisation',
      payload: { orgId: orgB.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organisation: { name: 'Beta' }, role: 'viewer' });
    const org = await session.request({ method: 'GET', url: '/api/organisation' });
    expect(org.json().name).toBe('Beta');
    // A viewer there now: writing is refused.
    const patch = await session.request({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { city: 'Gent' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('treats an organisation the user does not belong to as not found', async () => {
    const other = await createOrganisation(database.db);
    const session = await login(app, admin.email, TEST_PASSWORD);
    const response = await session.request({
      method: 'POST',
      url: '/api/auth/organisation',
      payload: { orgId: other.id },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('API tokens', () => {
  it('are created by admins, work as bearer without CSRF, and stop working when revoked', async () => {
    const session = await login(app, admin.email, TEST_PASSWORD);
    const created = await session.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Exact Online sync', role: 'collector' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^cd_/);

    const bearer = { authorization: `Bearer ${token}` };
    const list = await app.inject({ method: 'GET', url: '/api/debtors', headers: bearer });
    expect(list.statusCode).toBe(200);
    const org = await app.inject({ method: 'PATCH', url: '/api/organisation', headers: bearer, payload: {} });
    expect(org.statusCode).toBe(403); // collector token, admin route: role, not CSRF, refuses it
    expect(errorCode(org)).toBe('FORBIDDEN');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.statusCode).toBe(403);

    const tokens = await session.request({ method: 'GET', url: '/api/tokens' });
    expect(tokens.json().tokens).toEqual([
      expect.objectContaining({ id, name: 'Exact Online sync', role: 'collector', revokedAt: null }),
    ]);
    expect(JSON.stringify(tokens.json())).not.toContain(token);

    const revoked = await session.request({ method: 'DELETE', url: `/api/tokens/${id}` });
    expect(revoked.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/debtors', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('refuses unknown bearer tokens and tokens with more rights than the creator', async () => {
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/debtors',
      headers: { authorization: 'Bearer cd_nope' },
    });
    expect(unknown.statusCode).toBe(401);

    const senior = await createUser(database.db, { orgId: orgA.id, role: 'senior_collector' });
    const session = await login(app, senior.email, TEST_PASSWORD);
    const tooMuch = await session.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'x', role: 'admin' },
    });
    expect(tooMuch.statusCode).toBe(403);

    const viewerSession = await login(app, viewer.email, TEST_PASSWORD);
    const list = await viewerSession.request({ method: 'GET', url: '/api/tokens' });
    expect(list.statusCode).toBe(403);
  });
});

describe('Secure cookies', () => {
  it('are Secure when the public URL is https', async () => {
    const secureApp = await buildTestApp(database, { config: { publicUrl: 'https://collect.example.test' } });
    try {
      const response = await secureApp.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: viewer.email, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'cd_session')?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });
});
