/**
 * Business days: not a Saturday, not a Sunday, not a holiday of the calendar (see holidays.ts).
 * For a Belgian term (Gerechtelijk Wetboek art. 52–53: counted from the day after the event, the
 * last day included, moved to the next working day when it is a Saturday, Sunday or legal holiday)
 * use `deadlineOn(addDays(event, days), 'BE')`; for a Dutch statutory term use `statutoryTermEnd`.
 */
import { addDays, type CalendarDate, isoWeekday } from '../calendar-date.js';
import { type HolidayCalendar, isHoliday } from './holidays.js';

export { isoWeekday };

export function isWeekend(date: CalendarDate): boolean {
  return isoWeekday(date) >= 6;
}

export function isBusinessDay(date: CalendarDate, calendar: HolidayCalendar): boolean {
  return !isWeekend(date) && !isHoliday(date, calendar);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: CalendarDate, calendar: HolidayCalendar): CalendarDate {
  let day = addDays(date, 1);
  while (!isBusinessDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: CalendarDate, calendar: HolidayCalendar): CalendarDate {
  let day = addDays(date, -1);
  while (!isBusinessDay(day, calendar)) day = addDays(day, -1);
  return day;
}

/**
 * The day a deadline falling on `date` really ends: `date` itself when it is a business day,
 * otherwise the next business day (Atw art. 1; Ger.W. art. 53).
 */
export function deadlineOn(date: CalendarDate, calendar: HolidayCalendar): CalendarDate {
  return isBusinessDay(date, calendar) ? date : nextBusinessDay(date, calendar);
}

/**
 * Moves `days` business days from `date` (backwards when negative). Zero returns `date` itself,
 * even when it is not a business day; Friday + 1 is the next Monday (if that is no holiday).
 */
export function addBusinessDays(date: CalendarDate, days: number, calendar: HolidayCalendar): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of business days: ${days}`);
  let day = date;
  for (let i = 0; i < Math.abs(days); i++) {
    day = days > 0 ? nextBusinessDay(day, calendar) : previousBusinessDay(day, calendar);
  }
  return day;
}

/**
 * The latest day `start` whose term of `days` business days has ended by `date`, i.e. with
 * addBusinessDays(start, days) <= date: everything started on or before it is due. A term started
 * on a weekend counts from the next business day.
 */
export function latestStartDueBy(date: CalendarDate, days: number, calendar: HolidayCalendar): CalendarDate {
  let start = date;
  while (addBusinessDays(start, days, calendar) > date) start = addDays(start, -1);
  return start;
}

/** The number of business days from `first` to `last`, both included; 0 when `last` is before `first`. */
export function countBusinessDays(
  first: CalendarDate,
  last: CalendarDate,
  calendar: HolidayCalendar,
): number {
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (isBusinessDay(day, calendar)) count++;
  }
  return count;
}

/** Whether TARGET (the euro interbank settlement system, and so non-instant SEPA transfers) runs on `date`. */
export function isTargetDay(date: CalendarDate): boolean {
  return isBusinessDay(date, 'TARGET');
}

/**
 * The first TARGET day strictly after `date`: when a non-instant transfer initiated on `date`
 * (after the cut-off) is settled at the earliest. After Thursday 2025-04-17 that is Tuesday
 * 2025-04-22 (Good Friday and Easter Monday are closing days).
 */
export function nextTargetDay(date: CalendarDate): CalendarDate {
  return nextBusinessDay(date, 'TARGET');
}
