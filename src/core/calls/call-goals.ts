/**
 * The goals of a call, set before dialling (003#1, 004#5, R13, R23). The maximum is full payment of
 * what is overdue, at once. If that is not reached, the minimum acceptable outcomes are, in this
 * order: a partial payment now, a promise to pay the rest by a date the policy allows, or a payment
 * plan whose size follows the amount and the credit line: what exceeds the credit line is paid
 * first (the creditor never agreed to carry more), the rest in instalments whose number grows with
 * the amount but which never fall below a minimum instalment.
 */

import { addBusinessDays } from '../calendar/business-days.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { addDays, type CalendarDate } from '../calendar-date.js';
import type { DebtorKind } from '../ledger/enums.js';
import { applyBasisPoints, type Cents, cents } from '../money.js';
import { buildPlanSchedule, type PlanInstalment, type PlanInterval } from './plan-schedule.js';

export type CallGoalSettings = {
  /** "Per omgaande": full payment within this many business days counts as at once. */
  payNowWithinBusinessDays: number;
  /** A partial payment now is at least this share of the overdue amount, and at least `minPartialNowCents`. */
  minPartialNowBps: number;
  minPartialNowCents: number;
  /** The latest date a promise may name, in calendar days from today. */
  maxPromiseDays: Readonly<Record<DebtorKind, number>>;
  /** Instalment count by amount after the down payment: the first band the amount fits in. */
  instalmentBands: readonly { upToCents: number; instalments: number }[];
  maxInstalments: Readonly<Record<DebtorKind, number>>;
  minInstalmentCents: number;
  planInterval: PlanInterval;
  /** The first instalment falls this many days after today. */
  firstInstalmentAfterDays: number;
};

export const DEFAULT_CALL_GOALS: CallGoalSettings = {
  payNowWithinBusinessDays: 2,
  minPartialNowBps: 3_000,
  minPartialNowCents: 5_000,
  maxPromiseDays: { business: 14, consumer: 30 },
  instalmentBands: [
    { upToCents: 50_000, instalments: 2 },
    { upToCents: 250_000, instalments: 3 },
    { upToCents: 1_000_000, instalments: 6 },
  ],
  maxInstalments: { business: 6, consumer: 12 },
  minInstalmentCents: 2_500,
  planInterval: 'month',
  firstInstalmentAfterDays: 7,
};

export type GoalContext = {
  today: CalendarDate;
  calendar: HolidayCalendar;
  kind: DebtorKind;
  overdueCents: number;
  /** `debtors.credit_limit_cents`; null when the creditor set none. */
  creditLimitCents: number | null;
};

export type SuggestedPlan = {
  downPaymentCents: Cents;
  instalmentCount: number;
  interval: PlanInterval;
  schedule: PlanInstalment[];
};

export type MinimumGoal =
  | { kind: 'partial_payment_now'; amountCents: Cents; payByDate: CalendarDate }
  | { kind: 'promise_by_date'; amountCents: Cents; latestDate: CalendarDate }
  | ({ kind: 'payment_plan' } & SuggestedPlan);

export type CallGoals = {
  maximum: { kind: 'full_payment'; amountCents: Cents; payByDate: CalendarDate };
  /** The acceptable fall-backs, best first. */
  minimum: MinimumGoal[];
  /** The smallest amount an agreement today should bring in (the partial payment now). */
  minimumAmountCents: Cents;
};

/** The call's goals; undefined when nothing is overdue (a call before the due date has no claim). */
export function computeCallGoals(
  context: GoalContext,
  settings: CallGoalSettings = DEFAULT_CALL_GOALS,
): CallGoals | undefined {
  const overdue = context.overdueCents;
  if (overdue <= 0) return undefined;
  const payByDate = addBusinessDays(context.today, settings.payNowWithinBusinessDays, context.calendar);
  const partial = cents(
    Math.min(
      overdue,
      Math.max(settings.minPartialNowCents, applyBasisPoints(overdue, settings.minPartialNowBps)),
    ),
  );
  const minimum: MinimumGoal[] = [];
  if (partial < overdue) minimum.push({ kind: 'partial_payment_now', amountCents: partial, payByDate });
  minimum.push({
    kind: 'promise_by_date',
    amountCents: cents(overdue),
    latestDate: addDays(context.today, settings.maxPromiseDays[context.kind]),
  });
  const plan = suggestPlan(context, settings);
  if (plan) minimum.push({ kind: 'payment_plan', ...plan });
  return {
    maximum: { kind: 'full_payment', amountCents: cents(overdue), payByDate },
    minimum,
    minimumAmountCents: partial,
  };
}

/** A plan for the overdue amount, or undefined when it is too small to split into two instalments. */
export function suggestPlan(
  context: GoalContext,
  settings: CallGoalSettings = DEFAULT_CALL_GOALS,
): SuggestedPlan | undefined {
  const overdue = context.overdueCents;
  const aboveCreditLine =
    context.creditLimitCents !== null && overdue > context.creditLimitCents
      ? overdue - context.creditLimitCents
      : 0;
  const rest = overdue - aboveCreditLine;
  const band = settings.instalmentBands.find((b) => rest <= b.upToCents);
  const wanted = Math.min(
    band?.instalments ?? Number.POSITIVE_INFINITY,
    settings.maxInstalments[context.kind],
  );
  const count = Math.min(wanted, Math.floor(rest / settings.minInstalmentCents));
  const totalInstalments = count + (aboveCreditLine > 0 ? 1 : 0);
  if (count < 1 || totalInstalments < 2) return undefined;
  const schedule = buildPlanSchedule({
    totalCents: overdue,
    instalmentCount: count,
    downPaymentCents: aboveCreditLine,
    firstDueDate: addDays(context.today, settings.firstInstalmentAfterDays),
    interval: settings.planInterval,
    calendar: context.calendar,
  });
  return {
    downPaymentCents: cents(aboveCreditLine),
    instalmentCount: count,
    interval: settings.planInterval,
    schedule,
  };
}
