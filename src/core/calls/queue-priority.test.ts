import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { callWindowAt, type DebtorCallContext } from './call-timing.js';
import { type DebtorPrioritySignals, orderQueue, scoreQueueItem, toQueueItem } from './queue-priority.js';
import { type MergedQueueEntry, mergeQueueEntries } from './queue-reasons.js';

const today = '2026-12-09' as CalendarDate; // a Wednesday
const at = (local: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime('Europe/Amsterdam').toInstant();
const nl: DebtorCallContext = { country: 'NL', organisationCountry: 'NL' };
const quiet: DebtorPrioritySignals = { overdueCents: 0, oldestOverdueDueDate: null, brokenPromiseCount: 0 };
const entry = (debtorId: string, ...reasons: MergedQueueEntry['reasons']): MergedQueueEntry => ({
  debtorId,
  reasons,
  sourceIds: [],
});
const golden = callWindowAt(at('2026-12-09T10:00'), nl);

describe('scoreQueueItem', () => {
  it('adds up parts that explain themselves, strongest reason first', () => {
    const signals: DebtorPrioritySignals = {
      overdueCents: 1_250_000, // €12,500 → log10 = 4.1 → 41
      oldestOverdueDueDate: '2026-10-01' as CalendarDate, // 69 days late → band 61+
      riskLevel: 'high',
      brokenPromiseCount: 2,
    };
    const result = scoreQueueItem(
      entry('d1', 'dunning_step', 'broken_promise', 'large_overdue'),
      signals,
      golden,
      today,
    );
    expect(result.reasons).toEqual(['broken_promise', 'dunning_step', 'large_overdue']);
    expect(result.parts).toEqual([
      { code: 'reason', points: 50, reason: 'broken_promise', isPrimary: true },
      { code: 'reason', points: 8, reason: 'dunning_step', isPrimary: false }, // 25 % of 30
      { code: 'reason', points: 5, reason: 'large_overdue', isPrimary: false }, // 25 % of 20
      { code: 'overdue_amount', points: 41, overdueCents: 1_250_000 },
      { code: 'days_late', points: 30, daysLate: 69 },
      { code: 'risk', points: 20, riskLevel: 'high' },
      { code: 'broken_promises', points: 30, count: 2 },
      { code: 'timing', points: 0, factorBps: 10_000, slot: 'golden' },
    ]);
    expect(result.baseScore).toBe(184);
    expect(result.score).toBe(184);
  });

  it.each([
    [100, 0], // €1: log10(1) = 0
    [10_000, 20], // €100
    [100_000, 30], // €1,000
    [1_000_000_000, 60], // €10 million: capped at 60
  ])('overdue %i cents → %i points', (overdueCents, points) => {
    const result = scoreQueueItem(entry('d', 'dunning_step'), { ...quiet, overdueCents }, golden, today);
    expect(result.parts.find((p) => p.code === 'overdue_amount')?.points).toBe(points);
  });

  it.each([
    ['2026-12-09', undefined], // due today: not late
    ['2026-12-08', 5],
    ['2026-12-01', 10], // 8 days
    ['2026-11-08', 20], // 31 days
    ['2026-06-01', 40],
  ])('oldest due date %s → days-late points %s', (due, points) => {
    const signals = { ...quiet, oldestOverdueDueDate: due as CalendarDate };
    const result = scoreQueueItem(entry('d', 'dunning_step'), signals, golden, today);
    expect(result.parts.find((p) => p.code === 'days_late')?.points).toBe(points);
  });

  it('scales the subtotal by the moment: a Monday morning is worth less; waiting keeps the situation’s score', () => {
    const signals = { ...quiet, overdueCents: 100_000 }; // 30 + dunning_step 30 = 60
    const monday = callWindowAt(at('2026-12-07T10:00'), nl); // avoided morning, 6600
    const result = scoreQueueItem(entry('d', 'dunning_step'), signals, monday, '2026-12-07' as CalendarDate);
    expect(result.parts.at(-1)).toEqual({
      code: 'timing',
      points: -20,
      factorBps: 6_600,
      slot: 'avoided_morning',
    });
    expect(result.score).toBe(40);
    const saturday = callWindowAt(at('2026-12-12T10:00'), nl);
    const waiting = scoreQueueItem(entry('d', 'dunning_step'), signals, saturday, today);
    expect({ base: waiting.baseScore, score: waiting.score }).toEqual({ base: 60, score: 60 });
    expect(waiting.parts.map((p) => p.code)).toEqual(['reason', 'overdue_amount']);
  });

  it('weighs the debtor’s own answer history at this hour and weekday', () => {
    const signals: DebtorPrioritySignals = {
      ...quiet,
      overdueCents: 100_000,
      answerHistory: {
        byHour: { 10: { attempts: 12, answered: 4 }, 14: { attempts: 12, answered: 2 } },
        byWeekday: { 3: { attempts: 24, answered: 6 } },
      },
    };
    const result = scoreQueueItem(
      entry('d', 'dunning_step'),
      signals,
      callWindowAt(at('2026-12-09T14:00'), nl),
      today,
    );
    // overall 2714, at 14:00 1929, on Wednesdays 2531 → 1929 × 2531 / 2714² = 0.6628
    expect(result.parts.at(-1)).toEqual({
      code: 'answer_history',
      points: -20, // 60 × (0.6628 − 1)
      factorBps: 6_628,
      hour: 14,
      weekday: 3,
      hourRateBps: 1_929,
      weekdayRateBps: 2_531,
      overallRateBps: 2_714,
      attempts: 24,
    });
    expect(result.score).toBe(40);
  });

  it('pins a callback that is due now above everything, without second-guessing its time', () => {
    const debtor = { ...nl, callbackAt: at('2026-12-09T16:30') };
    const timing = callWindowAt(at('2026-12-09T16:30'), debtor);
    const signals: DebtorPrioritySignals = {
      ...quiet,
      answerHistory: { byHour: { 16: { attempts: 10, answered: 0 } }, byWeekday: {} },
    };
    const result = scoreQueueItem(entry('d', 'callback'), signals, timing, today);
    expect(result.parts).toEqual([
      { code: 'reason', points: 60, reason: 'callback', isPrimary: true },
      { code: 'callback_due_now', points: 1_000, callbackAt: '2026-12-09T16:25:00+01:00[Europe/Amsterdam]' },
      { code: 'timing', points: 0, factorBps: 10_000, slot: 'callback' },
    ]);
  });
});

describe('orderQueue', () => {
  it('puts callable debtors first by score, then the ones to wait for by their situation', () => {
    const now = at('2026-12-09T10:00');
    const merged = mergeQueueEntries([
      { debtorId: 'small', reason: 'dunning_step' },
      { debtorId: 'big', reason: 'dunning_step' },
      { debtorId: 'big', reason: 'large_overdue' },
      { debtorId: 'be-holiday', reason: 'broken_promise' },
      { debtorId: 'callback-later', reason: 'callback', callbackAt: at('2026-12-09T14:00') },
      { debtorId: 'callback-now', reason: 'callback', callbackAt: at('2026-12-09T10:02') },
    ]);
    const contexts: Record<string, DebtorCallContext> = {
      'be-holiday': {
        country: 'BE',
        organisationCountry: 'NL',
        contact: { preferredCallDays: [1], preferredCallFrom: null, preferredCallUntil: null },
      },
    };
    const signals: Record<string, DebtorPrioritySignals> = {
      small: { ...quiet, overdueCents: 20_000 },
      big: { ...quiet, overdueCents: 2_000_000 },
      'be-holiday': { ...quiet, overdueCents: 500_000, brokenPromiseCount: 3 },
    };
    const items = merged.map((m) => {
      const context = {
        ...(contexts[m.debtorId] ?? nl),
        ...(m.callbackAt ? { callbackAt: m.callbackAt } : {}),
      };
      return toQueueItem(m, signals[m.debtorId] ?? quiet, callWindowAt(now, context), today);
    });
    const ordered = orderQueue(items);
    expect(ordered.map((i) => [i.debtorId, i.verdict, i.score])).toEqual([
      ['callback-now', 'call', 1_060],
      ['big', 'call', 78], // dunning step 30 + large overdue 5 (a quarter of 20) + €20,000 43
      ['small', 'call', 53], // dunning step 30 + €200 23
      ['be-holiday', 'wait', 132], // broken promise 50 + €5,000 37 + three broken promises 45
      ['callback-later', 'wait', 60], // callback 60
    ]);
    expect(ordered.map((i) => i.baseScore).slice(3)).toEqual([132, 60]);
    expect(ordered[3]?.waitReasons).toEqual([{ code: 'not_preferred_day', weekday: 3, preferredDays: [1] }]);
    expect(ordered[4]?.waitReasons[0]?.code).toBe('callback_pending');
  });
});
