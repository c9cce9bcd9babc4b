import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Runs a raw statement and returns its rows, the same on PGlite and node-postgres. */
export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}
