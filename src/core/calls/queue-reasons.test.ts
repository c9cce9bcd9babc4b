import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import {
  type DebtorBalanceFigures,
  detectBalanceReasons,
  isDisputeFollowUpDue,
  mergeQueueEntries,
  type OverdueHistoryInvoice,
  overdueGrowth,
} from './queue-reasons.js';

const d = (text: string) => text as CalendarDate;

describe('mergeQueueEntries', () => {
  it('makes one item per debtor with distinct reasons, all sources and the earliest callback', () => {
    const merged = mergeQueueEntries([
      { debtorId: 'b', reason: 'dunning_step', sourceId: 'task-1' },
      { debtorId: 'a', reason: 'broken_promise', sourceId: 'promise-1' },
      {
        debtorId: 'b',
        reason: 'callback',
        sourceId: 'task-2',
        callbackAt: Temporal.Instant.from('2026-12-08T13:00:00Z'),
      },
      {
        debtorId: 'b',
        reason: 'callback',
        sourceId: 'task-3',
        callbackAt: Temporal.Instant.from('2026-12-08T10:00:00Z'),
      },
      { debtorId: 'b', reason: 'dunning_step', sourceId: 'task-1' },
      { debtorId: 'b', reason: 'large_overdue' },
    ]);
    expect(merged).toHaveLength(2);
    const b = merged.find((m) => m.debtorId === 'b');
    expect(b?.reasons).toEqual(['dunning_step', 'callback', 'large_overdue']);
    expect(b?.sourceIds).toEqual(['task-1', 'task-2', 'task-3']);
    expect(b?.callbackAt?.toString()).toBe('2026-12-08T10:00:00Z');
    expect(merged.find((m) => m.debtorId === 'a')).toEqual({
      debtorId: 'a',
      reasons: ['broken_promise'],
      sourceIds: ['promise-1'],
    });
  });
});

describe('detectBalanceReasons', () => {
  const base: DebtorBalanceFigures = {
    overdueCents: 50_000,
    oldestOverdueDueDate: d('2026-12-01'),
    overdueCentsBefore: 50_000,
    hasReminderSent: true,
    wantsInformalCall: true,
  };
  const today = d('2026-12-08');

  it.each([
    ['nothing special', {}, []],
    ['nothing overdue', { overdueCents: 0, overdueCentsBefore: 0 }, []],
    ['€10,000 overdue', { overdueCents: 1_000_000, overdueCentsBefore: 1_000_000 }, ['large_overdue']],
    ['€9,999.99 overdue', { overdueCents: 999_999, overdueCentsBefore: 999_999 }, []],
    // €1,000 → €2,000 in 14 days: +100 %, +€1,000
    ['doubled', { overdueCents: 200_000, overdueCentsBefore: 100_000 }, ['fast_growing_overdue']],
    // €3,000 → €4,000: +33 %, below the 50 % growth
    ['grown a third', { overdueCents: 400_000, overdueCentsBefore: 300_000 }, []],
    // €10 → €500: +4900 %, but only €490 more
    ['small increase', { overdueCents: 50_000, overdueCentsBefore: 1_000 }, []],
    ['new overdue from zero', { overdueCents: 150_000, overdueCentsBefore: 0 }, ['fast_growing_overdue']],
    ['no history', { overdueCentsBefore: null }, []],
    // 001#2: the term passed one to three days ago and no reminder went out yet
    [
      'term passed 1 day ago',
      { oldestOverdueDueDate: d('2026-12-07'), hasReminderSent: false },
      ['term_just_passed'],
    ],
    [
      'term passed 3 days ago',
      { oldestOverdueDueDate: d('2026-12-05'), hasReminderSent: false },
      ['term_just_passed'],
    ],
    ['term passed 4 days ago', { oldestOverdueDueDate: d('2026-12-04'), hasReminderSent: false }, []],
    ['reminder already sent', { oldestOverdueDueDate: d('2026-12-07'), hasReminderSent: true }, []],
    [
      'policy without informal call',
      { oldestOverdueDueDate: d('2026-12-07'), hasReminderSent: false, wantsInformalCall: false },
      [],
    ],
  ] as const)('%s', (_label, change, expected) => {
    expect(detectBalanceReasons({ ...base, ...change }, today)).toEqual(expected);
  });
});

describe('overdueGrowth: the overdue balance now and 14 days ago, from due dates and payments', () => {
  const today = d('2026-12-08'); // 14 days ago: 24 November
  const invoice = (dueDate: string, openCents: number, payments: [string, number][] = []) =>
    ({
      dueDate: d(dueDate),
      openCents,
      payments: payments.map(([date, amountCents]) => ({ date: d(date), amountCents })),
    }) satisfies OverdueHistoryInvoice;

  it.each([
    ['nothing yet', [], { overdueCents: 0, overdueCentsBefore: 0 }],
    // Overdue since October, still open: the same then and now.
    ['old and open', [invoice('2026-10-01', 50_000)], { overdueCents: 50_000, overdueCentsBefore: 50_000 }],
    // Fell due on 30 November: overdue now, not yet on 24 November.
    [
      'fell due in the window',
      [invoice('2026-11-30', 200_000)],
      { overdueCents: 200_000, overdueCentsBefore: 0 },
    ],
    // Due on 24 November itself: not yet overdue that day.
    [
      'due on the day before',
      [invoice('2026-11-24', 70_000)],
      { overdueCents: 70_000, overdueCentsBefore: 0 },
    ],
    // Not due yet: not overdue now either.
    ['due tomorrow', [invoice('2026-12-09', 90_000)], { overdueCents: 0, overdueCentsBefore: 0 }],
    // Paid in full on 1 December: it was overdue on 24 November for the whole amount.
    [
      'paid off in the window',
      [invoice('2026-10-01', 0, [['2026-12-01', 300_000]])],
      { overdueCents: 0, overdueCentsBefore: 300_000 },
    ],
    // Part paid before the window, part in it: only the part in the window is added back.
    [
      'paid in two parts',
      [
        invoice('2026-10-01', 20_000, [
          ['2026-11-01', 50_000],
          ['2026-12-02', 30_000],
        ]),
      ],
      { overdueCents: 20_000, overdueCentsBefore: 50_000 },
    ],
  ] as const)('%s', (_label, invoices, expected) => {
    expect(overdueGrowth(invoices, today)).toEqual(expected);
  });

  it('feeds the fast-growing rule', () => {
    const figures = (invoices: OverdueHistoryInvoice[]) => ({
      ...overdueGrowth(invoices, today),
      oldestOverdueDueDate: d('2026-10-01'),
      hasReminderSent: true,
      wantsInformalCall: false,
    });
    // €500 → €2,500: grew €2,000 (400 %).
    const growing = figures([invoice('2026-10-01', 50_000), invoice('2026-11-30', 200_000)]);
    expect(detectBalanceReasons(growing, today)).toEqual(['fast_growing_overdue']);
    // €5,000 → €6,500: €1,500 more, but only 30 %.
    const steady = figures([invoice('2026-10-01', 500_000), invoice('2026-11-30', 150_000)]);
    expect(detectBalanceReasons(steady, today)).toEqual([]);
    // €1,500 fell due, but €3,000 of the old balance was paid meanwhile: it shrank.
    const paying = figures([
      invoice('2026-10-01', 0, [['2026-12-01', 300_000]]),
      invoice('2026-12-01', 150_000),
    ]);
    expect(detectBalanceReasons(paying, today)).toEqual([]);
  });
});

describe('isDisputeFollowUpDue', () => {
  const today = d('2026-12-08');
  const dispute = { resolvedOn: d('2026-12-07'), calledSince: false, debtorOpenCents: 40_000 };
  it.each([
    ['resolved yesterday, still open', {}, true],
    ['resolved today', { resolvedOn: d('2026-12-08') }, true],
    ['resolved seven days ago', { resolvedOn: d('2026-12-01') }, true],
    ['resolved eight days ago', { resolvedOn: d('2026-11-30') }, false],
    ['somebody called since', { calledSince: true }, false],
    ['nothing open any more', { debtorOpenCents: 0 }, false],
  ] as const)('%s', (_label, change, expected) => {
    expect(isDisputeFollowUpDue({ ...dispute, ...change }, today)).toBe(expected);
  });
});
