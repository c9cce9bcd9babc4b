/**
 * The life of a promise to pay (004#13, 001#6): open → kept, partially_kept or broken, or
 * cancelled (replaced by a plan, a dispute, a write-off). The statuses are the `promise_status`
 * enum.
 *
 * Grace: a promise whose date passed without full payment is broken on the next business day
 * (`breaksOn`), and the debtor is back in the queue that day with priority. A transfer made on the
 * promised date is often booked only the next business day, so a payment booked on `breaksOn` at the
 * latest still counts: when it arrives after the promise was marked broken, the promise becomes kept
 * (or partially kept) after all and the call is withdrawn. Payments booked later do not change the
 * outcome; they are kept as `paidLateCents` for the record.
 */

import { addBusinessDays, deadlineOn } from '../calendar/business-days.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import type { CalendarDate } from '../calendar-date.js';
import type { PromiseStatus } from '../dunning/enums.js';
import { assertNever } from '../errors.js';

export type PromiseState = {
  status: PromiseStatus;
  amountCents: number;
  promisedDate: CalendarDate;
  /** The first day the promise counts as broken when not fully paid (see `promiseBreaksOn`). */
  breaksOn: CalendarDate;
  /** Paid towards the promise by `breaksOn`. */
  paidCents: number;
  paidLateCents: number;
};

export type PromiseEvent =
  | { type: 'payment_received'; amountCents: number; paidOn: CalendarDate }
  /** The daily check, run after the day's bank statements are in. */
  | { type: 'day_started'; today: CalendarDate }
  | { type: 'cancelled' };

/** What the service does next, besides saving the state (each writes its timeline event). */
export type PromiseEffect =
  /** The debtor goes back in the call queue with priority, with the broken-promise script. */
  | { type: 'requeue'; reason: 'broken_promise'; on: CalendarDate }
  /** A broken promise turned out kept after all: drop that call. */
  | { type: 'withdraw_requeue'; reason: 'broken_promise' }
  /** Dunning was paused while the promise ran. */
  | { type: 'resume_dunning' }
  /** Aftercare (001#6): an optional thank-you. */
  | { type: 'offer_thank_you' };

export type PromiseTransition =
  | { ok: true; state: PromiseState; effects: PromiseEffect[] }
  | { ok: false; reason: 'promise_kept' | 'promise_closed' };

/** The day a promise for `promisedDate` breaks: the next business day after it (or after the day it moves to). */
export function promiseBreaksOn(
  promisedDate: CalendarDate,
  calendar: HolidayCalendar,
  graceBusinessDays = 1,
): CalendarDate {
  return addBusinessDays(deadlineOn(promisedDate, calendar), graceBusinessDays, calendar);
}

export function openPromise(input: {
  amountCents: number;
  promisedDate: CalendarDate;
  calendar: HolidayCalendar;
  graceBusinessDays?: number;
}): PromiseState {
  return {
    status: 'open',
    amountCents: input.amountCents,
    promisedDate: input.promisedDate,
    breaksOn: promiseBreaksOn(input.promisedDate, input.calendar, input.graceBusinessDays),
    paidCents: 0,
    paidLateCents: 0,
  };
}

const stay = (state: PromiseState): PromiseTransition => ({ ok: true, state, effects: [] });

export function transitionPromise(state: PromiseState, event: PromiseEvent): PromiseTransition {
  switch (event.type) {
    case 'payment_received': {
      const isOnTime = event.paidOn <= state.breaksOn;
      if (!isOnTime) {
        // Late: first let the day check catch up (the promise is broken by now), then record it.
        const caughtUp = state.status === 'open' ? breakIfDue(state, event.paidOn) : stay(state);
        if (!caughtUp.ok) return caughtUp;
        const recorded = {
          ...caughtUp.state,
          paidLateCents: caughtUp.state.paidLateCents + event.amountCents,
        };
        return { ok: true, state: recorded, effects: caughtUp.effects };
      }
      switch (state.status) {
        case 'open':
        case 'broken':
        case 'partially_kept': {
          const paid = { ...state, paidCents: state.paidCents + event.amountCents };
          const wasBroken = state.status !== 'open';
          if (paid.paidCents >= state.amountCents) {
            const effects: PromiseEffect[] = wasBroken
              ? [{ type: 'withdraw_requeue', reason: 'broken_promise' }, { type: 'offer_thank_you' }]
              : [{ type: 'resume_dunning' }, { type: 'offer_thank_you' }];
            return { ok: true, state: { ...paid, status: 'kept' }, effects };
          }
          return { ok: true, state: wasBroken ? { ...paid, status: 'partially_kept' } : paid, effects: [] };
        }
        case 'kept':
        case 'cancelled':
          // More money than promised, or after a cancellation: the ledger has it, the promise is done.
          return stay(state);
        default:
          return assertNever(state.status, 'promise status');
      }
    }
    case 'day_started':
      return state.status === 'open' ? breakIfDue(state, event.today) : stay(state);
    case 'cancelled':
      switch (state.status) {
        case 'open':
          return {
            ok: true,
            state: { ...state, status: 'cancelled' },
            effects: [{ type: 'resume_dunning' }],
          };
        case 'cancelled':
          return stay(state);
        case 'kept':
          return { ok: false, reason: 'promise_kept' };
        case 'broken':
        case 'partially_kept':
          return { ok: false, reason: 'promise_closed' };
        default:
          return assertNever(state.status, 'promise status');
      }
    default:
      return assertNever(event, 'promise event');
  }
}

function breakIfDue(state: PromiseState, today: CalendarDate): PromiseTransition {
  if (today < state.breaksOn) return stay(state);
  const status = state.paidCents > 0 ? 'partially_kept' : 'broken';
  return {
    ok: true,
    state: { ...state, status },
    effects: [{ type: 'requeue', reason: 'broken_promise', on: today }, { type: 'resume_dunning' }],
  };
}
