import type { ImportReport, ImportRun, ImportRunList } from '../../api-types.ts';
import { api } from '../../lib/api.ts';

/** One multipart request with every chosen file under the field name `files`. */
export function uploadImport(files: readonly File[]): Promise<ImportReport> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return api.upload<ImportReport>('/api/imports', form);
}

export const fetchImportRuns = async (signal?: AbortSignal): Promise<ImportRun[]> =>
  (await api.get<ImportRunList>('/api/imports', signal)).runs;
