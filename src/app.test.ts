import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { Database } from './db/client.js';
import { createTestDatabase } from './test/db.js';
import { createOrganisation, createUser, TEST_PASSWORD } from './test/factories.js';
import { buildTestApp, login, type Session, testDeps } from './test/http.js';

let database: Database;
let app: FastifyInstance;
let viewer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  const org = await createOrganisation(database.db);
  const user = await createUser(database.db, { orgId: org.id, role: 'viewer' });
  viewer = await login(app, user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const apiRoutes = () =>
  app.registeredRoutes.filter(
    (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.includes('*'),
  );
const sampleUrl = (url: string) => url.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');

describe('access control on every route', () => {
  it('every API route declares who may call it', () => {
    expect(apiRoutes().filter((r) => r.access === undefined)).toEqual([]);
  });

  it('answers 401 without credentials on every route that is not public', async () => {
    for (const route of apiRoutes().filter((r) => r.access !== 'public')) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: sampleUrl(route.url),
        payload: {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps viewers read-only: every write above viewer level is 403', async () => {
    const writes = apiRoutes().filter(
      (r) => r.method !== 'GET' && r.access !== 'public' && r.access !== 'session' && r.access !== 'viewer',
    );
    expect(writes.length).toBeGreaterThan(8);
    for (const route of writes) {
      const response = await viewer.request({
        method: route.method as 'POST',
        url: sampleUrl(route.url),
        payload: {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });
});

describe('errors', () => {
  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_REQUEST');
  });

  it('answers a wrong body type with field issues', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 5, password: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      'email',
      'password',
    ]);
  });

  it('answers unknown API paths with JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('OpenAPI', () => {
  it('documents the routes from the same zod schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/debtors', '/api/debtors/{id}', '/api/payments', '/api/auth/login']),
    );
    const list = doc.paths['/api/debtors'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['search', 'segment', 'collector', 'aging', 'sort', 'page', 'pageSize']),
    );
    expect(doc.paths['/api/payments'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
    );
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('serves a docs page', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('web app', () => {
  it('says how to build it when web/dist is missing', async () => {
    const response = await app.inject({ method: 'GET', url: '/debtors' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
  });

  it('serves web/dist with a fallback to index.html for client routes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collectdesk-web-'));
    try {
      await mkdir(join(dir, 'assets'));
      await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
      await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
      const web = await buildApp(testDeps(database), { webDistDir: dir });
      try {
        const root = await web.inject({ method: 'GET', url: '/' });
        expect(root.body).toContain('id="root"');
        const clientRoute = await web.inject({ method: 'GET', url: '/debtors/123?tab=timeline' });
        expect(clientRoute.statusCode).toBe(200);
        expect(clientRoute.body).toContain('id="root"');
        const asset = await web.inject({ method: 'GET', url: '/assets/app.js' });
        expect(asset.body).toBe('console.log(1)');
        const api = await web.inject({ method: 'GET', url: '/api/unknown' });
        expect(api.statusCode).toBe(404);
        expect(api.json().error.code).toBe('NOT_FOUND');
      } finally {
        await web.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
