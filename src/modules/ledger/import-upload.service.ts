import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { importDebtorFiles, importInvoiceFiles, parseMappingJson } from '../imports/imports.service.js';
import { findImportRunRows } from './import-runs.repo.js';
import {
  type ImportError,
  ImportErrorSchema,
  type ImportReport,
  type ImportRunList,
} from './ledger.schemas.js';

export type UploadPart =
  | { type: 'file'; fieldname: string; filename: string; file: Readable }
  | { type: 'field'; fieldname: string; value: unknown };

/**
 * Imports uploaded files: each is streamed to a private temporary folder (never held in memory),
 * imported by the import service like a file given on the command line, and removed afterwards.
 * Form fields: any number of files, `kind` (invoices | debtors, default invoices) and optionally
 * `mapping` (JSON `{ "field": "header" }`, like `--map`).
 */
export async function importUploadedFiles(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  parts: AsyncIterable<UploadPart>,
): Promise<ImportReport> {
  const dir = await mkdtemp(join(tmpdir(), 'collectdesk-upload-'));
  try {
    const files: { name: string; path: string }[] = [];
    const fields = new Map<string, string>();
    for await (const part of parts) {
      if (part.type === 'file') {
        const name = basename(part.filename || `upload-${files.length + 1}`);
        const path = join(dir, `${files.length}-${name.replace(/[^\w.-]+/g, '_')}`);
        await pipeline(part.file, createWriteStream(path));
        files.push({ name, path });
      } else if (typeof part.value === 'string') {
        fields.set(part.fieldname, part.value);
      }
    }
    if (files.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'choose at least one file', [
        { field: 'files', message: 'no file uploaded' },
      ]);
    }
    const kind = fields.get('kind') ?? 'invoices';
    if (kind !== 'invoices' && kind !== 'debtors') {
      throw new AppError('VALIDATION_FAILED', 'kind must be invoices or debtors', [
        { field: 'kind', message: 'must be invoices or debtors' },
      ]);
    }
    const mappingText = fields.get('mapping');
    const mapping = mappingText?.trim() ? parseMappingJson(mappingText, 'mapping') : undefined;
    const params = {
      orgId: actor.orgId,
      actor: { userId: actor.userId, label: actor.label },
      files,
      mapping,
    };
    // Awaited here, so the files are removed only after the import has read them.
    return await (kind === 'debtors' ? importDebtorFiles(deps, params) : importInvoiceFiles(deps, params));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function listImportRuns(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<ImportRunList> {
  const rows = await findImportRunRows(deps.db, { orgId: actor.orgId, limit: 50 });
  return {
    runs: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      fileName: row.fileName,
      user: row.userId && row.userName !== null ? { id: row.userId, name: row.userName } : null,
      imported: row.imported,
      updated: row.updated,
      unchanged: row.unchanged,
      rejected: row.rejected,
      errors: (Array.isArray(row.errors) ? row.errors : []).flatMap((e): ImportError[] => {
        const parsed = ImportErrorSchema.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      }),
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    })),
  };
}
