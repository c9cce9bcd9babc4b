import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.js';
import type { Database } from './client.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('openPostgres', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'survives the server terminating its idle connections and reconnects on the next query',
    async () => {
      await Promise.all([1, 2, 3].map(() => database.query('select pg_sleep(0.05)')));
      // OFFSET 0 keeps the filter from being reordered after the terminating call.
      const [row] = await database.query<{ terminated: number }>(
        `select count(*) filter (where pg_terminate_backend(pid))::int as terminated
           from (select pid from pg_stat_activity
                  where datname = current_database() and pid <> pg_backend_pid() offset 0) others`,
      );
      expect(row?.terminated).toBeGreaterThan(0);
      // Give the terminated connections' error events time to arrive: unhandled, they end the run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rows = await database.query<{ one: number }>('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
    },
  );
});
