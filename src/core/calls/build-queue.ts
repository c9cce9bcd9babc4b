/**
 * The queue at a moment, from what the database gives: the entries (reasons, one or more per
 * debtor) and per debtor its call context, figures and required skill level. At scale the SQL
 * step picks and pre-scores the day's debtors set-based (one row per debtor); this pure step does
 * the part that depends on the moment and the debtor's own clock — timing, the final score, the
 * order — for the few hundred or thousand debtors of a day, and is the reference the SQL follows.
 */
import type { Temporal } from 'temporal-polyfill';
import type { CallSettings } from './call-settings.js';
import { callTimerAt, type DebtorCallContext, type WaitReason } from './call-timing.js';
import { type DebtorPrioritySignals, orderQueue, type QueueItem, toQueueItem } from './queue-priority.js';
import { mergeQueueEntries, type QueueEntry } from './queue-reasons.js';
import { assignDay, type Collector, type DayAssignment, type SkillLevel } from './routing.js';

export type QueueDebtor = {
  debtorId: string;
  /** Without `callbackAt`: the callback comes from the entries. */
  call: Omit<DebtorCallContext, 'callbackAt'>;
  signals: DebtorPrioritySignals;
  requiredLevel: SkillLevel;
  ownerId: string | null;
};

export type CallQueue = {
  items: QueueItem[];
  /** Entries whose debtor was not given (deleted meanwhile): the caller closes or ignores them. */
  unknownDebtorIds: string[];
};

export function buildCallQueue(input: {
  now: Temporal.Instant;
  entries: readonly QueueEntry[];
  debtors: ReadonlyMap<string, QueueDebtor>;
  settings: CallSettings;
}): CallQueue {
  const items: QueueItem[] = [];
  const unknownDebtorIds: string[] = [];
  const timer = callTimerAt(input.now, input.settings.timing);
  for (const entry of mergeQueueEntries(input.entries)) {
    const debtor = input.debtors.get(entry.debtorId);
    if (!debtor) {
      unknownDebtorIds.push(entry.debtorId);
      continue;
    }
    const context: DebtorCallContext = entry.callbackAt
      ? { ...debtor.call, callbackAt: entry.callbackAt }
      : debtor.call;
    const timing = timer.windowAt(context);
    // "Days late" counts in the debtor's own calendar day.
    const item = toQueueItem(entry, debtor.signals, timing, timing.localDate, input.settings.priority);
    const nextWindow = timing.verdict === 'wait' ? timer.nextWindow(context, 'acceptable') : undefined;
    items.push(nextWindow ? { ...item, nextWindow } : item);
  }
  return { items: orderQueue(items), unknownDebtorIds };
}

/** Wait reasons that hold for the whole local day: such a debtor is not planned today. */
const CLOSED_DAY_REASONS: ReadonlySet<WaitReason['code']> = new Set([
  'weekend',
  'public_holiday',
  'not_preferred_day',
]);

export type DayPlan = DayAssignment & { notToday: string[] };

/**
 * The day's plan: the queue's debtors handed to collectors by skill and load, in order of their
 * situation (`baseScore`), not of the moment the plan is made — the collector's own queue is then
 * re-ordered by `buildCallQueue` as the day goes on. Debtors that cannot be called at all today
 * (weekend, holiday, not the contact's day) are left for another day.
 */
export function planCallDay(
  queue: CallQueue,
  debtors: ReadonlyMap<string, QueueDebtor>,
  collectors: readonly Collector[],
): DayPlan {
  const isClosedToday = (item: QueueItem) => item.waitReasons.some((r) => CLOSED_DAY_REASONS.has(r.code));
  const notToday = queue.items.filter(isClosedToday).map((item) => item.debtorId);
  const bySituation = queue.items
    .filter((item) => !isClosedToday(item))
    .sort((a, b) => b.baseScore - a.baseScore || (a.debtorId < b.debtorId ? -1 : 1));
  const assignment = assignDay(
    bySituation.map((item) => ({
      debtorId: item.debtorId,
      requiredLevel: debtors.get(item.debtorId)?.requiredLevel ?? 'senior',
      ownerId: debtors.get(item.debtorId)?.ownerId ?? null,
    })),
    collectors,
  );
  return { ...assignment, notToday };
}
