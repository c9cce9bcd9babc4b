import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import {
  openPromise,
  type PromiseEvent,
  type PromiseState,
  promiseBreaksOn,
  transitionPromise,
} from './promise-status.js';

const d = (text: string) => text as CalendarDate;
// €500 promised for Friday 11 December 2026: broken on Monday the 14th if not paid.
const open = openPromise({ amountCents: 50_000, promisedDate: d('2026-12-11'), calendar: 'NL' });
const pay = (amountCents: number, paidOn: string): PromiseEvent => ({
  type: 'payment_received',
  amountCents,
  paidOn: d(paidOn),
});
const day = (today: string): PromiseEvent => ({ type: 'day_started', today: d(today) });

const run = (state: PromiseState, ...events: PromiseEvent[]) =>
  events.reduce<{ state: PromiseState; effects: unknown[] }>(
    (acc, event) => {
      const result = transitionPromise(acc.state, event);
      if (!result.ok) throw new Error(result.reason);
      return { state: result.state, effects: [...acc.effects, ...result.effects] };
    },
    { state, effects: [] },
  );

describe('promiseBreaksOn', () => {
  it.each([
    ['2026-12-11', 'NL', '2026-12-14'], // Friday → Monday
    ['2026-12-09', 'NL', '2026-12-10'],
    ['2026-12-12', 'NL', '2026-12-15'], // a Saturday moves to Monday, so it breaks Tuesday
    ['2026-12-24', 'NL', '2026-12-28'], // over Christmas
    ['2026-07-20', 'BE', '2026-07-22'], // over the Belgian national day
  ] as const)('%s (%s) → %s', (date, calendar, expected) => {
    expect(promiseBreaksOn(d(date), calendar)).toBe(expected);
  });
});

describe('transitionPromise', () => {
  it('is kept when paid in full in time, and dunning resumes with an offer to thank', () => {
    const result = run(open, pay(20_000, '2026-12-10'), pay(30_000, '2026-12-11'));
    expect(result.state).toMatchObject({ status: 'kept', paidCents: 50_000 });
    expect(result.effects).toEqual([{ type: 'resume_dunning' }, { type: 'offer_thank_you' }]);
  });

  it('stays open until the day it breaks', () => {
    expect(run(open, day('2026-12-11'), day('2026-12-12'), day('2026-12-13')).state.status).toBe('open');
  });

  it('breaks on the next business day without payment and requeues the debtor that day', () => {
    const result = run(open, day('2026-12-14'));
    expect(result.state.status).toBe('broken');
    expect(result.effects).toEqual([
      { type: 'requeue', reason: 'broken_promise', on: '2026-12-14' },
      { type: 'resume_dunning' },
    ]);
  });

  it('is partially kept when only part was paid', () => {
    const result = run(open, pay(10_000, '2026-12-11'), day('2026-12-14'));
    expect(result.state).toMatchObject({ status: 'partially_kept', paidCents: 10_000 });
  });

  it('becomes kept after all when Friday’s transfer is booked on Monday, after the check', () => {
    const result = run(open, day('2026-12-14'), pay(50_000, '2026-12-14'));
    expect(result.state.status).toBe('kept');
    expect(result.effects.slice(2)).toEqual([
      { type: 'withdraw_requeue', reason: 'broken_promise' },
      { type: 'offer_thank_you' },
    ]);
  });

  it('keeps a late payment on the record without changing the outcome', () => {
    const result = run(open, pay(50_000, '2026-12-15'));
    // The day check had not run yet: the payment first lets it catch up.
    expect(result.state).toMatchObject({ status: 'broken', paidCents: 0, paidLateCents: 50_000 });
    expect(result.effects).toEqual([
      { type: 'requeue', reason: 'broken_promise', on: '2026-12-15' },
      { type: 'resume_dunning' },
    ]);
  });

  it.each([
    ['open', { ok: true, status: 'cancelled' }],
    ['cancelled', { ok: true, status: 'cancelled' }],
    ['kept', { ok: false, reason: 'promise_kept' }],
    ['broken', { ok: false, reason: 'promise_closed' }],
    ['partially_kept', { ok: false, reason: 'promise_closed' }],
  ] as const)('cancelling a %s promise → %o', (status, expected) => {
    const result = transitionPromise({ ...open, status }, { type: 'cancelled' });
    expect(result.ok ? { ok: true, status: result.state.status } : result).toEqual(expected);
  });

  it('ignores money and days once kept or cancelled', () => {
    for (const status of ['kept', 'cancelled'] as const) {
      const state = { ...open, status, paidCents: 50_000 };
      expect(transitionPromise(state, pay(1_000, '2026-12-11'))).toEqual({ ok: true, state, effects: [] });
      expect(transitionPromise(state, day('2026-12-20'))).toEqual({ ok: true, state, effects: [] });
    }
  });
});
