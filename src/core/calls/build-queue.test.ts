import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { buildCallQueue, planCallDay, type QueueDebtor } from './build-queue.js';
import { resolveCallSettings } from './call-settings.js';
import type { QueueEntry } from './queue-reasons.js';

const d = (text: string) => text as CalendarDate;
const local = (text: string) =>
  Temporal.PlainDateTime.from(text).toZonedDateTime('Europe/Amsterdam').toInstant();
const quiet = { brokenPromiseCount: 0 };

/** A Tuesday morning's queue: six debtors, NL and BE, business and consumer. */
const debtors = new Map<string, QueueDebtor>(
  (
    [
      {
        debtorId: 'bakker',
        call: { country: 'NL', organisationCountry: 'NL' },
        signals: { ...quiet, overdueCents: 1_200_000, oldestOverdueDueDate: d('2026-10-24') },
        requiredLevel: 'medior',
        ownerId: 'sam',
      },
      {
        debtorId: 'peeters',
        call: { country: 'BE', organisationCountry: 'NL' },
        signals: { overdueCents: 80_000, oldestOverdueDueDate: d('2026-11-18'), brokenPromiseCount: 1 },
        requiredLevel: 'senior', // consumer in payment trouble
        ownerId: null,
      },
      {
        debtorId: 'janssen',
        call: { country: 'NL', organisationCountry: 'NL' },
        signals: { ...quiet, overdueCents: 250_000, oldestOverdueDueDate: d('2026-11-20') },
        requiredLevel: 'junior',
        ownerId: 'jan',
      },
      {
        debtorId: 'devries',
        call: { country: 'NL', organisationCountry: 'NL' },
        signals: { ...quiet, overdueCents: 45_000, oldestOverdueDueDate: d('2026-12-07') },
        requiredLevel: 'junior',
        ownerId: null,
      },
      {
        debtorId: 'dubois',
        call: {
          country: 'BE',
          organisationCountry: 'NL',
          contact: { preferredCallDays: [4], preferredCallFrom: null, preferredCallUntil: null },
        },
        signals: { ...quiet, overdueCents: 300_000, oldestOverdueDueDate: d('2026-11-01') },
        requiredLevel: 'junior',
        ownerId: null,
      },
      {
        debtorId: 'mulder',
        call: { country: 'NL', organisationCountry: 'NL' },
        signals: {
          overdueCents: 200_000,
          oldestOverdueDueDate: d('2026-09-01'),
          brokenPromiseCount: 2,
          riskLevel: 'high',
        },
        requiredLevel: 'medior',
        ownerId: null,
      },
    ] satisfies QueueDebtor[]
  ).map((debtor) => [debtor.debtorId, debtor]),
);

const entries: QueueEntry[] = [
  { debtorId: 'bakker', reason: 'dunning_step', sourceId: 'task-1' },
  { debtorId: 'bakker', reason: 'large_overdue' },
  { debtorId: 'peeters', reason: 'broken_promise', sourceId: 'promise-7' },
  { debtorId: 'janssen', reason: 'callback', sourceId: 'task-2', callbackAt: local('2026-12-08T10:00') },
  { debtorId: 'devries', reason: 'term_just_passed' },
  { debtorId: 'dubois', reason: 'dunning_step', sourceId: 'task-3' },
  { debtorId: 'mulder', reason: 'missed_instalment', sourceId: 'plan-4' },
  { debtorId: 'gone', reason: 'dunning_step', sourceId: 'task-9' },
];

describe('buildCallQueue: a Tuesday at 10:00', () => {
  const settings = resolveCallSettings();
  const queue = buildCallQueue({ now: local('2026-12-08T10:00'), entries, debtors, settings });

  it('orders one item per debtor by what can be done now, each with its reasons', () => {
    expect(queue.items.map((i) => [i.debtorId, i.verdict, i.reasons[0], i.score])).toEqual([
      // The callback agreed for 10:00: 60 + €2,500 34 + 18 days late 10 + due now 1000.
      ['janssen', 'call', 'callback', 1_104],
      // Base scores (below) × 1.1 on a Tuesday in the golden hours.
      ['mulder', 'call', 'missed_instalment', 185], // 168
      ['peeters', 'call', 'broken_promise', 114], // 50 + €800 29 + 20 days 10 + one broken promise 15 = 104
      ['bakker', 'call', 'dunning_step', 106], // 30 + large overdue 5 + €12,000 41 + 45 days 20 = 96
      ['devries', 'call', 'term_just_passed', 57], // 20 + €450 27 + one day 5 = 52
      // Its contact wants Thursdays: last, keeping its situation's score 30 + €3,000 35 + 37 days 20.
      ['dubois', 'wait', 'dunning_step', 85],
    ]);
    expect(queue.unknownDebtorIds).toEqual(['gone']);
  });

  it('explains every score with parts that add up', () => {
    for (const item of queue.items) {
      expect(item.parts.reduce((sum, part) => sum + part.points, 0)).toBe(item.score);
    }
    const mulder = queue.items.find((i) => i.debtorId === 'mulder');
    expect(mulder?.parts).toEqual([
      { code: 'reason', points: 45, reason: 'missed_instalment', isPrimary: true },
      { code: 'overdue_amount', points: 33, overdueCents: 200_000 },
      { code: 'days_late', points: 40, daysLate: 98 },
      { code: 'risk', points: 20, riskLevel: 'high' },
      { code: 'broken_promises', points: 30, count: 2 },
      { code: 'timing', points: 17, factorBps: 11_000, slot: 'golden' },
    ]);
  });

  it('plans the day by skill and load, keeping debtors with their own collector', () => {
    const plan = planCallDay(queue, debtors, [
      { id: 'sam', skillLevel: 'senior', capacity: 3 },
      { id: 'mia', skillLevel: 'medior', capacity: 2 },
      { id: 'jan', skillLevel: 'junior', capacity: 2 },
    ]);
    // Senior: peeters → sam. Medior: mulder → mia (0/2 beats sam's 1/3), bakker → sam (its owner).
    // Junior, by base score: janssen → jan (owner); devries → jan (1/2 ties mia, jan is less senior).
    expect(plan.byCollector).toEqual({
      sam: ['peeters', 'bakker'],
      mia: ['mulder'],
      jan: ['janssen', 'devries'],
    });
    expect(plan.unassigned).toEqual([]);
    expect(plan.notToday).toEqual(['dubois']); // Thursdays only
  });
});

describe('buildCallQueue: waiting debtors', () => {
  it('gives a waiting debtor the next window it can be called in', () => {
    const settings = resolveCallSettings();
    // Thursday 10 December, 08:00: before the callable hours, and dubois' contact wants Thursdays.
    const early = buildCallQueue({ now: local('2026-12-10T08:00'), entries, debtors, settings });
    const dubois = early.items.find((i) => i.debtorId === 'dubois');
    expect(dubois?.verdict).toBe('wait');
    expect(dubois?.window).toBeUndefined();
    expect(dubois?.nextWindow?.start.toString()).toBe('2026-12-10T09:00:00+01:00[Europe/Brussels]');
    expect(early.items.every((i) => i.verdict === 'wait' && i.score === i.baseScore)).toBe(true);
  });
});
