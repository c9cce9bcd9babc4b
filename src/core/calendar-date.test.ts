import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type CalendarDate,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  parseCalendarDate,
} from './calendar-date.js';

describe('parseCalendarDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['31-03-2026', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['1.3.2026', '2026-03-01'],
    ['31-03-26', '2026-03-31'],
    ['20260331', '2026-03-31'],
    ['2026-03-31T00:00:00', '2026-03-31'],
  ])('reads %s', (text, expected) => {
    expect(parseCalendarDate(text)).toEqual({ ok: true, date: expected });
  });

  it.each(['31-13-2026', '2026-02-30', 'tomorrow', '', '13/31/2026'])('rejects %j', (text) => {
    expect(parseCalendarDate(text).ok).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('adds months to the end of a shorter month', () => {
    expect(addMonths('2028-01-31' as CalendarDate, 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31' as CalendarDate, -1)).toBe('2026-02-28');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28' as CalendarDate, 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01' as CalendarDate, '2026-03-01' as CalendarDate)).toBe(59);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});

describe('date arithmetic agrees with Temporal', () => {
  const start = Temporal.PlainDate.from('1999-12-25');
  const dates = Array.from({ length: 800 }, (_, i) => start.add({ days: i * 13 }));
  it('for every 13th day from 1999 to 2028, across leap days and year ends', () => {
    for (const date of dates) {
      const text = date.toString() as CalendarDate;
      expect(isoWeekday(text)).toBe(date.dayOfWeek);
      for (const days of [-400, -1, 0, 1, 59, 366]) {
        expect(addDays(text, days)).toBe(date.add({ days }).toString());
      }
      for (const months of [-13, -1, 0, 1, 2, 11, 25]) {
        expect(addMonths(text, months)).toBe(date.add({ months }, { overflow: 'constrain' }).toString());
      }
      expect(daysBetween('2026-01-01' as CalendarDate, text)).toBe(
        Temporal.PlainDate.from('2026-01-01').until(date, { largestUnit: 'days' }).days,
      );
    }
  });

  it('still refuses what is no date', () => {
    expect(() => addDays('2026-02-30' as CalendarDate, 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30' as CalendarDate, 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-1-1' as CalendarDate, '2026-01-02' as CalendarDate)).toThrow(RangeError);
  });
});
