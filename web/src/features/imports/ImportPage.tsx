import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { fetchImportRuns, IMPORT_KINDS, type ImportKind, uploadImport } from './imports.api.ts';

const ACCEPT = '.csv,.txt,.xml,.zip,text/csv,application/xml,text/xml,application/zip';

export function ImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  useDocumentTitle(t('imports.title'));
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [uploadError, setUploadError] = useState<Error | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const runs = useFetch('import-runs', fetchImportRuns);
  // The server lets senior collectors and admins import (it changes many dossiers at once).
  const canImport = me.role === 'admin' || me.role === 'senior_collector';
  const [kind, setKind] = useState<ImportKind>('invoices');

  const choose = (list: FileList | null) => {
    if (!list) return;
    setFiles(Array.from(list));
    setReport(null);
    setUploadError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) return;
    setBusy(true);
    setUploadError(null);
    setReport(null);
    try {
      setReport(await uploadImport(kind, files));
      setFiles([]);
      if (input.current) input.current.value = '';
      runs.reload();
    } catch (caught) {
      setUploadError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  };

  const totalSize = files.reduce((sum, file) => sum + file.size, 0);

  return (
    <section className="page imports" aria-labelledby="imports-title">
      <div className="page-head">
        <h1 id="imports-title">{t('imports.title')}</h1>
      </div>
      <div className="imports-grid">
        <form className="card upload" onSubmit={submit}>
          <h2>{t('imports.upload')}</h2>
          <p className="muted">{t('imports.formats')}</p>
          <fieldset className="segmented" aria-label={t('imports.kindLabel')}>
            <legend className="visually-hidden">{t('imports.kindLabel')}</legend>
            {IMPORT_KINDS.map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={kind === option}
                onClick={() => setKind(option)}
                disabled={!canImport || busy}
              >
                {t(`imports.kinds.${option}`)}
              </button>
            ))}
          </fieldset>
          <label
            className={`dropzone ${dragging ? 'dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input
              ref={input}
              type="file"
              multiple
              accept={ACCEPT}
              onChange={(e) => choose(e.target.files)}
              disabled={!canImport || busy}
              data-testid="import-files"
              className="visually-hidden"
            />
            <span className="button">{t('imports.choose')}</span>
            <span>{t('imports.drop')}</span>
          </label>
          {files.length > 0 && (
            <ul className="file-list">
              {files.map((file) => (
                <li key={`${file.name}-${file.size}`}>
                  <span className="mono">{file.name}</span>
                  <span className="muted">{formatBytes(file.size, language)}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="submit"
              className="button primary"
              disabled={!canImport || busy || files.length === 0}
              data-testid="import-submit"
            >
              {busy
                ? t('imports.busy')
                : files.length > 0
                  ? t('imports.submit', { count: files.length })
                  : t('imports.title')}
            </button>
            {files.length > 0 && <span className="muted">{formatBytes(totalSize, language)}</span>}
            {!canImport && <span className="muted">{t('imports.viewerCannot')}</span>}
          </div>
          {uploadError && <UploadError error={uploadError} />}
        </form>

        {report && <ImportReportView report={report} />}
      </div>

      <section className="card" aria-labelledby="runs-title">
        <h2 id="runs-title">{t('imports.recent')}</h2>
        {runs.status === 'error' && <ErrorNotice error={runs.error} onRetry={runs.reload} />}
        {runs.data && runs.data.length === 0 && <p className="muted">{t('imports.noRuns')}</p>}
        {runs.data && runs.data.length > 0 && (
          <table className="data" data-testid="import-runs">
            <thead>
              <tr>
                <th scope="col">{t('imports.started')}</th>
                <th scope="col">{t('imports.file')}</th>
                <th scope="col">{t('imports.kind')}</th>
                <th scope="col">{t('imports.user')}</th>
                <th scope="col" className="num">
                  {t('imports.counts.imported')}
                </th>
                <th scope="col" className="num">
                  {t('imports.counts.updated')}
                </th>
                <th scope="col" className="num">
                  {t('imports.counts.unchanged')}
                </th>
                <th scope="col" className="num">
                  {t('imports.counts.rejected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id}>
                  <td>{formatDateTime(run.startedAt, language)}</td>
                  <td className="mono">{run.fileName}</td>
                  <td>{t(`imports.kinds.${run.kind}`, { defaultValue: run.kind })}</td>
                  <td>{run.user?.name ?? ''}</td>
                  <td className="num">{formatNumber(run.imported, language)}</td>
                  <td className="num">{formatNumber(run.updated, language)}</td>
                  <td className="num">{formatNumber(run.unchanged, language)}</td>
                  <td className={`num ${run.rejected > 0 ? 'danger strong' : ''}`}>
                    {formatNumber(run.rejected, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

function UploadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 413 || error.code === 'PAYLOAD_TOO_LARGE')) {
    return (
      <p className="form-error" role="alert">
        {t('imports.tooLarge')}
      </p>
    );
  }
  if (error instanceof ApiError && (error.status === 415 || error.code === 'UNSUPPORTED_FILE')) {
    return (
      <p className="form-error" role="alert">
        {t('imports.unsupported')} {error.message}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

function formatBytes(bytes: number, language: 'nl' | 'fr' | 'en'): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
