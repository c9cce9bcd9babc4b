/**
 * "No hopeless promises" (004#9, 004#11, R18): checks an agreement before it is saved. Errors make
 * it impossible (no amount, a date in the past); warnings are shown to the collector, who may save
 * anyway after reading them (the service records that on the timeline). Codes plus data, so the UI
 * words them in the collector's language.
 */

import { isBusinessDay, nextBusinessDay } from '../calendar/business-days.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { addDays, type CalendarDate, daysBetween } from '../calendar-date.js';
import type { DebtorKind } from '../ledger/enums.js';
import { applyBasisPoints } from '../money.js';
import { type CallGoalSettings, type CallGoals, DEFAULT_CALL_GOALS } from './call-goals.js';

export type AgreementProposal =
  | { kind: 'promise'; amountCents: number; promisedDate: CalendarDate }
  | { kind: 'plan'; instalments: readonly { dueDate: CalendarDate; amountCents: number }[] };

export type PromiseHistory = { kept: number; partiallyKept: number; broken: number };

export type AgreementContext = {
  today: CalendarDate;
  calendar: HolidayCalendar;
  kind: DebtorKind;
  /** What the agreement is meant to settle (the overdue balance, or the invoices chosen). */
  balanceCents: number;
  goals: CallGoals | undefined;
  history: PromiseHistory;
  /** The person who made the promise; null when unknown. */
  contact: { name: string; isCollectionsContact: boolean } | null;
};

export type AgreementPolicy = Pick<CallGoalSettings, 'maxPromiseDays' | 'minInstalmentCents'> & {
  /** The whole plan ends within this many days of today. */
  maxPlanDays: Readonly<Record<DebtorKind, number>>;
  /** An instalment is also at least this share of the balance (a plan must make visible progress). */
  minInstalmentBps: number;
  /** Warn from this many broken (or only partly kept) promises on. */
  warnFromBrokenPromises: number;
};

export const DEFAULT_AGREEMENT_POLICY: AgreementPolicy = {
  maxPromiseDays: DEFAULT_CALL_GOALS.maxPromiseDays,
  minInstalmentCents: DEFAULT_CALL_GOALS.minInstalmentCents,
  maxPlanDays: { business: 183, consumer: 366 },
  minInstalmentBps: 500,
  warnFromBrokenPromises: 1,
};

export type AgreementError =
  | { code: 'amount_not_positive'; field: string; amountCents: number }
  | { code: 'date_in_past'; field: string; date: CalendarDate; today: CalendarDate }
  | { code: 'plan_without_instalments' }
  | { code: 'instalments_out_of_order'; field: string; date: CalendarDate; previousDate: CalendarDate };

export type AgreementWarning =
  | { code: 'promise_too_far'; date: CalendarDate; latestDate: CalendarDate; days: number; maxDays: number }
  | { code: 'below_minimum_goal'; amountCents: number; minimumCents: number }
  | { code: 'earlier_promises_broken'; broken: number; total: number }
  | { code: 'instalment_too_small'; number: number; amountCents: number; minimumCents: number }
  | { code: 'plan_too_long'; lastDate: CalendarDate; latestDate: CalendarDate; days: number; maxDays: number }
  | { code: 'plan_does_not_cover_balance'; planCents: number; balanceCents: number }
  | { code: 'amount_above_balance'; amountCents: number; balanceCents: number }
  | { code: 'not_a_business_day'; field: string; date: CalendarDate; suggestedDate: CalendarDate }
  | { code: 'not_collections_contact'; contactName: string }
  | { code: 'contact_unknown' };

export type AgreementCheck = { errors: AgreementError[]; warnings: AgreementWarning[] };

export function validateAgreement(
  proposal: AgreementProposal,
  context: AgreementContext,
  policy: AgreementPolicy = DEFAULT_AGREEMENT_POLICY,
): AgreementCheck {
  const errors: AgreementError[] = [];
  const warnings: AgreementWarning[] = [];
  const checkDate = (field: string, date: CalendarDate) => {
    if (date < context.today) {
      errors.push({ code: 'date_in_past', field, date, today: context.today });
    } else if (!isBusinessDay(date, context.calendar)) {
      warnings.push({
        code: 'not_a_business_day',
        field,
        date,
        suggestedDate: nextBusinessDay(date, context.calendar),
      });
    }
  };

  if (proposal.kind === 'promise') {
    if (proposal.amountCents <= 0) {
      errors.push({ code: 'amount_not_positive', field: 'amountCents', amountCents: proposal.amountCents });
    }
    checkDate('promisedDate', proposal.promisedDate);
    const maxDays = policy.maxPromiseDays[context.kind];
    const days = daysBetween(context.today, proposal.promisedDate);
    if (days > maxDays) {
      const latestDate = addDays(context.today, maxDays);
      warnings.push({ code: 'promise_too_far', date: proposal.promisedDate, latestDate, days, maxDays });
    }
    const minimum = context.goals?.minimumAmountCents;
    if (minimum !== undefined && proposal.amountCents > 0 && proposal.amountCents < minimum) {
      warnings.push({ code: 'below_minimum_goal', amountCents: proposal.amountCents, minimumCents: minimum });
    }
    if (proposal.amountCents > context.balanceCents) {
      warnings.push({
        code: 'amount_above_balance',
        amountCents: proposal.amountCents,
        balanceCents: context.balanceCents,
      });
    }
  } else {
    const { instalments } = proposal;
    if (instalments.length === 0) errors.push({ code: 'plan_without_instalments' });
    const minimumCents = Math.max(
      policy.minInstalmentCents,
      applyBasisPoints(Math.max(context.balanceCents, 0), policy.minInstalmentBps),
    );
    instalments.forEach((instalment, index) => {
      const field = `instalments[${index}]`;
      if (instalment.amountCents <= 0) {
        errors.push({
          code: 'amount_not_positive',
          field: `${field}.amountCents`,
          amountCents: instalment.amountCents,
        });
      } else if (instalment.amountCents < minimumCents && index < instalments.length - 1) {
        // The last instalment may be smaller: it is the remainder.
        warnings.push({
          code: 'instalment_too_small',
          number: index + 1,
          amountCents: instalment.amountCents,
          minimumCents,
        });
      }
      checkDate(`${field}.dueDate`, instalment.dueDate);
      const previous = instalments[index - 1];
      if (previous && instalment.dueDate <= previous.dueDate) {
        errors.push({
          code: 'instalments_out_of_order',
          field: `${field}.dueDate`,
          date: instalment.dueDate,
          previousDate: previous.dueDate,
        });
      }
    });
    const last = instalments.at(-1);
    const maxDays = policy.maxPlanDays[context.kind];
    if (last && daysBetween(context.today, last.dueDate) > maxDays) {
      warnings.push({
        code: 'plan_too_long',
        lastDate: last.dueDate,
        latestDate: addDays(context.today, maxDays),
        days: daysBetween(context.today, last.dueDate),
        maxDays,
      });
    }
    const planCents = instalments.reduce((sum, i) => sum + i.amountCents, 0);
    if (instalments.length > 0 && planCents < context.balanceCents) {
      warnings.push({ code: 'plan_does_not_cover_balance', planCents, balanceCents: context.balanceCents });
    }
    // A plan is an acceptable outcome in its own right (a minimum goal), so its first instalment is
    // not held against the partial-payment goal; too small instalments are warned about above.
  }

  const { kept, partiallyKept, broken } = context.history;
  if (broken + partiallyKept >= policy.warnFromBrokenPromises && policy.warnFromBrokenPromises > 0) {
    warnings.push({
      code: 'earlier_promises_broken',
      broken: broken + partiallyKept,
      total: kept + partiallyKept + broken,
    });
  }
  if (!context.contact) warnings.push({ code: 'contact_unknown' });
  else if (!context.contact.isCollectionsContact) {
    warnings.push({ code: 'not_collections_contact', contactName: context.contact.name });
  }
  return { errors, warnings };
}
