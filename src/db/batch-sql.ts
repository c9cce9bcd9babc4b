import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** Set-based SQL helpers of the batch repos (banking, allocations, plans): a batch travels as one JSON parameter. */
export async function rows<T>(tx: Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;
