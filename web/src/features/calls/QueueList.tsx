import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { formatPhone, telHref } from '../../lib/phone.ts';
import { Link } from '../../lib/router.tsx';
import type { QueueItem } from './calls.api.ts';
import { describePart, describeWait, signedPoints } from './why-this-call.ts';

/** Calls to make now first, then the ones that wait (weekend, outside hours, callback later). */
export function splitQueue(items: readonly QueueItem[]): { now: QueueItem[]; waiting: QueueItem[] } {
  return {
    now: items.filter((item) => item.verdict !== 'wait'),
    waiting: items.filter((item) => item.verdict === 'wait'),
  };
}

/** The queue in keyboard order (the same order as on screen). */
export const orderedQueue = (items: readonly QueueItem[]) => {
  const { now, waiting } = splitQueue(items);
  return [...now, ...waiting];
};

/**
 * The queue as a table: who, whom to ask for, the number, why this call (the parts of the score),
 * when, and how much. `selected` is the keyboard cursor (index in `orderedQueue`).
 */
export function QueueTable({
  items,
  selected,
  date,
  linkSuffix,
}: {
  items: QueueItem[];
  selected: number;
  date: string;
  /** Keeps the queue's scope (`?scope=all`) on the workbench it opens. */
  linkSuffix: string;
}) {
  const { t } = useTranslation();
  const { now, waiting } = splitQueue(items);
  return (
    <div className="table-wrap queue-wrap">
      <table className="data queue" data-testid="call-queue">
        <thead>
          <tr>
            <th scope="col">{t('calls.columns.debtor')}</th>
            <th scope="col">{t('calls.columns.contact')}</th>
            <th scope="col">{t('calls.columns.reason')}</th>
            <th scope="col" className="num">
              {t('calls.columns.priority')}
            </th>
            <th scope="col">{t('calls.columns.window')}</th>
            <th scope="col" className="num">
              {t('calls.columns.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {now.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                {t('calls.nothingNow')}
              </td>
            </tr>
          )}
          {now.map((item, index) => (
            <QueueRow
              key={item.debtorId}
              item={item}
              isSelected={index === selected}
              date={date}
              linkSuffix={linkSuffix}
            />
          ))}
        </tbody>
        {waiting.length > 0 && (
          <tbody className="waiting" data-testid="queue-waiting">
            <tr className="group">
              <th scope="rowgroup" colSpan={6}>
                {t('calls.waiting', { count: waiting.length })}
              </th>
            </tr>
            {waiting.map((item, index) => (
              <QueueRow
                key={item.debtorId}
                item={item}
                isSelected={now.length + index === selected}
                date={date}
                linkSuffix={linkSuffix}
              />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function QueueRow({
  item,
  isSelected,
  date,
  linkSuffix,
}: {
  item: QueueItem;
  isSelected: boolean;
  date: string;
  linkSuffix: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <tr
      className={isSelected ? 'selected' : undefined}
      aria-current={isSelected ? true : undefined}
      data-testid="queue-row"
      data-debtor={item.debtorId}
    >
      <td className="who">
        <Link
          to={`/calls/${item.debtorId}${linkSuffix}`}
          className="strong debtor-link"
          tabIndex={isSelected ? 0 : -1}
        >
          {item.debtorName}
        </Link>
        <span className="mono muted"> {item.debtor}</span>
        <WhyThisCall item={item} />
      </td>
      <td>
        <div>{item.contact ?? <span className="muted">{t('calls.noContact')}</span>}</div>
        {item.phone && (
          <a className="tel small" href={telHref(item.phone, item.extension)}>
            {formatPhone(item.phone)}
            {item.extension && ` ${t('calls.ext', { ext: item.extension })}`}
          </a>
        )}
      </td>
      <td>
        <span className={`reason reason-${item.reason}`}>{t(`calls.reasons.${item.reason}`)}</span>
        {item.reasons.length > 1 && <span className="muted small"> +{item.reasons.length - 1}</span>}
      </td>
      <td className="num strong">{item.priority}</td>
      <td>
        <CallWindow window={item.callWindow} date={date} />
        {item.waitReasons.map((reason) => (
          <div key={reason.code} className="small warn-text">
            {describeWait(reason, t, language)}
          </div>
        ))}
      </td>
      <td className="num money">{formatMoney(item.overdue, language)}</td>
    </tr>
  );
}

/** "Why this call": each part of the score with its points, adding up to the priority. */
export function WhyThisCall({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="why" aria-label={t('calls.whyThisCall')} data-testid="why-this-call">
      {item.parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder.
        <li key={index} className={part.points < 0 ? 'minus' : undefined}>
          {describePart(part, t, language)} <span className="points">{signedPoints(part.points)}</span>
        </li>
      ))}
    </ul>
  );
}

export function CallWindow({ window, date }: { window: QueueItem['callWindow']; date: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!window) return <span className="muted">{t('calls.noWindow')}</span>;
  return (
    <span className={`window window-${window.kind}`}>
      {window.date !== date && `${formatDate(window.date, language)} `}
      {window.from}–{window.until}
      <span className="muted small"> {t(`calls.windows.${window.kind}`)}</span>
    </span>
  );
}

/** The queue as a narrow list beside the prep sheet; the debtor on screen is marked. */
export function CompactQueue({
  items,
  currentId,
  linkSuffix,
}: {
  items: QueueItem[];
  currentId: string;
  linkSuffix: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { now, waiting } = splitQueue(items);
  const row = (item: QueueItem) => (
    <li key={item.debtorId} aria-current={item.debtorId === currentId ? 'page' : undefined}>
      <Link to={`/calls/${item.debtorId}${linkSuffix}`}>
        <span className="name">{item.debtorName}</span>
        <span className="line">
          <span>{t(`calls.reasons.${item.reason}`)}</span>
          <span className="money">{formatMoney(item.overdue, language)}</span>
        </span>
      </Link>
    </li>
  );
  return (
    <nav className="compact-queue" aria-label={t('calls.queueTitle')} data-testid="compact-queue">
      <h2>
        <Link to={`/calls${linkSuffix}`}>{t('calls.queueTitle')}</Link>{' '}
        <span className="count-badge">{now.length}</span>
      </h2>
      <ol>{now.map(row)}</ol>
      {waiting.length > 0 && (
        <>
          <h3>{t('calls.waiting', { count: waiting.length })}</h3>
          <ol className="waiting">{waiting.map(row)}</ol>
        </>
      )}
    </nav>
  );
}
