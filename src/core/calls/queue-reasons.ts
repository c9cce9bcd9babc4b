/**
 * Why a debtor is in the call queue, and how several reasons for one debtor merge into a single
 * queue item (one call per debtor, not per invoice). Reasons come from stored call tasks (the
 * `call_task_reason` enum) and from the debtor's figures (`detectBalanceReasons`).
 */
import { Temporal } from 'temporal-polyfill';
import { type CalendarDate, daysBetween } from '../calendar-date.js';
import { CALL_TASK_REASONS } from '../dunning/enums.js';

export const QUEUE_REASONS = [
  ...CALL_TASK_REASONS,
  'large_overdue',
  'fast_growing_overdue',
  /** 001#2: an informal, friendly call as soon as the term has passed, before the first letter. */
  'term_just_passed',
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** One signal that a debtor should be called (a call task, a broken promise, a figure). */
export type QueueEntry = {
  debtorId: string;
  reason: QueueReason;
  /** The row behind it (call task, promise, plan, dispute), for the workbench to close afterwards. */
  sourceId?: string;
  /** For `callback`: the agreed moment. */
  callbackAt?: Temporal.Instant;
};

export type MergedQueueEntry = {
  debtorId: string;
  /** Distinct reasons, in the order of `QUEUE_REASONS` (the caller ranks them by points). */
  reasons: QueueReason[];
  sourceIds: string[];
  /** The earliest agreed callback, if any. */
  callbackAt?: Temporal.Instant;
};

/** Groups entries by debtor: one item per debtor, reasons deduplicated, the earliest callback kept. */
export function mergeQueueEntries(entries: readonly QueueEntry[]): MergedQueueEntry[] {
  const byDebtor = new Map<string, MergedQueueEntry>();
  for (const entry of entries) {
    let merged = byDebtor.get(entry.debtorId);
    if (!merged) {
      merged = { debtorId: entry.debtorId, reasons: [], sourceIds: [] };
      byDebtor.set(entry.debtorId, merged);
    }
    if (!merged.reasons.includes(entry.reason)) merged.reasons.push(entry.reason);
    if (entry.sourceId && !merged.sourceIds.includes(entry.sourceId)) merged.sourceIds.push(entry.sourceId);
    if (
      entry.callbackAt &&
      (!merged.callbackAt || Temporal.Instant.compare(entry.callbackAt, merged.callbackAt) < 0)
    ) {
      merged.callbackAt = entry.callbackAt;
    }
  }
  for (const merged of byDebtor.values()) {
    merged.reasons.sort((a, b) => QUEUE_REASONS.indexOf(a) - QUEUE_REASONS.indexOf(b));
  }
  return [...byDebtor.values()];
}

export type BalanceReasonSettings = {
  /** An overdue balance from this amount is a reason to call by itself. */
  largeOverdueCents: number;
  /** Growth of the overdue balance over `growthWindowDays`, in basis points of the old balance. */
  fastGrowthBps: number;
  /** …and at least this much in absolute terms, so €10 → €30 is not "fast-growing". */
  fastGrowthMinIncreaseCents: number;
  growthWindowDays: number;
  /** The informal call happens within this many days after the due date, before the first letter. */
  informalCallWithinDays: number;
  /**
   * A dispute resolved within this many days (today included) is a reason to call while something
   * is still open and nobody called since: the disputed amount is now simply due.
   */
  disputeResolvedWithinDays: number;
};

export const DEFAULT_BALANCE_REASONS: BalanceReasonSettings = {
  largeOverdueCents: 1_000_000,
  fastGrowthBps: 5_000,
  fastGrowthMinIncreaseCents: 100_000,
  growthWindowDays: 14,
  informalCallWithinDays: 3,
  disputeResolvedWithinDays: 7,
};

/** The debtor figures the balance reasons look at (the columns kept on `debtors`, plus history). */
export type DebtorBalanceFigures = {
  overdueCents: number;
  oldestOverdueDueDate: CalendarDate | null;
  /** The overdue balance `growthWindowDays` ago (from balance history); null when unknown. */
  overdueCentsBefore: number | null;
  /** Whether any reminder or letter has gone out for the current overdue items. */
  hasReminderSent: boolean;
  /** Whether the debtor's policy asks for the informal call (001#2) — a setting per policy. */
  wantsInformalCall: boolean;
};

/** The reasons that follow from the debtor's figures alone; the SQL queue applies the same rules. */
export function detectBalanceReasons(
  figures: DebtorBalanceFigures,
  today: CalendarDate,
  settings: BalanceReasonSettings = DEFAULT_BALANCE_REASONS,
): QueueReason[] {
  const reasons: QueueReason[] = [];
  if (figures.overdueCents <= 0) return reasons;
  if (figures.overdueCents >= settings.largeOverdueCents) reasons.push('large_overdue');
  if (figures.overdueCentsBefore !== null) {
    const increase = figures.overdueCents - figures.overdueCentsBefore;
    const isFast =
      increase >= settings.fastGrowthMinIncreaseCents &&
      (figures.overdueCentsBefore <= 0 ||
        increase * 10_000 >= figures.overdueCentsBefore * settings.fastGrowthBps);
    if (isFast) reasons.push('fast_growing_overdue');
  }
  if (figures.oldestOverdueDueDate && figures.wantsInformalCall && !figures.hasReminderSent) {
    const daysLate = daysBetween(figures.oldestOverdueDueDate, today);
    if (daysLate >= 1 && daysLate <= settings.informalCallWithinDays) {
      reasons.push('term_just_passed');
    }
  }
  return reasons;
}
