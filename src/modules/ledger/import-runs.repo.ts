import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { importRuns, users } from '../../db/schema/index.js';

/** Errors listed per run on the import screen; the counts are always complete. */
export const LISTED_ERRORS_PER_RUN = 100;

/** The latest import runs with who started them, each with its first errors only (cut in SQL). */
export async function findImportRunRows(db: Db, params: { orgId: string; limit: number }) {
  return db
    .select({
      id: importRuns.id,
      kind: importRuns.kind,
      fileName: importRuns.fileName,
      userId: importRuns.userId,
      userName: users.name,
      imported: importRuns.imported,
      updated: importRuns.updated,
      unchanged: importRuns.unchanged,
      rejected: importRuns.rejected,
      errors: sql<
        unknown[]
      >`jsonb_path_query_array(${importRuns.errors}, ${`$[0 to ${LISTED_ERRORS_PER_RUN - 1}]`}::jsonpath)`,
      startedAt: importRuns.startedAt,
      finishedAt: importRuns.finishedAt,
    })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.userId))
    .where(eq(importRuns.orgId, params.orgId))
    .orderBy(desc(importRuns.startedAt), desc(importRuns.id))
    .limit(params.limit);
}
