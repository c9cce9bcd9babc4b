/**
 * How likely the debtor is to pick up now, from the debtor's own earlier calls: the answer rate at
 * this local hour and on this weekday compared with the debtor's overall rate. Few calls say
 * little, so rates are pulled towards a prior worth `priorAttempts` calls: the overall rate towards
 * `priorRateBps`, the hour's and the weekday's towards the debtor's overall rate (so an hour never
 * tried is neutral).
 */

export type AnswerCount = { attempts: number; answered: number };

/** Counts of earlier call attempts by local hour (0–23) and ISO weekday (1–7), in the debtor's zone. */
export type AnswerHistory = {
  byHour: Readonly<Partial<Record<number, AnswerCount>>>;
  byWeekday: Readonly<Partial<Record<number, AnswerCount>>>;
};

export type AnswerHistorySettings = {
  priorAttempts: number;
  priorRateBps: number;
  minFactorBps: number;
  maxFactorBps: number;
};

export const DEFAULT_ANSWER_HISTORY: AnswerHistorySettings = {
  priorAttempts: 4,
  priorRateBps: 4_000,
  minFactorBps: 5_000,
  maxFactorBps: 15_000,
};

export type AnswerFactor = {
  /** 10 000 = as likely as usual for this debtor; clamped to the settings' range. */
  factorBps: number;
  hourRateBps: number;
  weekdayRateBps: number;
  overallRateBps: number;
  attempts: number;
};

/** The answer rate of a count in basis points, pulled towards `priorRateBps` as if `priorAttempts` more calls. */
export function smoothedRateBps(
  count: AnswerCount | undefined,
  priorAttempts: number,
  priorRateBps: number,
): number {
  const attempts = count?.attempts ?? 0;
  const answered = count?.answered ?? 0;
  return Math.round((answered * 10_000 + priorAttempts * priorRateBps) / (attempts + priorAttempts));
}

/** The answer factor at a local hour and weekday; neutral (10 000) without history. */
export function answerFactorAt(
  history: AnswerHistory | undefined,
  at: { hour: number; weekday: number },
  settings: AnswerHistorySettings = DEFAULT_ANSWER_HISTORY,
): AnswerFactor {
  const total: AnswerCount = { attempts: 0, answered: 0 };
  for (const count of Object.values(history?.byHour ?? {})) {
    if (!count) continue;
    total.attempts += count.attempts;
    total.answered += count.answered;
  }
  const { priorAttempts } = settings;
  const overallRateBps = smoothedRateBps(total, priorAttempts, settings.priorRateBps);
  const hourRateBps = smoothedRateBps(history?.byHour[at.hour], priorAttempts, overallRateBps);
  const weekdayRateBps = smoothedRateBps(history?.byWeekday[at.weekday], priorAttempts, overallRateBps);
  // A prior of 0 % and no answer ever leaves nothing to compare with: neutral.
  const raw =
    overallRateBps === 0
      ? 10_000
      : Math.round(((hourRateBps * weekdayRateBps) / overallRateBps ** 2) * 10_000);
  const factorBps = Math.min(settings.maxFactorBps, Math.max(settings.minFactorBps, raw));
  return { factorBps, hourRateBps, weekdayRateBps, overallRateBps, attempts: total.attempts };
}
