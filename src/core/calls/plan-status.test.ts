import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import {
  DEFAULT_PLAN_RULES,
  firstMissedInstalment,
  type PlanEvent,
  type PlanState,
  transitionPlan,
} from './plan-status.js';

const d = (text: string) => text as CalendarDate;
// €900 in three instalments of €300: Tuesday 15 December, Friday 15 January, Monday 15 February.
const plan: PlanState = {
  status: 'active',
  instalments: [
    { dueDate: d('2026-12-15'), amountCents: 30_000 },
    { dueDate: d('2027-01-15'), amountCents: 30_000 },
    { dueDate: d('2027-02-15'), amountCents: 30_000 },
  ],
  paidCents: 0,
  arrearsSince: null,
  rules: { calendar: 'NL', ...DEFAULT_PLAN_RULES },
};
const pay = (amountCents: number, paidOn: string): PlanEvent => ({
  type: 'payment_received',
  amountCents,
  paidOn: d(paidOn),
});
const day = (today: string): PlanEvent => ({ type: 'day_started', today: d(today) });
const run = (state: PlanState, ...events: PlanEvent[]) =>
  events.reduce<{ state: PlanState; effects: unknown[] }>(
    (acc, event) => {
      const result = transitionPlan(acc.state, event);
      if (!result.ok) throw new Error(result.reason);
      return { state: result.state, effects: [...acc.effects, ...result.effects] };
    },
    { state, effects: [] },
  );

describe('firstMissedInstalment', () => {
  it.each([
    [0, '2026-12-15', undefined], // due today
    [0, '2026-12-16', { number: 1, dueDate: '2026-12-15' }], // a business day later
    [30_000, '2026-12-16', undefined],
    [30_000, '2027-01-18', { number: 2, dueDate: '2027-01-15' }], // Friday → missed Monday
    [45_000, '2027-01-18', { number: 2, dueDate: '2027-01-15' }], // half of the second is not enough
    [60_000, '2027-03-01', { number: 3, dueDate: '2027-02-15' }],
  ] as const)('paid %i on %s → %o', (paidCents, today, expected) => {
    expect(firstMissedInstalment({ ...plan, paidCents }, d(today))).toEqual(expected);
  });
});

describe('transitionPlan', () => {
  it('completes when everything is paid, with an offer to thank', () => {
    const result = run(plan, pay(30_000, '2026-12-14'), day('2026-12-16'), pay(60_000, '2027-01-10'));
    expect(result.state).toMatchObject({ status: 'completed', paidCents: 90_000 });
    expect(result.effects).toEqual([{ type: 'offer_thank_you' }]);
  });

  it('goes into arrears the business day after a missed instalment and requeues the debtor', () => {
    const result = run(plan, day('2026-12-16'));
    expect(result.state).toMatchObject({ status: 'in_arrears', arrearsSince: '2026-12-15' });
    expect(result.effects).toEqual([
      { type: 'requeue', reason: 'missed_instalment', on: '2026-12-16', instalmentNumber: 1 },
    ]);
  });

  it('returns to active when the arrears are paid', () => {
    const result = run(plan, day('2026-12-16'), pay(30_000, '2026-12-18'));
    expect(result.state).toMatchObject({ status: 'active', arrearsSince: null, paidCents: 30_000 });
    expect(result.effects.at(-1)).toEqual({ type: 'withdraw_requeue', reason: 'missed_instalment' });
  });

  it('stays in arrears on a partial catch-up, and breaks after ten business days', () => {
    // Ten business days after 15 December, skipping Christmas and the weekends: 30 December.
    const result = run(plan, day('2026-12-16'), pay(10_000, '2026-12-18'), day('2026-12-29'));
    expect(result.state.status).toBe('in_arrears');
    const broken = run(result.state, day('2026-12-30'));
    expect(broken.state.status).toBe('broken');
    expect(broken.effects).toEqual([
      { type: 'resume_dunning' },
      { type: 'requeue', reason: 'broken_promise', on: '2026-12-30', instalmentNumber: 1 },
    ]);
  });

  it.each([
    ['active', { ok: true, status: 'cancelled' }, [{ type: 'resume_dunning' }]],
    [
      'in_arrears',
      { ok: true, status: 'cancelled' },
      [{ type: 'withdraw_requeue', reason: 'missed_instalment' }, { type: 'resume_dunning' }],
    ],
    ['cancelled', { ok: true, status: 'cancelled' }, []],
    ['completed', { ok: false, reason: 'plan_completed' }, undefined],
    ['broken', { ok: false, reason: 'plan_broken' }, undefined],
  ] as const)('cancelling a %s plan → %o', (status, expected, effects) => {
    const result = transitionPlan({ ...plan, status }, { type: 'cancelled' });
    expect(result.ok ? { ok: true, status: result.state.status } : result).toEqual(expected);
    if (result.ok) expect(result.effects).toEqual(effects);
  });

  it('keeps a broken plan broken when money arrives later', () => {
    const result = transitionPlan({ ...plan, status: 'broken' }, pay(90_000, '2027-03-01'));
    expect(result).toEqual({
      ok: true,
      state: { ...plan, status: 'broken', paidCents: 90_000 },
      effects: [],
    });
  });
});
