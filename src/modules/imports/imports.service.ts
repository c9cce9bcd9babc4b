import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import { organisations } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import { type ImportProgress, importCsvFile } from './csv-import.js';
import { ReportBuilder } from './import-report.js';
import type { ImportActor, WriteContext } from './import-writer.js';
import {
  findImportRuns,
  findSavedMapping,
  finishImportRun,
  saveMapping,
  startImportRun,
} from './imports.repo.js';
import {
  type ColumnMapping,
  ColumnMappingSchema,
  type ImportKind,
  type ImportReport,
  type ImportRun,
  ImportRunSchema,
} from './imports.schemas.js';
import { importUblDocument, type SeenDocuments } from './ubl-import.js';
import { readZipEntries } from './zip-entries.js';

/**
 * Use-cases of importing: invoice files (CSV, UBL XML, a folder or .zip of UBL) and debtor files
 * (CSV). The CLI and the HTTP upload route both call these. Each file is one import run on the
 * import screen.
 */

export type ImportDeps = Pick<AppDeps, 'db' | 'clock'>;
export type ImportFile = { name: string; path: string };
export type ImportParams = {
  orgId: string;
  actor: ImportActor;
  files: readonly ImportFile[];
  /** Explicit column mapping (`--map`); wins over the saved and the guessed one. */
  mapping?: ColumnMapping | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};
export type { ImportProgress };

export function importInvoiceFiles(deps: ImportDeps, params: ImportParams): Promise<ImportReport> {
  return importFiles(deps, params, 'invoices');
}

export function importDebtorFiles(deps: ImportDeps, params: ImportParams): Promise<ImportReport> {
  return importFiles(deps, params, 'debtors');
}

/** The latest import runs of an organisation, newest first. */
export async function listImportRuns(
  deps: Pick<AppDeps, 'db'>,
  orgId: string,
  limit = 50,
): Promise<ImportRun[]> {
  const runs = await findImportRuns(deps.db, orgId, limit);
  return runs.map((r) =>
    ImportRunSchema.parse({
      ...r,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
    }),
  );
}

/** Reads a `--map` file: JSON `{ "field": "Header in the file" }`. */
export function parseMappingJson(text: string, source: string): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ColumnMappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${source} is not a column mapping ({"field": "header", …})`,
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'mapping', message: i.message })),
    );
  }
  return parsed.data;
}

type Source = 'csv' | 'ubl' | 'zip';

async function importFiles(deps: ImportDeps, params: ImportParams, kind: ImportKind): Promise<ImportReport> {
  const [org] = await deps.db.select().from(organisations).where(eq(organisations.id, params.orgId));
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'organisation not found');
  const base = {
    db: deps.db,
    org: { id: org.id, country: org.country, defaultLanguage: org.defaultLanguage },
    today: deps.clock.today(org.timeZone),
    actor: params.actor,
  };
  const mappingKind = `${kind}_csv`;
  let saved = await findSavedMapping(deps.db, org.id, mappingKind);
  const total = new ReportBuilder();
  const seenDocuments: SeenDocuments = new Map();

  const run = async (file: ImportFile, work: (report: ReportBuilder) => Promise<void>) => {
    const runId = await startImportRun(deps.db, {
      orgId: org.id,
      kind,
      fileName: file.name,
      userId: params.actor.userId,
    });
    const report = new ReportBuilder();
    try {
      await work(report);
    } finally {
      const outcome = report.toReport();
      await finishImportRun(deps.db, runId, outcome);
      total.add(outcome);
    }
  };

  const importOne = async (file: ImportFile, source: Source) => {
    if (kind === 'debtors' && source !== 'csv') {
      await run(file, async (r) =>
        r.reject([{ file: file.name, row: 0, field: 'file', message: 'a debtors file must be CSV' }]),
      );
      return;
    }
    await run(file, async (report) => {
      if (source === 'csv') {
        const result = await importCsvFile(
          { ...base, source: 'csv' },
          { kind, file, explicitMapping: params.mapping, savedMapping: saved, onProgress: params.onProgress },
        );
        report.add(result.report.toReport());
        if (result.mapping) {
          await saveMapping(deps.db, org.id, mappingKind, result.mapping);
          saved = result.mapping;
        }
      } else if (source === 'ubl') {
        const data = await readFile(file.path);
        const result = await importUblDocument({ ...base, source: 'ubl' }, file.name, data, seenDocuments);
        report.add(result.toReport());
      } else {
        await importZip({ ...base, source: 'ubl' }, file, report, seenDocuments);
      }
    });
  };

  for (const file of params.files) {
    const info = await stat(file.path).catch(() => undefined);
    if (!info) {
      await run(file, async (r) =>
        r.reject([{ file: file.name, row: 0, field: 'file', message: 'file not found' }]),
      );
    } else if (info.isDirectory()) {
      const names = (await readdir(file.path)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) {
        const path = join(file.path, name);
        if (!(await stat(path)).isFile()) continue;
        await importOne({ name: join(file.name, name), path }, await sourceOf(path));
      }
    } else {
      await importOne(file, await sourceOf(file.path));
    }
  }
  return total.toReport();
}

async function importZip(
  ctx: WriteContext,
  file: ImportFile,
  report: ReportBuilder,
  seen: SeenDocuments,
): Promise<void> {
  let entries = 0;
  try {
    for await (const entry of readZipEntries(file.path, (name) => extname(name).toLowerCase() === '.xml')) {
      entries++;
      const name = `${file.name}/${entry.name}`;
      if ('error' in entry) report.reject([{ file: name, row: 0, field: 'file', message: entry.error }]);
      else report.add((await importUblDocument(ctx, name, entry.data, seen)).toReport());
    }
  } catch (error) {
    report.reject([
      {
        file: file.name,
        row: 0,
        field: 'file',
        message: `not a readable zip archive: ${(error as Error).message}`,
      },
    ]);
    return;
  }
  if (entries === 0)
    report.reject([{ file: file.name, row: 0, field: 'file', message: 'no .xml files in the archive' }]);
}

/** By extension, else by the first bytes: `PK` is a zip, `<` is XML, anything else CSV. */
async function sourceOf(path: string): Promise<Source> {
  const ext = extname(path).toLowerCase();
  if (ext === '.zip') return 'zip';
  if (ext === '.xml') return 'ubl';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
    return /^(\uFEFF)?\s*</.test(head.toString('utf8')) ? 'ubl' : 'csv';
  } finally {
    await handle.close();
  }
}
