/**
 * Holiday calendars for payment deadlines, from LEGAL.md §7 (the authority; see below for why the
 * `date-holidays` package is not used here):
 * - `NL`: the "algemeen erkende feestdagen" of the Algemene termijnenwet art. 3, including Goede
 *   Vrijdag (art. 3 lid 2) and 5 mei every year; Koningsdag on 27 April, or Saturday 26 April when
 *   the 27th is a Sunday (Koninginnedag 30 April / Saturday 29 April before 2014).
 * - `BE`: the ten legal public holidays of the wet van 4 januari 1974.
 * - `TARGET`: the days the TARGET2/T2 interbank settlement system is closed besides weekends.
 * Rules as in force since 2002 (the euro); earlier years are refused.
 *
 * Why not `date-holidays`: it is pure at call time, but its NL calendar marks Goede Vrijdag and
 * 5 mei as school days and counts Easter and Whit Sunday as public holidays, so it needs
 * corrections anyway; importing it takes ~300 ms (800 kB of world holiday data, moment-timezone,
 * astronomia), a year takes ~8 ms to compute, and a data update could silently move legal
 * deadlines. The tests compare these rules with it for 2002–2075.
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, type CalendarDate } from '../calendar-date.js';

export const HOLIDAY_CALENDARS = ['NL', 'BE', 'TARGET'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

export const HOLIDAY_KEYS = [
  'new-year',
  'good-friday',
  'easter-monday',
  'kings-day',
  'liberation-day',
  'labour-day',
  'ascension-day',
  'whit-monday',
  'belgian-national-day',
  'assumption-day',
  'all-saints-day',
  'armistice-day',
  'christmas-day',
  'second-christmas-day',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

export type Holiday = { date: CalendarDate; key: HolidayKey; name: string };

export const FIRST_CALENDAR_YEAR = 2002;

function on(year: number, month: number, day: number): CalendarDate {
  return Temporal.PlainDate.from({ year, month, day }).toString() as CalendarDate;
}

/** Easter Sunday of a Gregorian year (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return on(year, month, day);
}

/** Koningsdag (from 2014) or Koninginnedag (before), moved to the Saturday before when on a Sunday. */
function kingsDay(year: number): CalendarDate {
  const date = year >= 2014 ? on(year, 4, 27) : on(year, 4, 30);
  const isSunday = Temporal.PlainDate.from(date).dayOfWeek === 7;
  return isSunday ? addDays(date, -1) : date;
}

function rulesFor(year: number, calendar: HolidayCalendar): [CalendarDate, HolidayKey, string][] {
  const easter = easterSunday(year);
  switch (calendar) {
    case 'NL':
      return [
        [on(year, 1, 1), 'new-year', 'Nieuwjaarsdag'],
        [addDays(easter, -2), 'good-friday', 'Goede Vrijdag'],
        [addDays(easter, 1), 'easter-monday', 'Tweede Paasdag'],
        [kingsDay(year), 'kings-day', year >= 2014 ? 'Koningsdag' : 'Koninginnedag'],
        [on(year, 5, 5), 'liberation-day', 'Bevrijdingsdag'],
        [addDays(easter, 39), 'ascension-day', 'Hemelvaartsdag'],
        [addDays(easter, 50), 'whit-monday', 'Tweede Pinksterdag'],
        [on(year, 12, 25), 'christmas-day', 'Eerste Kerstdag'],
        [on(year, 12, 26), 'second-christmas-day', 'Tweede Kerstdag'],
      ];
    case 'BE':
      return [
        [on(year, 1, 1), 'new-year', 'Nieuwjaar'],
        [addDays(easter, 1), 'easter-monday', 'Paasmaandag'],
        [on(year, 5, 1), 'labour-day', 'Dag van de Arbeid'],
        [addDays(easter, 39), 'ascension-day', 'O.L.H. Hemelvaart'],
        [addDays(easter, 50), 'whit-monday', 'Pinkstermaandag'],
        [on(year, 7, 21), 'belgian-national-day', 'Nationale feestdag'],
        [on(year, 8, 15), 'assumption-day', 'O.L.V. Hemelvaart'],
        [on(year, 11, 1), 'all-saints-day', 'Allerheiligen'],
        [on(year, 11, 11), 'armistice-day', 'Wapenstilstand'],
        [on(year, 12, 25), 'christmas-day', 'Kerstmis'],
      ];
    case 'TARGET':
      return [
        [on(year, 1, 1), 'new-year', "New Year's Day"],
        [addDays(easter, -2), 'good-friday', 'Good Friday'],
        [addDays(easter, 1), 'easter-monday', 'Easter Monday'],
        [on(year, 5, 1), 'labour-day', 'Labour Day'],
        [on(year, 12, 25), 'christmas-day', 'Christmas Day'],
        [on(year, 12, 26), 'second-christmas-day', 'Christmas Holiday'],
      ];
  }
}

const cache = new Map<string, readonly Holiday[]>();

/**
 * The holidays of a calendar in a year, in date order, weekend days included (Koningsdag 2025 is
 * Saturday 26 April); a date can carry two holidays. Throws a RangeError for years before 2002, which are not modelled.
 */
export function holidaysIn(year: number, calendar: HolidayCalendar): readonly Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR) {
    throw new RangeError(`holiday calendars start in ${FIRST_CALENDAR_YEAR}, not ${year}`);
  }
  const cacheKey = `${calendar}:${year}`;
  let holidays = cache.get(cacheKey);
  if (!holidays) {
    holidays = rulesFor(year, calendar)
      .map(([date, key, name]) => Object.freeze({ date, key, name }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    cache.set(cacheKey, holidays);
  }
  return holidays;
}

/**
 * The holidays on a date: usually none or one, two when moveable and fixed feasts meet
 * (Hemelvaartsdag on 5 mei in 2005 and 2016; Ascension on 1 May in 2008 in Belgium).
 */
export function holidaysOn(date: CalendarDate, calendar: HolidayCalendar): Holiday[] {
  return holidaysIn(Number(date.slice(0, 4)), calendar).filter((holiday) => holiday.date === date);
}

/** Whether a date is a holiday of the calendar (whatever day of the week it falls on). */
export function isHoliday(date: CalendarDate, calendar: HolidayCalendar): boolean {
  return holidaysIn(Number(date.slice(0, 4)), calendar).some((holiday) => holiday.date === date);
}
