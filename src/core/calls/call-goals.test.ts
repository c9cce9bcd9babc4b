import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { computeCallGoals, type GoalContext, suggestPlan } from './call-goals.js';

const context = (change: Partial<GoalContext>): GoalContext => ({
  today: '2026-12-09' as CalendarDate, // Wednesday
  calendar: 'NL',
  kind: 'business',
  overdueCents: 120_000,
  creditLimitCents: null,
  ...change,
});

describe('computeCallGoals', () => {
  it('aims at full payment now, with a partial payment, a promise and a plan as the minimum', () => {
    const goals = computeCallGoals(context({}));
    expect(goals?.maximum).toEqual({ kind: 'full_payment', amountCents: 120_000, payByDate: '2026-12-11' });
    expect(goals?.minimumAmountCents).toBe(36_000); // 30 % of €1,200
    expect(goals?.minimum.map((g) => g.kind)).toEqual([
      'partial_payment_now',
      'promise_by_date',
      'payment_plan',
    ]);
    expect(goals?.minimum[0]).toEqual({
      kind: 'partial_payment_now',
      amountCents: 36_000,
      payByDate: '2026-12-11',
    });
    expect(goals?.minimum[1]).toEqual({
      kind: 'promise_by_date',
      amountCents: 120_000,
      latestDate: '2026-12-23',
    });
    expect(goals?.minimum[2]).toMatchObject({
      kind: 'payment_plan',
      instalmentCount: 3,
      downPaymentCents: 0,
    });
  });

  it('gives consumers more time for a promise', () => {
    const goals = computeCallGoals(context({ kind: 'consumer' }));
    expect(goals?.minimum[1]).toMatchObject({ latestDate: '2027-01-08' });
  });

  it('asks at least €50 now, and no more than what is overdue', () => {
    expect(computeCallGoals(context({ overdueCents: 10_000 }))?.minimumAmountCents).toBe(5_000);
    const small = computeCallGoals(context({ overdueCents: 4_000 }));
    expect(small?.minimumAmountCents).toBe(4_000);
    expect(small?.minimum.map((g) => g.kind)).toEqual(['promise_by_date']); // €40: no partial, no plan
  });

  it('has no goals when nothing is overdue', () => {
    expect(computeCallGoals(context({ overdueCents: 0 }))).toBeUndefined();
  });
});

describe('suggestPlan', () => {
  it.each([
    // overdue, kind, credit limit, down payment, instalments, regular instalment
    [40_000, 'business', null, 0, 2, 20_000], // up to €500: two
    [200_000, 'business', null, 0, 3, 66_667], // up to €2,500: three
    [800_000, 'business', null, 0, 6, 133_334], // up to €10,000: six
    [5_000_000, 'business', null, 0, 6, 833_334], // above: the business maximum, six
    [5_000_000, 'consumer', null, 0, 12, 416_667], // consumers up to twelve
    [7_500, 'consumer', null, 0, 2, 3_750], // €75: two of €37.50
    [300_000, 'business', 100_000, 200_000, 3, 33_334], // the €2,000 above the €1,000 credit line first
  ] as const)(
    '%i cents (%s, credit line %s) → down %i + %i × ~%i',
    (overdue, kind, limit, down, count, first) => {
      const plan = suggestPlan(context({ overdueCents: overdue, kind, creditLimitCents: limit }));
      expect(plan?.downPaymentCents).toBe(down);
      expect(plan?.instalmentCount).toBe(count);
      const regular = plan?.schedule.filter((_, i) => down === 0 || i > 0) ?? [];
      expect(regular).toHaveLength(count);
      expect(regular[0]?.amountCents).toBe(first);
      expect(plan?.schedule.reduce((s, i) => s + i.amountCents, 0)).toBe(overdue);
    },
  );

  it('starts a week from today, monthly, on business days', () => {
    const plan = suggestPlan(context({ overdueCents: 200_000 }));
    expect(plan?.schedule.map((i) => i.dueDate)).toEqual(['2026-12-16', '2027-01-18', '2027-02-16']);
  });

  it('keeps instalments above the minimum by making fewer of them, or none', () => {
    expect(suggestPlan(context({ overdueCents: 6_000, kind: 'consumer' }))?.instalmentCount).toBe(2);
    expect(suggestPlan(context({ overdueCents: 4_999 }))).toBeUndefined(); // two would be below €25
  });
});
