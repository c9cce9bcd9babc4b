import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { easterSunday, isBeLegalHoliday, isNlAtwHoliday, isoWeekday } from './holidays.js';

const d = (date: string) => date as CalendarDate;

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(isoWeekday(d(date))).toBe(7);
  });
});

describe('isNlAtwHoliday (Atw art. 3, LEGAL.md §7.1 table)', () => {
  it.each([
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-04-26',
    '2025-05-05',
    '2025-05-29',
    '2025-06-09',
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-04-27',
    '2026-05-05',
    '2026-05-14',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
  ])('%s is a holiday', (date) => {
    expect(isNlAtwHoliday(d(date))).toBe(true);
  });

  it.each(['2025-04-27', '2025-04-22', '2026-04-26', '2025-05-01', '2025-07-21'])('%s is not', (date) => {
    expect(isNlAtwHoliday(d(date))).toBe(false);
  });
});

describe('isBeLegalHoliday (wet 4 januari 1974, LEGAL.md §7.2)', () => {
  it.each([
    ['2025-01-01', true],
    ['2025-04-21', true],
    ['2025-05-01', true],
    ['2025-05-29', true],
    ['2025-06-09', true],
    ['2025-07-21', true],
    ['2025-08-15', true],
    ['2025-11-01', true],
    ['2025-11-11', true],
    ['2025-12-25', true],
    ['2025-05-05', false], // not a BE holiday
    ['2025-04-18', false], // Good Friday
    ['2025-12-26', false],
    ['2025-11-15', false], // Koningsfeest is not a legal holiday
  ])('%s → %s', (date, expected) => {
    expect(isBeLegalHoliday(d(date))).toBe(expected);
  });
});
