import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankFileReport } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { BankReportView } from './BankReportView.tsx';
import { BankTabs } from './BankTabs.tsx';
import { fetchBankFiles, uploadBankFiles } from './banking.api.ts';
import './banking.css';

const ACCEPT = '.xml,.sta,.mt940,.940,.txt,.cod,.coda,.csv,application/xml,text/xml,text/plain,text/csv';

export function BankImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  useDocumentTitle(t('bank.importTitle'));
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reports, setReports] = useState<BankFileReport[] | null>(null);
  const [uploadError, setUploadError] = useState<Error | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const history = useFetch('bank-files', fetchBankFiles);
  // The server lets senior collectors and admins import (it changes many dossiers at once).
  const canImport = me.role === 'admin' || me.role === 'senior_collector';

  const choose = (list: FileList | null) => {
    if (!list) return;
    setFiles(Array.from(list));
    setReports(null);
    setUploadError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) return;
    setBusy(true);
    setUploadError(null);
    setReports(null);
    try {
      setReports((await uploadBankFiles(files)).files);
      setFiles([]);
      if (input.current) input.current.value = '';
      history.reload();
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

  return (
    <section className="page bank" aria-labelledby="bank-title">
      <div className="page-head">
        <h1 id="bank-title">{t('bank.title')}</h1>
      </div>
      <BankTabs />
      <div className="imports-grid">
        <form className="card upload" onSubmit={submit}>
          <h2>{t('bank.upload')}</h2>
          <p className="muted">{t('bank.formatsHint')}</p>
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
              data-testid="bank-files"
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
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="submit"
              className="button primary"
              disabled={!canImport || busy || files.length === 0}
              data-testid="bank-submit"
            >
              {busy
                ? t('imports.busy')
                : files.length > 0
                  ? t('imports.submit', { count: files.length })
                  : t('bank.upload')}
            </button>
            {!canImport && <span className="muted">{t('imports.viewerCannot')}</span>}
          </div>
          {uploadError && <ErrorNotice error={uploadError} />}
        </form>
        {reports && (
          <div className="bank-reports" data-testid="bank-reports">
            <h2>{t('bank.report')}</h2>
            {reports.map((report, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be uploaded twice in one go.
              <BankReportView key={`${report.file}:${index}`} report={report} />
            ))}
          </div>
        )}
      </div>

      <section className="card" aria-labelledby="bank-history-title">
        <h2 id="bank-history-title">{t('bank.recent')}</h2>
        {history.status === 'error' && <ErrorNotice error={history.error} onRetry={history.reload} />}
        {history.data && history.data.length === 0 && <p className="muted">{t('bank.noFiles')}</p>}
        {history.data && history.data.length > 0 && (
          <table className="data" data-testid="bank-history">
            <thead>
              <tr>
                <th scope="col">{t('imports.started')}</th>
                <th scope="col">{t('imports.file')}</th>
                <th scope="col">{t('bank.format')}</th>
                <th scope="col">{t('imports.user')}</th>
                <th scope="col" className="num">
                  {t('bank.counts.statements')}
                </th>
                <th scope="col" className="num">
                  {t('bank.counts.entries')}
                </th>
                <th scope="col" className="num">
                  {t('bank.newEntries')}
                </th>
                <th scope="col" className="num">
                  {t('bank.counts.duplicates')}
                </th>
                <th scope="col" className="num">
                  {t('bank.problems')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((file) => {
                const problems = file.errors.length;
                return (
                  <tr key={file.id}>
                    <td>{formatDateTime(file.importedAt, language)}</td>
                    <td className="mono">{file.fileName}</td>
                    <td>{t(`bank.formats.${file.format}`)}</td>
                    <td>{file.importedBy ?? ''}</td>
                    <td className="num">{formatNumber(file.statements, language)}</td>
                    <td className="num">{formatNumber(file.entries, language)}</td>
                    <td className="num">{formatNumber(file.newEntries, language)}</td>
                    <td className="num">{formatNumber(file.duplicates, language)}</td>
                    <td
                      className={`num ${problems > 0 ? 'danger strong' : ''}`}
                      title={file.errors.map((e) => `${e.entry}: ${e.message}`).join('\n') || undefined}
                    >
                      {formatNumber(problems, language)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="muted small">
          <Link to="/bank/matching">{t('bank.toMatching')}</Link>
        </p>
      </section>
    </section>
  );
}
