import { describe, expect, it } from 'vitest';
import { type CalendarDate, daysBetween } from '../calendar-date.js';
import { agingBucketOf, daysLate, dueDateRangeOf } from './aging.js';
import { AGING_BUCKETS } from './enums.js';

const today = '2026-03-15' as CalendarDate;

describe('aging', () => {
  it.each([
    ['2026-03-20', 0, 'current'],
    ['2026-03-15', 0, 'current'],
    ['2026-03-14', 1, '1-30'],
    ['2026-02-13', 30, '1-30'],
    ['2026-02-12', 31, '31-60'],
    ['2026-01-14', 60, '31-60'],
    ['2026-01-13', 61, '61-90'],
    ['2025-12-15', 90, '61-90'],
    ['2025-12-14', 91, '90+'],
    ['2024-01-01', 804, '90+'],
  ] as const)('due %s is %i days late: %s', (due, days, bucket) => {
    expect(daysLate(due as CalendarDate, today)).toBe(days);
    expect(agingBucketOf(days)).toBe(bucket);
  });

  it('due-date ranges agree with the buckets', () => {
    for (const bucket of AGING_BUCKETS) {
      const range = dueDateRangeOf(bucket, today);
      if (range.none) {
        expect(bucket).toBe('current');
        continue;
      }
      expect(agingBucketOf(daysBetween(range.to, today))).toBe(bucket);
      if (range.from) expect(agingBucketOf(daysBetween(range.from, today))).toBe(bucket);
    }
  });
});
