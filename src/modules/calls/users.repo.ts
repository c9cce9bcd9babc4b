import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/** The collector's name and language: scripts and objections are read in the collector's language. */
export async function findUserLanguage(db: Db, userId: string) {
  const [row] = await db
    .select({ name: users.name, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}
