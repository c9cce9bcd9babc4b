import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import type { Database } from './db/client.js';
import { dunningActions, dunningRuns } from './db/schema/index.js';
import type { AppDeps } from './deps.js';
import { createTestDatabase } from './test/db.js';
import { createDebtor, createInvoice, createOrganisation } from './test/factories.js';
import { type RunningWorker, startWorker } from './worker.js';

let database: Database;
let worker: RunningWorker;

beforeAll(async () => {
  database = await createTestDatabase();
  // 08:00 in Amsterdam: after the 07:00 run time of the automatic organisation, before the 09:30 one.
  const deps: AppDeps = {
    database,
    db: database.db,
    clock: fixedClock('2026-03-05T07:00:00Z'),
    config: { dataDir: '/nonexistent', host: '127.0.0.1', port: 0, logLevel: 'silent' },
  };
  worker = await startWorker(deps, { mailer: null, pollingIntervalSeconds: 0.5 });
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await database?.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the worker');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the worker’s daily run (pg-boss in the same database)', () => {
  it('runs each organisation once a day after its local run time, and never twice', async () => {
    const auto = await createOrganisation(database.db, {
      dunningMode: 'automatic',
      dunningRunTime: '07:00',
      iban: 'NL91ABNA0417164300',
    });
    const later = await createOrganisation(database.db, {
      dunningMode: 'automatic',
      dunningRunTime: '09:30',
    });
    for (const org of [auto, later]) {
      const debtor = await createDebtor(database.db, { orgId: org.id });
      await createInvoice(database.db, { orgId: org.id, debtorId: debtor.id, dueDate: '2026-03-01' });
    }
    expect(await worker.tick()).toBe(1);
    expect(await worker.tick()).toBe(0); // the same job is queued or running: singleton per org and date
    const run = await waitFor(async () => {
      const [row] = await database.db.select().from(dunningRuns).where(eq(dunningRuns.orgId, auto.id));
      return row?.status === 'completed' ? row : undefined;
    });
    expect(run).toMatchObject({ runDate: '2026-03-05', counts: { first_reminder: 1 } });
    expect(await worker.tick()).toBe(0);
    const [actions] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dunningActions)
      .where(eq(dunningActions.orgId, auto.id));
    expect(actions?.n).toBe(1);
    expect(await database.db.select().from(dunningRuns).where(eq(dunningRuns.orgId, later.id))).toEqual([]);
  }, 60_000);

  it('in review mode only decides: the actions wait for approval', async () => {
    const review = await createOrganisation(database.db, { dunningMode: 'review', dunningRunTime: '06:00' });
    const debtor = await createDebtor(database.db, { orgId: review.id });
    await createInvoice(database.db, { orgId: review.id, debtorId: debtor.id, dueDate: '2026-03-01' });
    expect(await worker.tick()).toBe(1);
    const action = await waitFor(async () => {
      const [row] = await database.db
        .select()
        .from(dunningActions)
        .where(eq(dunningActions.orgId, review.id));
      return row;
    });
    expect(action.status).toBe('planned');
    expect(await worker.tick()).toBe(0);
  }, 60_000);
});
