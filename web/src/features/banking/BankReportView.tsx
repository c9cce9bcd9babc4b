import { useTranslation } from 'react-i18next';
import type { BankFileReport } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatNumber } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';

const COUNTS = ['statements', 'entries', 'duplicates', 'matched', 'suggested', 'unmatched'] as const;

/** One file's outcome: what it held, what was matched, and every rejection with its place and reason. */
export function BankReportView({ report }: { report: BankFileReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const waiting = report.suggested + report.unmatched;
  return (
    <section className="card report bank-report" data-testid="bank-report" aria-label={report.file}>
      <h3>
        <span className="mono">{report.file}</span>{' '}
        <span className="tag">{report.format ? t(`bank.formats.${report.format}`) : t('bank.notRead')}</span>
      </h3>
      <dl className="report-counts bank-counts">
        {COUNTS.map((name) => (
          <div key={name} className={`count-${name}`}>
            <dt>{t(`bank.counts.${name}`)}</dt>
            <dd data-testid={`bank-${name}`}>{formatNumber(report[name], language)}</dd>
          </div>
        ))}
      </dl>
      {waiting > 0 && (
        <p className="notice warn">
          {t('bank.waiting', { count: waiting })} <Link to="/bank/matching">{t('bank.toMatching')}</Link>
        </p>
      )}
      {report.errors.length === 0 ? (
        <p className="notice success">{t('bank.noErrors')}</p>
      ) : (
        <>
          <p className="notice warn">{t('bank.errorsIntro', { count: report.errors.length })}</p>
          <div className="table-wrap errors">
            <table className="data" data-testid="bank-errors">
              <thead>
                <tr>
                  <th scope="col">{t('bank.place')}</th>
                  <th scope="col">{t('bank.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and the list never reorders.
                  <tr key={`${error.entry}:${index}`}>
                    <td className="mono small">
                      {error.entry === 'file' ? t('bank.wholeFile') : error.entry}
                    </td>
                    <td className="wrap">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
