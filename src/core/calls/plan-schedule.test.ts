import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { buildPlanSchedule, nthDueDate } from './plan-schedule.js';

const d = (text: string) => text as CalendarDate;

describe('buildPlanSchedule', () => {
  it('splits €1,000.00 in three monthly instalments that add up exactly, on business days', () => {
    const schedule = buildPlanSchedule({
      totalCents: 100_000,
      instalmentCount: 3,
      firstDueDate: d('2027-01-31'), // a Sunday
      interval: 'month',
      calendar: 'NL',
    });
    expect(schedule).toEqual([
      { number: 1, dueDate: '2027-02-01', amountCents: 33_334 }, // Sunday → Monday
      { number: 2, dueDate: '2027-03-01', amountCents: 33_333 }, // 28 February is a Sunday
      { number: 3, dueDate: '2027-03-31', amountCents: 33_333 },
    ]);
    expect(schedule.reduce((sum, i) => sum + i.amountCents, 0)).toBe(100_000);
  });

  it('puts a down payment first and splits the rest', () => {
    const schedule = buildPlanSchedule({
      totalCents: 250_001,
      instalmentCount: 2,
      downPaymentCents: 50_000,
      firstDueDate: d('2026-12-21'),
      interval: 'two_weeks',
      calendar: 'BE',
    });
    expect(schedule).toEqual([
      { number: 1, dueDate: '2026-12-21', amountCents: 50_000 },
      { number: 2, dueDate: '2027-01-04', amountCents: 100_001 },
      { number: 3, dueDate: '2027-01-18', amountCents: 100_000 },
    ]);
  });

  it('moves a due date off a holiday of the debtor’s calendar', () => {
    // Weekly from Tuesday 14 July 2026: the 21st is the Belgian national day.
    const schedule = buildPlanSchedule({
      totalCents: 30_000,
      instalmentCount: 3,
      firstDueDate: d('2026-07-14'),
      interval: 'week',
      calendar: 'BE',
    });
    expect(schedule.map((i) => i.dueDate)).toEqual(['2026-07-14', '2026-07-22', '2026-07-28']);
  });

  it.each([
    [{ totalCents: 0 }, /totalCents/],
    [{ totalCents: 10.5 }, /totalCents/],
    [{ instalmentCount: 0 }, /instalmentCount/],
    [{ downPaymentCents: 100_000 }, /downPaymentCents/],
    [{ downPaymentCents: -1 }, /downPaymentCents/],
  ])('refuses %o', (change, message) => {
    const input = {
      totalCents: 100_000,
      instalmentCount: 2,
      firstDueDate: d('2026-12-21'),
      interval: 'month' as const,
      calendar: 'NL' as const,
    };
    expect(() => buildPlanSchedule({ ...input, ...change })).toThrow(message);
  });
});

describe('nthDueDate', () => {
  it.each([
    ['2027-01-31', 'month', 1, '2027-02-28'],
    ['2027-01-31', 'month', 2, '2027-03-31'], // counted from the first date, no drift
    ['2028-01-31', 'month', 1, '2028-02-29'],
    ['2026-12-28', 'week', 1, '2027-01-04'],
    ['2026-12-28', 'two_weeks', 3, '2027-02-08'],
  ] as const)('%s + %s × %i → %s', (first, interval, index, expected) => {
    expect(nthDueDate(d(first), interval, index)).toBe(expected);
  });
});
