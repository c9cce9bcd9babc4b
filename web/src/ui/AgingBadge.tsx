import { useTranslation } from 'react-i18next';
import type { AgingBucket } from '../api-types.ts';
import { bucketClass } from '../lib/aging.ts';

/**
 * How late something is, coloured by aging bucket. Compact ("48 dgn") in tables, where the column
 * header says what the number means; the full text is in the tooltip and for screen readers.
 */
export function AgingBadge({
  daysLate,
  bucket,
  compact = false,
}: {
  daysLate: number;
  bucket: AgingBucket;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const full = daysLate > 0 ? t('aging.daysLate', { count: daysLate }) : t('aging.current');
  if (!compact) return <span className={bucketClass(bucket)}>{full}</span>;
  const short = daysLate > 0 ? t('aging.daysShort', { count: daysLate }) : t('aging.currentShort');
  return (
    <span className={bucketClass(daysLate > 0 ? bucket : 'current')} title={full}>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}
