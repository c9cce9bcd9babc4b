import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar-date.js';
import { statutoryTermEnd } from './algemene-termijnenwet.js';

const d = (text: string) => text as CalendarDate;

describe('statutoryTermEnd', () => {
  it('LEGAL.md §7.1: aanmaning received Fri 2025-04-04, 14 days → Tue 2025-04-22, costs from 2025-04-23', () => {
    const end = statutoryTermEnd(d('2025-04-04'), 14);
    expect(end).toBe('2025-04-22');
    expect(addDays(end, 1)).toBe('2025-04-23');
  });

  it.each([
    // no extension: the term ends on a business day and has enough of them
    ['2025-05-30', 14, '2025-06-13', 'ends Friday'],
    // art. 1: last day a Sunday, a holiday, a Saturday
    ['2025-06-01', 14, '2025-06-16', 'Sunday → Monday'],
    ['2025-04-21', 14, '2025-05-06', '5 mei (a Monday in 2025) → Tuesday'],
    ['2026-04-13', 14, '2026-04-28', 'Koningsdag 2026 (Monday) → Tuesday'],
    ['2025-12-12', 14, '2025-12-29', 'Tweede Kerstdag, weekend → Monday'],
    ['2026-05-09', 5, '2026-05-15', 'Hemelvaartsdag Thursday → Friday'],
    // art. 1 also for terms under 3 days
    ['2025-04-17', 1, '2025-04-22', 'one day ending on Goede Vrijdag'],
    ['2025-04-17', 2, '2025-04-22', 'two days ending on Saturday'],
    // art. 2: a term of 3+ days needs two days that are not Saturday, Sunday or holiday
    ['2025-01-03', 3, '2025-01-07', 'Fri + 3: Sat, Sun, Mon hold one business day → Tuesday'],
    ['2025-12-24', 3, '2025-12-30', 'Christmas days and a Saturday hold none → Tuesday'],
    ['2025-04-17', 4, '2025-04-23', 'Easter: Fri–Mon hold none → Wednesday'],
    ['2025-04-16', 4, '2025-04-22', 'Thu counts, Fri–Sun do not → Tuesday'],
    // art. 4: up to 90 days extended, beyond not
    ['2025-01-05', 90, '2025-04-07', '90 days ending on Saturday → Monday'],
    ['2025-01-04', 91, '2025-04-05', '91 days: the Atw does not apply, Saturday stays'],
  ] as const)('%s + %i days → %s (%s)', (event, days, end, _why) => {
    expect(statutoryTermEnd(d(event), days)).toBe(end);
  });

  it.each([0, -14, 1.5, Number.NaN])('refuses a term of %s days', (days) => {
    expect(() => statutoryTermEnd(d('2025-04-04'), days)).toThrow(RangeError);
  });
});
