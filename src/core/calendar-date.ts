import { Temporal } from 'temporal-polyfill';

/** A calendar date as `YYYY-MM-DD`; no time, no zone. */
export type CalendarDate = string & { readonly __calendarDate: true };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): value is CalendarDate {
  if (!ISO_DATE.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

export type ParseDateResult = { ok: true; date: CalendarDate } | { ok: false; reason: string };

/**
 * Parses dates as accounting packages write them: ISO `2026-03-31`, `31-03-2026`, `31/03/2026`,
 * `31.03.2026`, `20260331`, and two-digit years (`31-03-26` → 2026). Day-first is the Dutch and
 * Belgian convention; a month above 12 is an error, never silently swapped.
 */
export function parseCalendarDate(input: string): ParseDateResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty date' };
  const parts = splitDateParts(text);
  if (!parts) return { ok: false, reason: `not a date: "${text}" (expected dd-mm-yyyy or yyyy-mm-dd)` };
  const { year, month, day } = parts;
  try {
    const date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    return { ok: true, date: date.toString() as CalendarDate };
  } catch {
    return { ok: false, reason: `no such date: "${text}"` };
  }
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date in years 1000–9999, or undefined for anything
 * else (the Temporal fallbacks then decide). Date arithmetic runs per debtor in the call queue and
 * per request in the prep sheet, where Temporal's parsing dominated the profile.
 */
function epochDay(date: string): number | undefined {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || date[0] === '0') return undefined;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; such a string is no date.
  return fromEpochDay(ms / DAY_MS) === date ? ms / DAY_MS : undefined;
}

const fromEpochDay = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const start = Number.isInteger(days) ? epochDay(date) : undefined;
  if (start !== undefined) {
    const result = fromEpochDay(start + days);
    if (epochDay(result) !== undefined) return result as CalendarDate;
  }
  return Temporal.PlainDate.from(date).add({ days }).toString() as CalendarDate;
}

/** Whole months later (earlier when negative), the day clamped to the month's end: 31 Jan + 1 → 28/29 Feb. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (Number.isInteger(months) && epochDay(date) !== undefined) {
    const month0 = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
    const year = Math.floor(month0 / 12);
    const month = month0 - year * 12 + 1;
    // Day 0 of the next month is the last day of this one.
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = Math.min(Number(date.slice(8, 10)), lastDay);
    const result = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (epochDay(result) !== undefined) return result as CalendarDate;
  }
  return Temporal.PlainDate.from(date).add({ months }, { overflow: 'constrain' }).toString() as CalendarDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = epochDay(from);
  const end = epochDay(to);
  if (start !== undefined && end !== undefined) return end - start;
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** ISO weekday of a date: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const days = epochDay(date);
  // 1970-01-01 was a Thursday.
  return days === undefined ? Temporal.PlainDate.from(date).dayOfWeek : ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Today's date in a time zone, for the composition roots that own the clock. */
export function todayIn(instant: Temporal.Instant, timeZone: string): CalendarDate {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate().toString() as CalendarDate;
}

function splitDateParts(text: string): { year: number; month: number; day: number } | undefined {
  const iso = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dayFirst = text.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/);
  if (dayFirst) {
    const yearText = dayFirst[3] ?? '';
    const year = Number(yearText) + (yearText.length === 2 ? 2000 : 0);
    return { year, month: Number(dayFirst[2]), day: Number(dayFirst[1]) };
  }
  const compact = text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (compact) return { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) };
  return undefined;
}
