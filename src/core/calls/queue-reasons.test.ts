import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { type DebtorBalanceFigures, detectBalanceReasons, mergeQueueEntries } from './queue-reasons.js';

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
    // €1,000 → €2,000 in 30 days: +100 %, +€1,000
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
