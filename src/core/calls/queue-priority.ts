/**
 * The transparent priority of a debtor in the call queue. The score is the sum of its parts, and
 * every part is returned with its points and the figures behind it (codes and numbers, no
 * sentences) so the workbench can show "why this call" in the collector's language.
 *
 * "What" parts add points: the reasons (the strongest counts fully, each further reason for a
 * share), the overdue amount (on a log scale: €100 → 20, €1,000 → 30, €10,000 → 40), days late,
 * risk, broken promises, and a callback that is due right now. "When" parts scale that subtotal:
 * the timing factor of this moment (golden hours, weekday) and the debtor's own answer history at
 * this hour and weekday. Both are shown as points too, so the parts always add up to the score.
 * A debtor who cannot be called now (verdict `wait`) is not scaled: the item keeps the score of
 * its situation, its wait reasons say why not now, and the queue puts it after the callable ones.
 */
import type { Temporal } from 'temporal-polyfill';
import { type CalendarDate, daysBetween } from '../calendar-date.js';
import { assertNever } from '../errors.js';
import {
  type AnswerHistory,
  type AnswerHistorySettings,
  answerFactorAt,
  DEFAULT_ANSWER_HISTORY,
} from './answer-history.js';
import type { CallSlotKind, CallTiming, CallVerdict, CallWindow, WaitReason } from './call-timing.js';
import type { MergedQueueEntry, QueueReason } from './queue-reasons.js';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type QueuePrioritySettings = {
  reasonPoints: Readonly<Record<QueueReason, number>>;
  /** Each reason after the strongest adds this share of its points. */
  additionalReasonShareBps: number;
  /** Points per factor ten of the overdue amount in euros, capped. */
  overduePointsPerDecade: number;
  overdueMaxPoints: number;
  /** Points from a number of days late on (the highest band reached counts). */
  daysLateBands: readonly { fromDays: number; points: number }[];
  riskPoints: Readonly<Record<RiskLevel, number>>;
  pointsPerBrokenPromise: number;
  brokenPromisesMaxPoints: number;
  /** Pins a callback that is due now above everything else. */
  callbackDueNowPoints: number;
  answerHistory: AnswerHistorySettings;
};

export const DEFAULT_QUEUE_PRIORITY: QueuePrioritySettings = {
  reasonPoints: {
    callback: 60,
    broken_promise: 50,
    missed_instalment: 45,
    dunning_step: 30,
    dispute_resolved: 30,
    agreement_unconfirmed: 25,
    fast_growing_overdue: 25,
    large_overdue: 20,
    term_just_passed: 20,
    handover_review: 15,
    delivery_failed: 15,
  },
  additionalReasonShareBps: 2_500,
  overduePointsPerDecade: 10,
  overdueMaxPoints: 60,
  daysLateBands: [
    { fromDays: 1, points: 5 },
    { fromDays: 8, points: 10 },
    { fromDays: 31, points: 20 },
    { fromDays: 61, points: 30 },
    { fromDays: 91, points: 40 },
  ],
  riskPoints: { low: 0, medium: 10, high: 20 },
  pointsPerBrokenPromise: 15,
  brokenPromisesMaxPoints: 45,
  callbackDueNowPoints: 1_000,
  answerHistory: DEFAULT_ANSWER_HISTORY,
};

/** What the score knows about a debtor besides the reasons (columns of `debtors`, counts). */
export type DebtorPrioritySignals = {
  overdueCents: number;
  oldestOverdueDueDate: CalendarDate | null;
  riskLevel?: RiskLevel;
  /** Promises broken (or only partly kept) in the last twelve months. */
  brokenPromiseCount: number;
  answerHistory?: AnswerHistory;
};

export type PriorityPart =
  | { code: 'reason'; points: number; reason: QueueReason; isPrimary: boolean }
  | { code: 'overdue_amount'; points: number; overdueCents: number }
  | { code: 'days_late'; points: number; daysLate: number }
  | { code: 'risk'; points: number; riskLevel: RiskLevel }
  | { code: 'broken_promises'; points: number; count: number }
  | { code: 'callback_due_now'; points: number; callbackAt: string }
  | { code: 'timing'; points: number; factorBps: number; slot: CallSlotKind | null }
  | {
      code: 'answer_history';
      points: number;
      factorBps: number;
      hour: number;
      weekday: number;
      hourRateBps: number;
      weekdayRateBps: number;
      overallRateBps: number;
      attempts: number;
    };

export type PriorityScore = {
  /** What the debtor's situation is worth, whatever the moment (for planning a day). */
  baseScore: number;
  /** `baseScore` adjusted for this moment: the order of the queue now. */
  score: number;
  parts: PriorityPart[];
  /** The reasons strongest first; the first is the one to show in a list. */
  reasons: QueueReason[];
};

/** Scores one merged queue entry at the moment `timing` was computed for. */
export function scoreQueueItem(
  entry: MergedQueueEntry,
  signals: DebtorPrioritySignals,
  timing: CallTiming,
  today: CalendarDate,
  settings: QueuePrioritySettings = DEFAULT_QUEUE_PRIORITY,
): PriorityScore {
  const parts: PriorityPart[] = [];
  const reasons = [...entry.reasons].sort(
    (a, b) => settings.reasonPoints[b] - settings.reasonPoints[a] || (a < b ? -1 : a > b ? 1 : 0),
  );
  reasons.forEach((reason, index) => {
    const full = settings.reasonPoints[reason];
    const points = index === 0 ? full : Math.round((full * settings.additionalReasonShareBps) / 10_000);
    parts.push({ code: 'reason', points, reason, isPrimary: index === 0 });
  });

  if (signals.overdueCents > 0) {
    const euros = signals.overdueCents / 100;
    const points = Math.min(
      settings.overdueMaxPoints,
      Math.max(0, Math.round(Math.log10(Math.max(euros, 1)) * settings.overduePointsPerDecade)),
    );
    parts.push({ code: 'overdue_amount', points, overdueCents: signals.overdueCents });
  }
  if (signals.oldestOverdueDueDate) {
    const daysLate = daysBetween(signals.oldestOverdueDueDate, today);
    const band = settings.daysLateBands.findLast((b) => daysLate >= b.fromDays);
    if (band) parts.push({ code: 'days_late', points: band.points, daysLate });
  }
  if (signals.riskLevel && settings.riskPoints[signals.riskLevel] > 0) {
    parts.push({
      code: 'risk',
      points: settings.riskPoints[signals.riskLevel],
      riskLevel: signals.riskLevel,
    });
  }
  if (signals.brokenPromiseCount > 0) {
    const points = Math.min(
      settings.brokenPromisesMaxPoints,
      signals.brokenPromiseCount * settings.pointsPerBrokenPromise,
    );
    parts.push({ code: 'broken_promises', points, count: signals.brokenPromiseCount });
  }
  const isCallbackNow = timing.window?.kind === 'callback';
  if (isCallbackNow && timing.window) {
    const callbackAt = timing.window.start.toString();
    parts.push({ code: 'callback_due_now', points: settings.callbackDueNowPoints, callbackAt });
  }

  const baseScore = parts.reduce((sum, part) => sum + part.points, 0);
  const scale = (factorBps: number) => Math.round((baseScore * (factorBps - 10_000)) / 10_000);

  if (timing.verdict === 'wait') return { baseScore, score: baseScore, parts, reasons };
  parts.push({
    code: 'timing',
    points: scale(timing.timingFactorBps),
    factorBps: timing.timingFactorBps,
    slot: timing.window?.kind ?? null,
  });
  // An agreed callback time is not second-guessed by the answer history.
  if (!isCallbackNow && signals.answerHistory) {
    const local = timing.localTime;
    const factor = answerFactorAt(
      signals.answerHistory,
      { hour: local.hour, weekday: local.dayOfWeek },
      settings.answerHistory,
    );
    parts.push({
      code: 'answer_history',
      points: scale(factor.factorBps),
      hour: local.hour,
      weekday: local.dayOfWeek,
      ...factor,
    });
  }
  const score = parts.reduce((sum, part) => sum + part.points, 0);
  return { baseScore, score, parts, reasons };
}

export type QueueItem = PriorityScore & {
  debtorId: string;
  verdict: CallVerdict;
  /** The window the moment falls in (absent when waiting). */
  window?: CallWindow;
  /** When waiting: the next window that is at least acceptable, if one comes soon (buildCallQueue). */
  nextWindow?: CallWindow;
  waitReasons: WaitReason[];
  sourceIds: string[];
  callbackAt?: Temporal.Instant;
};

/** Builds the queue item of a debtor at a moment: merged entry + score + timing verdict. */
export function toQueueItem(
  entry: MergedQueueEntry,
  signals: DebtorPrioritySignals,
  timing: CallTiming,
  today: CalendarDate,
  settings: QueuePrioritySettings = DEFAULT_QUEUE_PRIORITY,
): QueueItem {
  const score = scoreQueueItem(entry, signals, timing, today, settings);
  return {
    ...score,
    debtorId: entry.debtorId,
    verdict: timing.verdict,
    ...(timing.window ? { window: timing.window } : {}),
    waitReasons: timing.reasons,
    sourceIds: entry.sourceIds,
    ...(entry.callbackAt ? { callbackAt: entry.callbackAt } : {}),
  };
}

const verdictRank = (verdict: CallVerdict): number => {
  switch (verdict) {
    case 'call':
    case 'acceptable':
      return 0;
    case 'wait':
      return 1;
    default:
      return assertNever(verdict, 'call verdict');
  }
};

/**
 * The order the collector works in: debtors callable now first, highest score first (the score
 * already carries how good this moment is, so the order is exactly what the parts explain);
 * debtors to wait for last, by their score, which for them is their situation (`baseScore`). Ties
 * go by debtor id so the order is stable between refreshes.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  const byVerdict = verdictRank(a.verdict) - verdictRank(b.verdict);
  if (byVerdict !== 0) return byVerdict;
  const byScore = b.score - a.score;
  if (byScore !== 0) return byScore;
  return a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0;
}

export const orderQueue = (items: readonly QueueItem[]): QueueItem[] => [...items].sort(compareQueueItems);
