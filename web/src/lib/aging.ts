import type { AgingBucket } from '../api-types.ts';

/** Today's calendar date in the Netherlands/Belgium, as `YYYY-MM-DD`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** The aging bucket of an item that is `daysLate` days past its due date (0 or less is current). */
export function bucketOf(daysLate: number): AgingBucket {
  if (daysLate <= 0) return 'current';
  if (daysLate <= 30) return '1-30';
  if (daysLate <= 60) return '31-60';
  if (daysLate <= 90) return '61-90';
  return '90+';
}

/** CSS modifier per bucket: green → amber → red as the debt grows older. */
export const bucketClass = (bucket: AgingBucket): string =>
  `aging aging-${bucket === '90+' ? '90plus' : bucket}`;
