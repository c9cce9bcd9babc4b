/**
 * The life of a payment plan: active → in_arrears (an instalment was missed; the debtor is called
 * about it) → back to active when the arrears are paid, or broken when they are still not paid after
 * a grace period (dunning resumes) → completed when everything is paid (aftercare, 001#6). Or
 * cancelled (replaced, disputed, written off).
 *
 * Payments count towards the instalments in order, so an
 * instalment is paid when everything paid covers it and all the ones before it.
 */

import { addBusinessDays } from '../calendar/business-days.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import type { CalendarDate } from '../calendar-date.js';
import type { PlanStatus } from '../dunning/enums.js';
import { assertNever } from '../errors.js';

export type PlanLifecycleStatus = PlanStatus;

export type PlanRules = {
  calendar: HolidayCalendar;
  /** An instalment is missed this many business days after its due date (booking delay). */
  missedAfterBusinessDays: number;
  /** A plan in arrears breaks this many business days after the missed instalment's due date. */
  brokenAfterBusinessDays: number;
};

export const DEFAULT_PLAN_RULES: Omit<PlanRules, 'calendar'> = {
  missedAfterBusinessDays: 1,
  brokenAfterBusinessDays: 10,
};

export type PlanState = {
  status: PlanLifecycleStatus;
  instalments: readonly { dueDate: CalendarDate; amountCents: number }[];
  paidCents: number;
  /** Due date of the first instalment missed, while in arrears. */
  arrearsSince: CalendarDate | null;
  rules: PlanRules;
};

export type PlanEvent =
  | { type: 'payment_received'; amountCents: number; paidOn: CalendarDate }
  /** The daily check, run after the day's bank statements are in. */
  | { type: 'day_started'; today: CalendarDate }
  | { type: 'cancelled' };

export type PlanEffect =
  | {
      type: 'requeue';
      reason: 'missed_instalment' | 'broken_promise';
      on: CalendarDate;
      instalmentNumber: number;
    }
  | { type: 'withdraw_requeue'; reason: 'missed_instalment' }
  | { type: 'resume_dunning' }
  | { type: 'offer_thank_you' };

export type PlanTransition =
  | { ok: true; state: PlanState; effects: PlanEffect[] }
  | { ok: false; reason: 'plan_completed' | 'plan_broken' };

export const planTotalCents = (state: Pick<PlanState, 'instalments'>): number =>
  state.instalments.reduce((sum, i) => sum + i.amountCents, 0);

/** The first instalment (1-based number and due date) that is missed on `today`, if any. */
export function firstMissedInstalment(
  state: Pick<PlanState, 'instalments' | 'paidCents' | 'rules'>,
  today: CalendarDate,
): { number: number; dueDate: CalendarDate } | undefined {
  let cumulative = 0;
  for (const [index, instalment] of state.instalments.entries()) {
    cumulative += instalment.amountCents;
    const missedOn = addBusinessDays(
      instalment.dueDate,
      state.rules.missedAfterBusinessDays,
      state.rules.calendar,
    );
    if (today < missedOn) return undefined;
    if (state.paidCents < cumulative) return { number: index + 1, dueDate: instalment.dueDate };
  }
  return undefined;
}

const stay = (state: PlanState): PlanTransition => ({ ok: true, state, effects: [] });

export function transitionPlan(state: PlanState, event: PlanEvent): PlanTransition {
  switch (event.type) {
    case 'payment_received': {
      const paid = { ...state, paidCents: state.paidCents + event.amountCents };
      switch (state.status) {
        case 'active':
        case 'in_arrears': {
          if (paid.paidCents >= planTotalCents(state)) {
            const effects: PlanEffect[] = [{ type: 'offer_thank_you' }];
            if (state.status === 'in_arrears')
              effects.unshift({ type: 'withdraw_requeue', reason: 'missed_instalment' });
            return { ok: true, state: { ...paid, status: 'completed', arrearsSince: null }, effects };
          }
          if (state.status === 'in_arrears' && !firstMissedInstalment(paid, event.paidOn)) {
            return {
              ok: true,
              state: { ...paid, status: 'active', arrearsSince: null },
              effects: [{ type: 'withdraw_requeue', reason: 'missed_instalment' }],
            };
          }
          return { ok: true, state: paid, effects: [] };
        }
        case 'completed':
        case 'cancelled':
        case 'broken':
          // Money after the end belongs to the ledger (it still pays the invoices); the plan's outcome stands.
          return stay(paid);
        default:
          return assertNever(state.status, 'plan status');
      }
    }
    case 'day_started':
      switch (state.status) {
        case 'active': {
          const missed = firstMissedInstalment(state, event.today);
          if (!missed) return stay(state);
          return {
            ok: true,
            state: { ...state, status: 'in_arrears', arrearsSince: missed.dueDate },
            effects: [
              {
                type: 'requeue',
                reason: 'missed_instalment',
                on: event.today,
                instalmentNumber: missed.number,
              },
            ],
          };
        }
        case 'in_arrears': {
          const since = state.arrearsSince;
          if (!since) return stay(state);
          const breaksOn = addBusinessDays(since, state.rules.brokenAfterBusinessDays, state.rules.calendar);
          if (event.today < breaksOn) return stay(state);
          const number = firstMissedInstalment(state, event.today)?.number ?? 1;
          return {
            ok: true,
            state: { ...state, status: 'broken' },
            effects: [
              { type: 'resume_dunning' },
              { type: 'requeue', reason: 'broken_promise', on: event.today, instalmentNumber: number },
            ],
          };
        }
        case 'completed':
        case 'broken':
        case 'cancelled':
          return stay(state);
        default:
          return assertNever(state.status, 'plan status');
      }
    case 'cancelled':
      switch (state.status) {
        case 'active':
        case 'in_arrears': {
          const effects: PlanEffect[] = [{ type: 'resume_dunning' }];
          if (state.status === 'in_arrears')
            effects.unshift({ type: 'withdraw_requeue', reason: 'missed_instalment' });
          return { ok: true, state: { ...state, status: 'cancelled', arrearsSince: null }, effects };
        }
        case 'cancelled':
          return stay(state);
        case 'completed':
          return { ok: false, reason: 'plan_completed' };
        case 'broken':
          return { ok: false, reason: 'plan_broken' };
        default:
          return assertNever(state.status, 'plan status');
      }
    default:
      return assertNever(event, 'plan event');
  }
}
