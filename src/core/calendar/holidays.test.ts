import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { isoWeekday } from './business-days.js';
import { easterSunday, HOLIDAY_CALENDARS, holidaysIn, holidaysOn, isHoliday } from './holidays.js';

const datesOf = (year: number, calendar: 'NL' | 'BE' | 'TARGET') =>
  holidaysIn(year, calendar).map((holiday) => `${holiday.date} ${holiday.key}`);

describe('holidaysIn', () => {
  it('NL 2025 and 2026: the Atw table of LEGAL.md §7.1', () => {
    expect(datesOf(2025, 'NL')).toEqual([
      '2025-01-01 new-year',
      '2025-04-18 good-friday',
      '2025-04-21 easter-monday',
      '2025-04-26 kings-day',
      '2025-05-05 liberation-day',
      '2025-05-29 ascension-day',
      '2025-06-09 whit-monday',
      '2025-12-25 christmas-day',
      '2025-12-26 second-christmas-day',
    ]);
    expect(datesOf(2026, 'NL')).toEqual([
      '2026-01-01 new-year',
      '2026-04-03 good-friday',
      '2026-04-06 easter-monday',
      '2026-04-27 kings-day',
      '2026-05-05 liberation-day',
      '2026-05-14 ascension-day',
      '2026-05-25 whit-monday',
      '2026-12-25 christmas-day',
      '2026-12-26 second-christmas-day',
    ]);
  });

  it('BE 2025 and 2026: exactly the ten legal holidays of LEGAL.md §7.2', () => {
    expect(datesOf(2025, 'BE')).toEqual([
      '2025-01-01 new-year',
      '2025-04-21 easter-monday',
      '2025-05-01 labour-day',
      '2025-05-29 ascension-day',
      '2025-06-09 whit-monday',
      '2025-07-21 belgian-national-day',
      '2025-08-15 assumption-day',
      '2025-11-01 all-saints-day',
      '2025-11-11 armistice-day',
      '2025-12-25 christmas-day',
    ]);
    expect(datesOf(2026, 'BE')).toEqual([
      '2026-01-01 new-year',
      '2026-04-06 easter-monday',
      '2026-05-01 labour-day',
      '2026-05-14 ascension-day',
      '2026-05-25 whit-monday',
      '2026-07-21 belgian-national-day',
      '2026-08-15 assumption-day',
      '2026-11-01 all-saints-day',
      '2026-11-11 armistice-day',
      '2026-12-25 christmas-day',
    ]);
  });

  it('TARGET 2025: LEGAL.md §7.3 closing days', () => {
    expect(datesOf(2025, 'TARGET')).toEqual([
      '2025-01-01 new-year',
      '2025-04-18 good-friday',
      '2025-04-21 easter-monday',
      '2025-05-01 labour-day',
      '2025-12-25 christmas-day',
      '2025-12-26 second-christmas-day',
    ]);
  });

  it.each([
    [2006, '2006-04-29', 'Koninginnedag'], // 30 April 2006 was a Sunday
    [2013, '2013-04-30', 'Koninginnedag'],
    [2014, '2014-04-26', 'Koningsdag'], // 27 April 2014 was a Sunday
    [2025, '2025-04-26', 'Koningsdag'],
    [2026, '2026-04-27', 'Koningsdag'],
    [2031, '2031-04-26', 'Koningsdag'],
  ])('Koningsdag %i is on %s', (year, date, name) => {
    expect(holidaysIn(year, 'NL').filter((h) => h.key === 'kings-day')).toEqual([
      { date, key: 'kings-day', name },
    ]);
    expect(holidaysOn(date as CalendarDate, 'NL')).toEqual([{ date, key: 'kings-day', name }]);
  });

  it('refuses years before the euro', () => {
    expect(() => holidaysIn(2001, 'NL')).toThrow(RangeError);
    expect(() => isHoliday('1999-12-25' as CalendarDate, 'BE')).toThrow(RangeError);
    expect(() => holidaysIn(2025.5, 'NL')).toThrow(RangeError);
  });
});

describe('isHoliday', () => {
  it.each([
    ['2025-05-05', 'NL', true], // 5 mei counts every year for the Atw
    ['2025-05-05', 'BE', false],
    ['2025-04-18', 'NL', true], // Goede Vrijdag, equated by Atw art. 3 lid 2
    ['2025-04-18', 'BE', false],
    ['2025-04-18', 'TARGET', true],
    ['2025-04-20', 'NL', false], // Easter Sunday is a Sunday, not an Atw holiday of its own
    ['2025-04-27', 'NL', false], // 27 April 2025 is a Sunday: Koningsdag moved to Saturday the 26th
    ['2026-04-26', 'NL', false], // the day before Koningsdag 2026 (Monday the 27th)
    ['2025-11-15', 'BE', false], // Koningsfeest is no legal holiday
    ['2025-07-11', 'BE', false], // Flemish community day
    ['2025-12-26', 'BE', false],
    ['2025-12-26', 'NL', true],
    ['2025-05-01', 'NL', false],
    ['2025-05-01', 'TARGET', true],
    ['2025-05-29', 'TARGET', false], // Ascension: TARGET is open
  ] as const)('%s in %s: %s', (date, calendar, expected) => {
    expect(isHoliday(date as CalendarDate, calendar)).toBe(expected);
  });
});

describe('holidaysOn', () => {
  it.each([
    ['2005-05-05', 'NL', ['liberation-day', 'ascension-day']],
    ['2016-05-05', 'NL', ['liberation-day', 'ascension-day']],
    ['2008-05-01', 'BE', ['labour-day', 'ascension-day']],
    ['2025-05-05', 'NL', ['liberation-day']],
    ['2025-05-06', 'NL', []],
  ] as const)('%s in %s: %j', (date, calendar, keys) => {
    expect(holidaysOn(date as CalendarDate, calendar).map((h) => h.key)).toEqual(keys);
  });
});

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(isoWeekday(easterSunday(year))).toBe(7);
  });
});

describe('agreement with date-holidays (an independent implementation)', () => {
  // date-holidays types: public, bank, school, optional, observance. Its NL calendar marks
  // Goede Vrijdag and 5 mei "school" and lists Easter and Whit Sunday as public holidays.
  const years = Array.from({ length: 2075 - 2002 + 1 }, (_, i) => 2002 + i);

  it('BE: the same days as its public holidays, 2002–2075', () => {
    const other = new Holidays('BE', { types: ['public'] });
    for (const year of years) {
      const theirs = other.getHolidays(year).map((h) => h.date.slice(0, 10));
      expect(
        holidaysIn(year, 'BE').map((h) => h.date),
        String(year),
      ).toEqual(theirs);
    }
  });

  it('NL: its public holidays without the two Sundays, plus Goede Vrijdag and 5 mei, 2002–2075', () => {
    const other = new Holidays('NL', { types: ['public', 'school'] });
    for (const year of years) {
      const theirs = other
        .getHolidays(year)
        .filter(
          (h) =>
            (h.type === 'public' && h.rule !== 'easter' && h.rule !== 'easter 49') ||
            h.rule === 'easter -2' ||
            h.rule === '05-05',
        )
        .map((h) => h.date.slice(0, 10));
      expect(
        holidaysIn(year, 'NL').map((h) => h.date),
        String(year),
      ).toEqual(theirs);
    }
  });

  it('every calendar lists its holidays in date order', () => {
    for (const calendar of HOLIDAY_CALENDARS) {
      for (const year of years) {
        const dates = holidaysIn(year, calendar).map((h) => h.date);
        expect([...dates].sort()).toEqual(dates);
      }
    }
  });
});
