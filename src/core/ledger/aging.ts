import { addDays, type CalendarDate, daysBetween } from '../calendar-date.js';
import type { AgingBucket } from './enums.js';

/** Days an item is late on `today`: 0 on or before its due date. */
export function daysLate(dueDate: CalendarDate, today: CalendarDate): number {
  return Math.max(0, daysBetween(dueDate, today));
}

/** The aging bucket of a number of days late: current, 1–30, 31–60, 61–90, 90+. */
export function agingBucketOf(days: number): AgingBucket {
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

/**
 * The due dates that fall in a bucket on `today`, as an inclusive range (either end open), so a
 * list can filter an indexed due-date column instead of computing days late per row.
 * "current" has no overdue due date at all and is returned as `{ none: true }`.
 */
export function dueDateRangeOf(
  bucket: AgingBucket,
  today: CalendarDate,
): { none: true } | { none: false; from: CalendarDate | null; to: CalendarDate } {
  switch (bucket) {
    case 'current':
      return { none: true };
    case '1-30':
      return { none: false, from: addDays(today, -30), to: addDays(today, -1) };
    case '31-60':
      return { none: false, from: addDays(today, -60), to: addDays(today, -31) };
    case '61-90':
      return { none: false, from: addDays(today, -90), to: addDays(today, -61) };
    case '90+':
      return { none: false, from: null, to: addDays(today, -91) };
  }
}
