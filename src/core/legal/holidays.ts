import { Temporal } from 'temporal-polyfill';
import { addDays, type CalendarDate } from '../calendar-date.js';

/** ISO weekday of a date: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Easter Sunday (Gregorian) by the Meeus/Jones/Butcher algorithm (LEGAL.md §7.1). */
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
  return Temporal.PlainDate.from({ year, month, day }).toString() as CalendarDate;
}

const yearOf = (date: CalendarDate): number => Number(date.slice(0, 4));
const monthDay = (date: CalendarDate): string => date.slice(5);

/**
 * Algemene termijnenwet art. 3 (LEGAL.md §7.1): Nieuwjaarsdag, Goede Vrijdag (lid 2), tweede
 * Paasdag, Koningsdag, 5 mei (every year), Hemelvaartsdag, tweede Pinksterdag, both Christmas days.
 */
export function isNlAtwHoliday(date: CalendarDate): boolean {
  const year = yearOf(date);
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-05', '12-25', '12-26'];
  const movable = [-2, 1, 39, 50].map((offset) => addDays(easter, offset));
  return fixed.includes(monthDay(date)) || movable.includes(date) || date === kingsDay(year);
}

/**
 * Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (LEGAL.md §7.1, from 2014).
 * Before 2014 Koninginnedag, 30 April (29 April when a Sunday) — not in LEGAL.md, [U].
 */
function kingsDay(year: number): CalendarDate {
  const day = (year >= 2014 ? `${year}-04-27` : `${year}-04-30`) as CalendarDate;
  return isoWeekday(day) === 7 ? addDays(day, -1) : day;
}

/**
 * Belgian legal public holidays, wet 4 januari 1974 (LEGAL.md §7.2): 1/1, Easter Monday, 1/5,
 * Ascension, Whit Monday, 21/7, 15/8, 1/11, 11/11, 25/12.
 */
export function isBeLegalHoliday(date: CalendarDate): boolean {
  const easter = easterSunday(yearOf(date));
  const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'];
  const movable = [1, 39, 50].map((offset) => addDays(easter, offset));
  return fixed.includes(monthDay(date)) || movable.includes(date);
}
