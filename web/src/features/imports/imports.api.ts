import type { ImportReport, ImportRun, ImportRunList } from '../../api-types.ts';
import { api } from '../../lib/api.ts';

export const IMPORT_KINDS = ['invoices', 'debtors'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One multipart request: the kind first (the server reads fields in order), then every file. */
export function uploadImport(kind: ImportKind, files: readonly File[]): Promise<ImportReport> {
  const form = new FormData();
  form.append('kind', kind);
  for (const file of files) form.append('files', file, file.name);
  return api.upload<ImportReport>('/api/imports', form);
}

export const fetchImportRuns = async (signal?: AbortSignal): Promise<ImportRun[]> =>
  (await api.get<ImportRunList>('/api/imports', signal)).runs;
