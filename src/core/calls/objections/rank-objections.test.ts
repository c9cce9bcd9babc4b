import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../calendar-date.js';
import { rankObjections, successRateBps } from './rank-objections.js';

const d = (text: string) => text as CalendarDate;

describe('successRateBps', () => {
  it.each([
    [0, 0, 5_000],
    [1, 1, 6_667], // one success says little
    [50, 40, 7_885],
    [10, 1, 1_667],
  ])('%i uses, %i kept → %i', (uses, kept, expected) => {
    expect(successRateBps(uses, kept)).toBe(expected);
  });
});

describe('rankObjections', () => {
  it('keeps the library order without history', () => {
    expect(
      rankObjections([], [])
        .slice(0, 3)
        .map((o) => o.code),
    ).toEqual(['already_paid', 'was_ill', 'call_back_later']);
  });

  it('shows the debtor’s own objections first, then the ones whose counters lead to kept promises', () => {
    const ranked = rankObjections(
      [
        { code: 'pay_end_of_week', count: 1, lastRaisedOn: d('2026-11-20') },
        { code: 'never_saw_invoice', count: 3, lastRaisedOn: d('2026-06-01') },
        { code: 'call_back_later', count: 1, lastRaisedOn: d('2026-12-01') },
      ],
      [
        { counterId: 'cannot_pay_now.part_now', uses: 50, keptPromises: 40 },
        { counterId: 'already_paid.ask_details', uses: 10, keptPromises: 1 },
        { counterId: 'in_next_payment_run.run_date', uses: 1, keptPromises: 1 },
        { counterId: 'pay_end_of_week.confirm', uses: 20, keptPromises: 15 },
        { counterId: 'pay_end_of_week.pin_down', uses: 20, keptPromises: 5 },
      ],
    );
    expect(ranked.slice(0, 6).map((o) => [o.code, o.isOwn, o.successRateBps])).toEqual([
      ['never_saw_invoice', true, 5_000], // raised three times
      ['call_back_later', true, 5_000], // once, most recently
      ['pay_end_of_week', true, 5_000], // (15 + 5 + 1) / (40 + 2)
      ['cannot_pay_now', false, 7_885],
      ['in_next_payment_run', false, 6_667],
      ['was_ill', false, 5_000], // no data: library order
    ]);
    expect(ranked.at(-1)?.code).toBe('already_paid'); // its counter rarely worked: 2 / 12
    // Within an objection, the counter that worked best comes first.
    const week = ranked.find((o) => o.code === 'pay_end_of_week');
    expect(week?.counters.map((c) => [c.key, c.successRateBps])).toEqual([
      ['confirm', 7_273],
      ['pin_down', 2_727],
    ]);
  });
});
