import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/client.js';
import { analyzeStaleTables, startServer } from './server.js';
import { createTestDatabase } from './test/db.js';
import { testDeps } from './test/http.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('startServer', () => {
  it('listens on a real port, answers, and closes', async () => {
    const server = await startServer(testDeps(database), { host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/api/openapi.json`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { info: { title: string } }).info.title).toBe('Collectdesk API');
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/openapi.json`)).rejects.toThrow();
  });
});

describe('analyzeStaleTables', () => {
  it('gives PGlite planner statistics once, and leaves PostgreSQL to autovacuum', async () => {
    const first = await analyzeStaleTables(database);
    if (database.kind === 'postgres') {
      expect(first).toEqual([]);
      return;
    }
    expect(first).toEqual(expect.arrayContaining(['debtors', 'invoices']));
    expect(await analyzeStaleTables(database)).toEqual([]);
  });
});
