import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar-date.js';
import {
  addBusinessDays,
  countBusinessDays,
  deadlineOn,
  isBusinessDay,
  isoWeekday,
  isTargetDay,
  isWeekend,
  latestStartDueBy,
  nextBusinessDay,
  nextTargetDay,
  previousBusinessDay,
} from './business-days.js';

const d = (text: string) => text as CalendarDate;

describe('isBusinessDay', () => {
  it.each([
    ['2025-04-17', 'NL', true], // Thursday before Easter
    ['2025-04-18', 'NL', false], // Goede Vrijdag
    ['2025-04-26', 'NL', false], // Koningsdag on a Saturday
    ['2026-04-27', 'NL', false], // Koningsdag on a Monday
    ['2025-05-05', 'NL', false],
    ['2025-05-05', 'BE', true],
    ['2025-07-21', 'BE', false],
    ['2025-07-21', 'NL', true],
    ['2025-05-03', 'BE', false], // Saturday
    ['2025-05-04', 'TARGET', false], // Sunday
  ] as const)('%s in %s: %s', (date, calendar, expected) => {
    expect(isBusinessDay(d(date), calendar)).toBe(expected);
  });

  it('numbers the weekdays from Monday 1 to Sunday 7', () => {
    expect(['2025-04-21', '2025-04-25', '2025-04-26', '2025-04-27'].map((x) => isoWeekday(d(x)))).toEqual([
      1, 5, 6, 7,
    ]);
  });

  it('knows the weekend', () => {
    expect(['2025-04-25', '2025-04-26', '2025-04-27', '2025-04-28'].map((x) => isWeekend(d(x)))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('deadlineOn', () => {
  it.each([
    // LEGAL.md §7.2, Belgium 2025
    ['2025-07-21', 'BE', '2025-07-22'],
    ['2025-11-01', 'BE', '2025-11-03'],
    ['2025-08-15', 'BE', '2025-08-18'],
    ['2025-05-05', 'BE', '2025-05-05'],
    // the Netherlands
    ['2025-04-18', 'NL', '2025-04-22'],
    ['2025-05-05', 'NL', '2025-05-06'],
    ['2025-12-25', 'NL', '2025-12-29'],
    ['2025-12-24', 'NL', '2025-12-24'],
    ['2026-04-25', 'NL', '2026-04-28'], // Saturday, Sunday, Koningsdag Monday
    ['2026-05-14', 'NL', '2026-05-15'],
    // a business day is its own deadline
    ['2025-06-10', 'NL', '2025-06-10'],
  ] as const)('%s in %s → %s', (date, calendar, expected) => {
    expect(deadlineOn(d(date), calendar)).toBe(expected);
  });
});

describe('next, previous and adding business days', () => {
  it.each([
    ['2025-04-17', 'NL', '2025-04-22', '2025-04-16'],
    ['2025-12-24', 'NL', '2025-12-29', '2025-12-23'],
    ['2025-12-24', 'BE', '2025-12-26', '2025-12-23'],
    ['2025-12-31', 'NL', '2026-01-02', '2025-12-30'],
    ['2025-05-02', 'BE', '2025-05-05', '2025-04-30'],
  ] as const)('%s in %s: next %s, previous %s', (date, calendar, next, previous) => {
    expect(nextBusinessDay(d(date), calendar)).toBe(next);
    expect(previousBusinessDay(d(date), calendar)).toBe(previous);
  });

  it.each([
    ['2025-04-17', 1, 'NL', '2025-04-22'],
    ['2025-04-17', 5, 'NL', '2025-04-28'], // 22, 23, 24, 25, (26 Koningsdag, 27 Sunday) 28
    ['2025-04-22', -1, 'NL', '2025-04-17'],
    ['2025-04-19', 0, 'NL', '2025-04-19'], // zero moves nothing, not even off a Saturday
    ['2025-07-18', 1, 'BE', '2025-07-22'],
    ['2025-12-19', 10, 'BE', '2026-01-06'],
    ['2025-12-19', 10, 'NL', '2026-01-07'], // Tweede Kerstdag counts in NL, not in BE,
    ['2025-12-19', 10, 'TARGET', '2026-01-07'],
    ['2026-01-06', -10, 'BE', '2025-12-19'],
  ] as const)('%s + %i business days in %s = %s', (date, days, calendar, expected) => {
    expect(addBusinessDays(d(date), days, calendar)).toBe(expected);
  });

  it('refuses a fraction of a business day', () => {
    expect(() => addBusinessDays(d('2025-04-17'), 1.5, 'NL')).toThrow(RangeError);
  });

  it.each([
    ['2025-04-05', '2025-04-18', 'NL', 9], // the LEGAL.md §7.1 example term before extension
    ['2025-04-01', '2025-04-30', 'NL', 20],
    ['2025-04-01', '2025-04-30', 'BE', 21],
    ['2025-04-19', '2025-04-21', 'NL', 0],
    ['2025-04-22', '2025-04-22', 'NL', 1],
    ['2025-04-23', '2025-04-22', 'NL', 0],
  ] as const)('from %s to %s in %s: %i business days', (first, last, calendar, count) => {
    expect(countBusinessDays(d(first), d(last), calendar)).toBe(count);
  });
});

describe('latestStartDueBy', () => {
  it.each([
    ['2026-12-10', 2, 'NL', '2026-12-08'], // sent Tuesday, due Thursday
    ['2026-12-08', 2, 'NL', '2026-12-06'], // sent on Sunday counts from Monday: due Tuesday
    ['2025-04-22', 1, 'NL', '2025-04-21'], // Easter Monday: what was sent Thursday is due Tuesday too
  ] as const)(
    'by %s with %i business days in %s: started on or before %s',
    (date, days, calendar, expected) => {
      expect(latestStartDueBy(d(date), days, calendar)).toBe(expected);
    },
  );

  it('is exactly the starts whose term has ended', () => {
    for (const date of ['2025-04-22', '2025-12-29', '2026-01-05'] as const) {
      for (const days of [1, 2, 5]) {
        const latest = latestStartDueBy(d(date), days, 'BE');
        for (let offset = 0; offset < 20; offset++) {
          const start = addDays(d(date), -offset);
          expect(addBusinessDays(start, days, 'BE') <= date).toBe(start <= latest);
        }
      }
    }
  });
});

describe('TARGET', () => {
  it('LEGAL.md §7.3: after Thursday 2025-04-17 the next TARGET day is Tuesday 2025-04-22', () => {
    expect(nextTargetDay(d('2025-04-17'))).toBe('2025-04-22');
  });

  it.each([
    ['2025-04-30', '2025-05-02'], // 1 May closed
    ['2025-05-28', '2025-05-29'], // Ascension open
    ['2025-12-24', '2025-12-29'],
    ['2025-12-31', '2026-01-02'],
  ])('after %s: %s', (date, next) => {
    expect(nextTargetDay(d(date))).toBe(next);
  });

  it('is open on national holidays that are not TARGET closing days', () => {
    expect(isTargetDay(d('2025-05-05'))).toBe(true);
    expect(isTargetDay(d('2025-07-21'))).toBe(true);
    expect(isTargetDay(d('2025-05-01'))).toBe(false);
  });

  it('2025 has 255 TARGET days (261 weekdays, 6 closing days)', () => {
    let count = 0;
    for (let day = d('2025-01-01'); day <= '2025-12-31'; day = addDays(day, 1)) if (isTargetDay(day)) count++;
    expect(count).toBe(255);
  });
});
