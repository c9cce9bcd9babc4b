/**
 * Fast helpers for generating a million rows: deterministic ids, dates as day numbers, amounts as
 * Dutch text. Temporal and Intl are correct but too slow to call millions of times, so the
 * generator does its date arithmetic on whole days since 1970-01-01 (the proleptic Gregorian
 * calendar, as PostgreSQL's `date`).
 */
import type { CalendarDate } from '../../core/calendar-date.js';
import { cyrb128 } from './random.js';

/** What an id is of: part of the id, so ids of different tables never collide. */
export const ID_KINDS = {
  organisation: 0x001,
  debtor: 0x002,
  contact: 0x003,
  invoice: 0x004,
  payment: 0x005,
  allocation: 0x006,
  dispute: 0x007,
  user: 0x008,
} as const;
export type IdKind = keyof typeof ID_KINDS;

const TWO_POW_48 = 2 ** 48;
const ROWS_PER_DEBTOR = 2 ** 20;

/**
 * Deterministic UUIDs (RFC 9562 version 8, "custom"): 48 bits naming the portfolio (a hash of
 * seed and organisation slug), 12 bits for the kind of row, 62 bits counting debtor and row. Unique
 * by construction within a portfolio (no birthday risk at a million rows), reproducible from the
 * seed, and increasing within a kind so B-tree inserts stay local.
 */
export function createIdFactory(
  portfolioKey: string,
): (kind: IdKind, debtorIndex: number, row?: number) => string {
  const [h1, h2] = cyrb128(portfolioKey);
  const namespace = `${h1.toString(16).padStart(8, '0')}-${(h2 >>> 16).toString(16).padStart(4, '0')}`;
  return (kind, debtorIndex, row = 0) => {
    if (row >= ROWS_PER_DEBTOR) throw new RangeError('too many rows for one debtor');
    const counter = debtorIndex * ROWS_PER_DEBTOR + row;
    const high = Math.floor(counter / TWO_POW_48);
    const low = counter - high * TWO_POW_48;
    return `${namespace}-8${ID_KINDS[kind].toString(16).padStart(3, '0')}-${(0x8000 | high).toString(16)}-${low.toString(16).padStart(12, '0')}`;
  };
}

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 of a calendar date. */
export function toDayNumber(date: CalendarDate | string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** The calendar date of a day number (Howard Hinnant's civil_from_days). */
export function fromDayNumber(day: number): CalendarDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as CalendarDate;
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Moves a Saturday or Sunday to the next Monday: banks book on working days. */
export function nextWorkingDay(day: number): number {
  const weekday = isoWeekday(day);
  return weekday === 6 ? day + 2 : weekday === 7 ? day + 1 : day;
}

/** `day`, moved off a weekend to the Monday, unless that reaches `today`: then the last working day before it. */
export function workingDayBefore(day: number, today: number): number {
  const next = nextWorkingDay(day);
  if (next < today) return next;
  const last = today - 1;
  const weekday = isoWeekday(last);
  return weekday === 6 ? last - 1 : weekday === 7 ? last - 2 : last;
}

/** The first day on or after `day` that falls on ISO weekday `weekday`. */
export function onOrAfterWeekday(day: number, weekday: number): number {
  return day + ((weekday - isoWeekday(day) + 7) % 7);
}

/** `dd-mm-yyyy`, as Dutch accounting packages export dates. */
export function dutchDate(day: number): string {
  const iso = fromDayNumber(day);
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** A timestamp on a day at a UTC clock time, for timeline events. */
export function instantOn(day: number, hourUtc: number, minute: number): string {
  return `${fromDayNumber(day)}T${hourUtc < 10 ? '0' : ''}${hourUtc}:${minute < 10 ? '0' : ''}${minute}:00.000Z`;
}

/** Cents as Dutch text with the euro sign: 123450 → "€ 1.234,50". */
export function euroText(cents: number): string {
  return `€ ${decimalCommaText(cents, '.')}`;
}

/** Cents with a decimal comma and optional thousands separator: 123450 → "1234,50". */
export function decimalCommaText(cents: number, thousands = ''): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  let whole = String(Math.trunc(abs / 100));
  if (thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const fraction = abs % 100;
  return `${negative ? '-' : ''}${whole},${fraction < 10 ? '0' : ''}${fraction}`;
}
