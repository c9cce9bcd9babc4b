import { count, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';

/**
 * Counts matching rows up to `cap` (+1 to know there are more): an exact count of a large
 * organisation costs a full index scan on every page turn, a capped one stays cheap.
 */
export async function countCapped(
  db: Db,
  params: { table: PgTable; where: SQL | undefined; cap: number },
): Promise<{ total: number; isCapped: boolean }> {
  const limited = db
    .select({ one: sql`1` })
    .from(params.table)
    .where(params.where)
    .limit(params.cap + 1)
    .as('limited');
  const [row] = await db.select({ n: count() }).from(limited);
  const n = Number(row?.n ?? 0);
  return n > params.cap ? { total: params.cap, isCapped: true } : { total: n, isCapped: false };
}
