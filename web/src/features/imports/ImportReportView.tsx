import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatNumber } from '../../lib/format.ts';

const COUNTS = ['imported', 'updated', 'unchanged', 'rejected'] as const;
const SHOWN = 200;

/** The outcome of one upload: four counts and every rejected row with its file, row, field and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showAll, setShowAll] = useState(false);
  const errors = showAll ? report.errors : report.errors.slice(0, SHOWN);
  return (
    <section className="card report" aria-labelledby="report-title" data-testid="import-report">
      <h2 id="report-title">{t('imports.report')}</h2>
      <dl className="report-counts">
        {COUNTS.map((name) => (
          <div
            key={name}
            className={`count-${name} ${name === 'rejected' && report.rejected > 0 ? 'bad' : ''}`}
          >
            <dt>{t(`imports.counts.${name}`)}</dt>
            <dd data-testid={`report-${name}`}>{formatNumber(report[name], language)}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length === 0 ? (
        <p className="notice success">{t('imports.noErrors')}</p>
      ) : (
        <>
          <p className="notice warn">{t('imports.errorsIntro', { count: report.errors.length })}</p>
          <div className="table-wrap errors">
            <table className="data" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('imports.file')}</th>
                  <th scope="col" className="num">
                    {t('imports.row')}
                  </th>
                  <th scope="col">{t('imports.field')}</th>
                  <th scope="col">{t('imports.message')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((error, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and the list never reorders.
                  <tr key={`${error.file}:${error.row}:${error.field}:${index}`}>
                    <td className="mono">{error.file}</td>
                    <td className="num">{error.row || ''}</td>
                    <td title={error.field ?? undefined}>
                      {error.field ? t(`imports.fields.${error.field}`, { defaultValue: error.field }) : ''}
                    </td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!showAll && report.errors.length > SHOWN && (
            <button type="button" className="button small" onClick={() => setShowAll(true)}>
              {t('imports.showAll', { count: report.errors.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
