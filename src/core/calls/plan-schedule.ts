/**
 * The instalments of a payment plan: amounts in cents that add up to the total exactly (the
 * remainder cents go to the first instalments), due dates a week, two weeks or a month apart and
 * moved to the next business day when they fall on a weekend or holiday. Months are counted from
 * the first due date each time (31 January → 28 February → 31 March), so dates do not drift.
 */
import { deadlineOn } from '../calendar/business-days.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { addDays, addMonths, type CalendarDate } from '../calendar-date.js';
import { assertNever } from '../errors.js';
import { type Cents, cents, splitEvenly } from '../money.js';

export const PLAN_INTERVALS = ['week', 'two_weeks', 'month'] as const;
export type PlanInterval = (typeof PLAN_INTERVALS)[number];

export type PlanInstalment = { number: number; dueDate: CalendarDate; amountCents: Cents };

export type PlanScheduleInput = {
  totalCents: number;
  /** Instalments after the down payment (at least 1). */
  instalmentCount: number;
  firstDueDate: CalendarDate;
  interval: PlanInterval;
  calendar: HolidayCalendar;
  /** Paid first, on `firstDueDate`; the rest is split over `instalmentCount` instalments after it. */
  downPaymentCents?: number;
};

/** The plan's instalments; throws a RangeError naming the field when the input cannot make one. */
export function buildPlanSchedule(input: PlanScheduleInput): PlanInstalment[] {
  const downPayment = input.downPaymentCents ?? 0;
  if (!Number.isSafeInteger(input.totalCents) || input.totalCents <= 0) {
    throw new RangeError(`totalCents: must be a positive whole number of cents, not ${input.totalCents}`);
  }
  if (!Number.isInteger(input.instalmentCount) || input.instalmentCount < 1) {
    throw new RangeError(`instalmentCount: must be at least 1, not ${input.instalmentCount}`);
  }
  if (!Number.isSafeInteger(downPayment) || downPayment < 0 || downPayment >= input.totalCents) {
    throw new RangeError(`downPaymentCents: must be from 0 up to below the total, not ${downPayment}`);
  }
  const amounts = [
    ...(downPayment > 0 ? [cents(downPayment)] : []),
    ...splitEvenly(input.totalCents - downPayment, input.instalmentCount),
  ];
  return amounts.map((amountCents, index) => ({
    number: index + 1,
    dueDate: deadlineOn(nthDueDate(input.firstDueDate, input.interval, index), input.calendar),
    amountCents,
  }));
}

/** The `index`-th (0-based) due date of the interval from `first`, before moving it to a business day. */
export function nthDueDate(first: CalendarDate, interval: PlanInterval, index: number): CalendarDate {
  switch (interval) {
    case 'week':
      return addDays(first, 7 * index);
    case 'two_weeks':
      return addDays(first, 14 * index);
    case 'month':
      return addMonths(first, index);
    default:
      return assertNever(interval, 'plan interval');
  }
}
