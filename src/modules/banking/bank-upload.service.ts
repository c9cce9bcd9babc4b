/**
 * Bank statements uploaded in the browser: each file is streamed to a private temporary folder,
 * imported by the bank import service exactly like a file given on the command line, and removed
 * afterwards. The report is per file, so the screen can say which file held which errors.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import type { UploadPart } from '../ledger/import-upload.service.js';
import { findBankFiles } from './bank-files.repo.js';
import { importBankStatements } from './bank-import.service.js';
import type { BankFileList, BankFileReport, BankUploadReport } from './banking.schemas.js';
import { type BankCsvMapping, BankCsvMappingSchema } from './formats/bank-csv-mapping.js';
import { readBankFile } from './formats/read-bank-file.js';

/** Form fields: any number of files and optionally `mapping` (a bank CSV column mapping as JSON). */
export async function importUploadedBankFiles(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  parts: AsyncIterable<UploadPart>,
): Promise<BankUploadReport> {
  const dir = await mkdtemp(join(tmpdir(), 'collectdesk-bank-'));
  try {
    const files: { name: string; path: string }[] = [];
    let mappingText: string | undefined;
    for await (const part of parts) {
      if (part.type === 'file') {
        const name = basename(part.filename || `statement-${files.length + 1}`);
        const path = join(dir, `${files.length}-${name.replace(/[^\w.-]+/g, '_')}`);
        await pipeline(part.file, createWriteStream(path));
        files.push({ name, path });
      } else if (part.fieldname === 'mapping' && typeof part.value === 'string') {
        mappingText = part.value;
      }
    }
    if (files.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'choose at least one statement file', [
        { field: 'files', message: 'no file uploaded' },
      ]);
    }
    const csvMapping = mappingText?.trim() ? parseCsvMapping(mappingText) : undefined;
    const reports: BankFileReport[] = [];
    // One file at a time: each file's report stands alone, and the next sees the payments before it.
    for (const file of files) reports.push(await importOne(deps, actor, file, csvMapping));
    return { files: reports };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importOne(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  file: { name: string; path: string },
  csvMapping: BankCsvMapping | undefined,
): Promise<BankFileReport> {
  let opened: Awaited<ReturnType<typeof readBankFile>>;
  try {
    opened = await readBankFile(file.path, csvMapping ? { csvMapping } : {});
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const nothing = { statements: 0, entries: 0, duplicates: 0, matched: 0, suggested: 0, unmatched: 0 };
    return {
      file: file.name,
      format: null,
      ...nothing,
      errors: [{ file: file.name, entry: 'file', message: error.message }],
    };
  }
  const report = await importBankStatements(deps, actor, [{ name: file.name, ...opened }]);
  return { file: file.name, format: opened.format, ...report };
}

function parseCsvMapping(text: string): BankCsvMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'mapping is not JSON', [
      { field: 'mapping', message: 'not JSON' },
    ]);
  }
  const parsed = BankCsvMappingSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: ['mapping', ...i.path].join('.'),
      message: i.message,
    }));
    throw new AppError('VALIDATION_FAILED', 'the column mapping is not valid', issues);
  }
  return parsed.data;
}

export async function listBankFiles(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<BankFileList> {
  const rows = await findBankFiles(deps.db, { orgId: actor.orgId, limit: 50 });
  return {
    files: rows.map((row) => ({
      id: row.id,
      fileName: row.fileName,
      format: row.format,
      statements: row.statementCount,
      entries: row.entryCount,
      newEntries: row.newEntryCount,
      duplicates: row.duplicateCount,
      balanceMismatches: row.balanceMismatches,
      errors: row.errors,
      importedBy: row.importedBy,
      importedAt: row.importedAt.toISOString(),
    })),
  };
}
