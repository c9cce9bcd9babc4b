import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bankFiles, bankStatements, users } from '../../db/schema/index.js';

/** The organisation's latest imported statement files, with who imported them. */
export async function findBankFiles(db: Db, params: { orgId: string; limit: number }) {
  return db
    .select({
      id: bankFiles.id,
      fileName: bankFiles.fileName,
      format: bankFiles.format,
      statementCount: bankFiles.statementCount,
      entryCount: bankFiles.entryCount,
      newEntryCount: bankFiles.newEntryCount,
      duplicateCount: bankFiles.duplicateCount,
      errors: bankFiles.errors,
      importedBy: users.name,
      importedAt: bankFiles.importedAt,
      balanceMismatches: sql<number>`(select count(*)::int from ${bankStatements} s
        where s.org_id = ${bankFiles.orgId} and s.file_id = ${bankFiles.id} and s.balance_check = 'mismatch')`,
    })
    .from(bankFiles)
    .leftJoin(users, eq(users.id, bankFiles.importedBy))
    .where(eq(bankFiles.orgId, params.orgId))
    .orderBy(desc(bankFiles.importedAt), desc(bankFiles.id))
    .limit(params.limit);
}
