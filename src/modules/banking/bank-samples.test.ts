import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { bankEntries, payments } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { createOrg, HAS_SAMPLES, SAMPLES_DIR, testDeps } from '../imports/test-support.js';
import { importBankStatements } from './bank-import.service.js';
import { readBankFile } from './formats/read-bank-file.js';

const FOLDERS = ['camt053', 'camt054', 'mt940', 'coda', 'csv'] as const;

describe.skipIf(!HAS_SAMPLES)('importing the real sample statements', () => {
  let database: Database;
  let orgId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    orgId = (await createOrg(database, { country: 'NL' })).id;
  });
  afterAll(async () => database?.close());

  const allSampleFiles = async () =>
    (
      await Promise.all(
        FOLDERS.map(async (folder) =>
          (
            await readdir(join(SAMPLES_DIR, folder))
          )
            .filter((f) => !f.endsWith('.md'))
            .map((f) => join(folder, f)),
        ),
      )
    ).flat();
  const importAll = async (files: string[]) => {
    const opened = [];
    const unreadable: string[] = [];
    for (const file of files) {
      try {
        opened.push({ name: file, ...(await readBankFile(join(SAMPLES_DIR, file))) });
      } catch (error) {
        unreadable.push(`${file}: ${(error as Error).message}`);
      }
    }
    const report = await importBankStatements(
      testDeps(database),
      { orgId, userId: null, label: 'samples' },
      opened,
    );
    return { report, unreadable };
  };
  const countOf = async (table: typeof payments | typeof bankEntries) =>
    (await database.db.select({ n: count() }).from(table).where(eq(table.orgId, orgId)))[0]?.n ?? 0;

  it('imports every sample file once: re-importing them all adds no entry and no payment', async () => {
    const files = await allSampleFiles();
    const first = await importAll(files);
    const entriesAfterFirst = await countOf(bankEntries);
    const paymentsAfterFirst = await countOf(payments);
    console.log(
      `samples: ${files.length} files, ${first.report.statements} statements, ${first.report.entries} entries ` +
        `(${first.report.duplicates} already seen in an earlier file), ${entriesAfterFirst} stored, ` +
        `${paymentsAfterFirst} payments; ${first.report.errors.length} reported problems, ${first.unreadable.length} unreadable`,
    );
    for (const line of [
      ...first.unreadable,
      ...first.report.errors.map((e) => `${e.file} ${e.entry}: ${e.message}`),
    ]) {
      console.log(`  ${line}`);
    }
    expect(first.report.entries).toBeGreaterThan(100);
    expect(paymentsAfterFirst).toBeGreaterThan(0);

    const again = await importAll(files);
    expect(again.report.duplicates).toBe(again.report.entries);
    expect(again.report).toMatchObject({ matched: 0, suggested: 0, unmatched: 0 });
    expect(await countOf(bankEntries)).toBe(entriesAfterFirst);
    expect(await countOf(payments)).toBe(paymentsAfterFirst);
  });
});
