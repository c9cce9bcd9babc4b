import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  isCalendarDate,
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
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28' as CalendarDate, 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01' as CalendarDate, '2026-03-01' as CalendarDate)).toBe(59);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});
