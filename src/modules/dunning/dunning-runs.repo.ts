import { and, eq, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Db } from '../../db/client.js';
import { dunningRuns } from '../../db/schema/index.js';

export type DunningRunRow = typeof dunningRuns.$inferSelect;

/** The organisation's run for a date, created on first use (one per organisation and date). */
export async function openRun(db: Db, orgId: string, date: CalendarDate): Promise<DunningRunRow> {
  await db.insert(dunningRuns).values({ orgId, runDate: date }).onConflictDoNothing();
  const [run] = await db
    .select()
    .from(dunningRuns)
    .where(and(eq(dunningRuns.orgId, orgId), eq(dunningRuns.runDate, date)));
  if (!run) throw new Error('dunning run not stored');
  return run;
}

export async function findRun(db: Db, orgId: string, date: CalendarDate): Promise<DunningRunRow | undefined> {
  const [run] = await db
    .select()
    .from(dunningRuns)
    .where(and(eq(dunningRuns.orgId, orgId), eq(dunningRuns.runDate, date)));
  return run;
}

export async function setRunStatus(
  db: Db,
  runId: string,
  values: Pick<Partial<DunningRunRow>, 'status' | 'counts' | 'approvedBy'>,
): Promise<void> {
  await db
    .update(dunningRuns)
    .set({ ...values, ...(values.status === 'completed' ? { finishedAt: sql`now()` } : {}) })
    .where(eq(dunningRuns.id, runId));
}
