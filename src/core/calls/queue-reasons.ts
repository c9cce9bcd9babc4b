/**
 * Why a debtor is in the call queue, and how several reasons for one debtor merge into a single
 * queue item (one call per debtor, not per invoice). Reasons come from stored call tasks (the
 * `call_task_reason` enum) and from the debtor's figures (`detectBalanceReasons`).
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, type CalendarDate, daysBetween } from '../calendar-date.js';
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
  /** The overdue balance `growthWindowDays` ago (`overdueGrowth`); null when unknown. */
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

/** An invoice of the debtor (credit notes and written-off invoices left out) with the payments on it. */
export type OverdueHistoryInvoice = {
  dueDate: CalendarDate;
  /** Open now. */
  openCents: number;
  /** What was allocated to it, by the payment's date. */
  payments: readonly { date: CalendarDate; amountCents: number }[];
};

/**
 * The overdue balance now and `growthWindowDays` ago, as the ledger knows it now: no balance
 * history is kept, so the past one is rebuilt from due dates and payment dates. On a past day D an
 * invoice was overdue when it fell due before D, for what is open now plus what was paid on it from
 * D on. The increase is therefore what fell due in the window and is still open, less what was paid
 * in the window on what was overdue already.
 */
export function overdueGrowth(
  invoices: readonly OverdueHistoryInvoice[],
  today: CalendarDate,
  settings: Pick<BalanceReasonSettings, 'growthWindowDays'> = DEFAULT_BALANCE_REASONS,
): { overdueCents: number; overdueCentsBefore: number } {
  const before = addDays(today, -settings.growthWindowDays);
  let overdueCents = 0;
  let overdueCentsBefore = 0;
  for (const invoice of invoices) {
    if (invoice.dueDate < today) overdueCents += invoice.openCents;
    if (invoice.dueDate < before) {
      const paidSince = invoice.payments
        .filter((p) => p.date >= before)
        .reduce((sum, p) => sum + p.amountCents, 0);
      overdueCentsBefore += invoice.openCents + paidSince;
    }
  }
  return { overdueCents, overdueCentsBefore };
}

/**
 * A resolved dispute is a reason to call (the disputed amount is now simply due) within
 * `disputeResolvedWithinDays` days of its resolution (the day itself is day 0), while the debtor
 * still has something open and nobody called since.
 */
export function isDisputeFollowUpDue(
  dispute: { resolvedOn: CalendarDate; calledSince: boolean; debtorOpenCents: number },
  today: CalendarDate,
  settings: Pick<BalanceReasonSettings, 'disputeResolvedWithinDays'> = DEFAULT_BALANCE_REASONS,
): boolean {
  const days = daysBetween(dispute.resolvedOn, today);
  return (
    days >= 0 &&
    days <= settings.disputeResolvedWithinDays &&
    !dispute.calledSince &&
    dispute.debtorOpenCents > 0
  );
}
