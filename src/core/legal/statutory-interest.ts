import { Temporal } from 'temporal-polyfill';
import { addDays, type CalendarDate, daysBetween } from '../calendar-date.js';
import { type Cents, cents, divideRoundHalfAwayFromZero } from '../money.js';
import {
  BE_LATE_PAYMENT_RATES,
  NL_COMMERCIAL_RATES,
  NL_CONSUMER_RATES,
  type RateRow,
  type RateStatus,
  type RateTable,
} from './rate-tables.js';

/**
 * Statutory late-payment interest (LEGAL.md §2 NL, §3 BE), traceable period by period.
 *
 * - Periods split at each rate change, at each anniversary of the first interest day, on the day
 *   after each payment, where the rate table ends, and (act/act only) on 1 January (§2.3).
 * - NL (6:119 lid 2, 6:119a lid 3): after each full year, counted from the first interest day, that
 *   year's interest is added to the base. A year starting on 29 February ends on 28 February.
 * - BE: simple interest. LEGAL.md §3 states no capitalisation rule for the wet 2 augustus 2002.
 * - Rounding (§2.3): the interest of each interest year is computed exactly and rounded half-up to
 *   the cent once. Within a year each period shows round(cumulative to its end) − round(cumulative
 *   to its start), so the periods add up to the year exactly; a line may differ by one cent from
 *   rounding it on its own.
 * - Payments lower the principal from the day after their date (6:119a: interest runs up to and
 *   including the day of payment). They are applied to principal only, never to capitalised
 *   interest; art. 6:44 BW allocation (costs → interest → principal) is not in LEGAL.md and not
 *   applied here, which can only understate the interest.
 */

export const INTEREST_KINDS = ['nl-consumer', 'nl-commercial', 'be-commercial'] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

/** LEGAL.md §2.3 / §8 item 3: the law prescribes none; act/365 is the default and is shown on statements. */
export const DAY_COUNTS = ['act/365', 'act/act'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

export type InterestInput = {
  kind: InterestKind;
  principalCents: number;
  /** First day interest runs (inclusive). */
  from: CalendarDate;
  /** Last day interest runs (inclusive); nothing when before `from`. */
  to: CalendarDate;
  payments?: readonly { date: CalendarDate; amountCents: number }[];
  dayCount?: DayCount;
  /** A contractual rate used instead of the table rate but never above it (BE Boek XIX cap, §4). */
  agreedRateBps?: number;
  /** Replaces the built-in table for `kind`. */
  rates?: RateTable;
};

export type InterestPeriod = {
  /** First and last day of the period, both inclusive. */
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  /** Days of the year divided by: 365, or 366 in a leap year under act/act. */
  yearDays: number;
  rateBps: number;
  baseCents: Cents;
  interestCents: Cents;
  /** The table row the rate comes from, with its source status. */
  rateRowFrom: CalendarDate;
  rateStatus: RateStatus;
  /** The day lies after the table's `knownThrough`: the last known rate was continued. */
  isRateExtrapolated: boolean;
};

export type InterestCalculation = {
  kind: InterestKind;
  dayCount: DayCount;
  compounding: 'yearly' | 'none';
  totalCents: Cents;
  periods: InterestPeriod[];
  /** Interest added to the base at the start of each new interest year (NL only). */
  capitalisations: { on: CalendarDate; amountCents: Cents }[];
  isRateExtrapolated: boolean;
  rateTable: string;
  rateKnownThrough: CalendarDate;
};

export type InterestResult =
  | ({ ok: true } & InterestCalculation)
  | { ok: false; code: 'NO_RATE_FOR_DATE'; date: CalendarDate; message: string };

export function defaultRateTable(kind: InterestKind): RateTable {
  switch (kind) {
    case 'nl-consumer':
      return NL_CONSUMER_RATES;
    case 'nl-commercial':
      return NL_COMMERCIAL_RATES;
    case 'be-commercial':
      return BE_LATE_PAYMENT_RATES;
  }
}

/** Common denominator of every period's exact interest: bps × 365 × 366. */
const YEAR_DAYS_LCM = 365n * 366n;
const DENOMINATOR = 10_000n * YEAR_DAYS_LCM;

export function calculateInterest(input: InterestInput): InterestResult {
  const table = input.rates ?? defaultRateTable(input.kind);
  const dayCount = input.dayCount ?? 'act/365';
  const compounding = input.kind === 'be-commercial' ? 'none' : 'yearly';
  if (!Number.isSafeInteger(input.principalCents) || input.principalCents < 0) {
    throw new RangeError(`principal must be whole, non-negative cents: ${input.principalCents}`);
  }
  const result: InterestCalculation = {
    kind: input.kind,
    dayCount,
    compounding,
    totalCents: cents(0),
    periods: [],
    capitalisations: [],
    isRateExtrapolated: false,
    rateTable: table.name,
    rateKnownThrough: table.knownThrough,
  };
  if (input.to < input.from) return { ok: true, ...result };
  const firstRow = table.rows[0];
  if (!firstRow || input.from < firstRow.from) {
    const message = `${table.name} has no rate for ${input.from} (table starts ${firstRow?.from ?? 'nowhere'})`;
    return { ok: false, code: 'NO_RATE_FOR_DATE', date: input.from, message };
  }

  const payments = input.payments ?? [];
  const anniversaries = new Set<string>();
  for (let k = 1; ; k++) {
    const anniversary = addYears(input.from, k);
    if (anniversary > input.to) break;
    anniversaries.add(anniversary);
  }
  const starts = splitDates(input, table, anniversaries, dayCount);

  let capitalisedCents = 0n;
  let yearExact = 0n; // exact interest of the running interest year, in units of 1 / DENOMINATOR cent
  let yearRounded = 0n;
  const closeYear = (on: CalendarDate | null) => {
    if (on && compounding === 'yearly' && yearRounded > 0n) {
      capitalisedCents += yearRounded;
      result.capitalisations.push({ on, amountCents: cents(Number(yearRounded)) });
    }
    yearExact = 0n;
    yearRounded = 0n;
  };

  let total = 0n;
  starts.forEach((from, index) => {
    if (anniversaries.has(from)) closeYear(from);
    const next = starts[index + 1];
    const to = next ? addDays(next, -1) : input.to;
    const rateRow = rowOn(table, from);
    const rateBps = Math.min(rateRow.bps, input.agreedRateBps ?? rateRow.bps);
    const paid = payments.filter((p) => p.date < from).reduce((sum, p) => sum + BigInt(p.amountCents), 0n);
    const principal = BigInt(input.principalCents) - paid;
    const base = (principal > 0n ? principal : 0n) + capitalisedCents;
    if (base === 0n) return;
    const days = daysBetween(from, to) + 1;
    const yearDays = dayCount === 'act/act' ? Temporal.PlainDate.from(from).daysInYear : 365;
    yearExact += base * BigInt(rateBps) * BigInt(days) * (YEAR_DAYS_LCM / BigInt(yearDays));
    const rounded = divideRoundHalfAwayFromZero(yearExact, DENOMINATOR);
    const interest = rounded - yearRounded;
    yearRounded = rounded;
    total += interest;
    const isRateExtrapolated = from > table.knownThrough;
    result.isRateExtrapolated ||= isRateExtrapolated;
    result.periods.push({
      from,
      to,
      days,
      yearDays,
      rateBps,
      baseCents: cents(Number(base)),
      interestCents: cents(Number(interest)),
      rateRowFrom: rateRow.from,
      rateStatus: rateRow.status,
      isRateExtrapolated,
    });
  });
  result.totalCents = cents(Number(total));
  return { ok: true, ...result };
}

/** The first day of every period, sorted: `from` plus each day on which something changes. */
function splitDates(
  input: InterestInput,
  table: RateTable,
  anniversaries: ReadonlySet<string>,
  dayCount: DayCount,
): CalendarDate[] {
  const candidates = new Set<string>([
    ...table.rows.map((r) => r.from),
    addDays(table.knownThrough, 1),
    ...anniversaries,
    ...(input.payments ?? []).map((p) => addDays(p.date, 1)),
  ]);
  if (dayCount === 'act/act') {
    for (let year = Number(input.from.slice(0, 4)) + 1; year <= Number(input.to.slice(0, 4)); year++) {
      candidates.add(`${year}-01-01`);
    }
  }
  const inside = [...candidates].filter((d) => d > input.from && d <= input.to) as CalendarDate[];
  return [input.from, ...inside.sort()];
}

function rowOn(table: RateTable, date: CalendarDate): RateRow {
  let found: RateRow | undefined;
  for (const r of table.rows) if (r.from <= date) found = r;
  if (!found) throw new RangeError(`${table.name}: no rate on ${date}`);
  return found;
}

function addYears(date: CalendarDate, years: number): CalendarDate {
  // Temporal constrains 29 February to 28 February in a common year.
  return Temporal.PlainDate.from(date).add({ years }).toString() as CalendarDate;
}
