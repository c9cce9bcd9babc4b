import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../api-types.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { formatDateTime } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';

/** What happened on a dossier, newest first: kind, who, when, and the summary the server wrote. */
export function TimelineList({
  events,
  showInvoiceLinks = true,
}: {
  events: TimelineEvent[];
  showInvoiceLinks?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (events.length === 0) return <p className="muted">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} className={`timeline-item kind-${event.kind}`}>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-meta">
            <span className="timeline-kind">
              {t(`timeline.kinds.${event.kind}`, { defaultValue: event.kind })}
            </span>
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>
            <span className="timeline-actor">{event.actor}</span>
            {showInvoiceLinks && event.invoiceId && (
              <Link className="timeline-link" to={`/invoices/${encodeURIComponent(event.invoiceId)}`}>
                {t('timeline.openInvoice')}
              </Link>
            )}
          </div>
          <p className="timeline-summary">{event.summary}</p>
        </li>
      ))}
    </ol>
  );
}
