/**
 * Business-day arithmetic for set-based SQL: each date of a window up to `today` with the number of
 * business days from the window's start up to and including it. Then "at least k business days
 * after d" (addBusinessDays(d, k) <= today) is `n(today) - n(d) >= k`, a lookup per row instead of
 * a holiday calendar in the database. Dates before the window count as long past.
 */
import { isBusinessDay } from '../calendar/business-days.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { addDays, type CalendarDate } from '../calendar-date.js';

export type BusinessDayIndex = { d: CalendarDate; n: number }[];

export function businessDayIndex(
  today: CalendarDate,
  calendar: HolidayCalendar,
  windowDays = 400,
): BusinessDayIndex {
  const index: BusinessDayIndex = [];
  let n = 0;
  for (let offset = windowDays; offset >= 0; offset--) {
    const d = addDays(today, -offset);
    if (isBusinessDay(d, calendar)) n++;
    index.push({ d, n });
  }
  return index;
}
