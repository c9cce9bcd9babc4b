import { describe, expect, it } from 'vitest';
import { answerFactorAt, DEFAULT_ANSWER_HISTORY, smoothedRateBps } from './answer-history.js';

describe('smoothedRateBps', () => {
  it.each([
    [undefined, 4_000], // no calls: the prior (40 %)
    [{ attempts: 4, answered: 4 }, 7_000], // (4 + 4 × 0.4) / 8
    [{ attempts: 4, answered: 0 }, 2_000],
    [{ attempts: 96, answered: 48 }, 4_960], // many calls: close to the real 50 %
  ])('%o → %i bps', (count, expected) => {
    expect(smoothedRateBps(count, 4, 4_000)).toBe(expected);
  });
});

describe('answerFactorAt', () => {
  it('is neutral without history', () => {
    expect(answerFactorAt(undefined, { hour: 10, weekday: 2 })).toEqual({
      factorBps: 10_000,
      hourRateBps: 4_000,
      weekdayRateBps: 4_000,
      overallRateBps: 4_000,
      attempts: 0,
    });
  });

  it('favours the hour and weekday at which this debtor picks up', () => {
    // Answers mornings (10 of 12 at 10:00), hardly ever at 14:00 (1 of 12); Tuesdays best.
    const history = {
      byHour: { 10: { attempts: 12, answered: 10 }, 14: { attempts: 12, answered: 1 } },
      byWeekday: { 2: { attempts: 12, answered: 8 }, 4: { attempts: 12, answered: 3 } },
    };
    const tuesdayMorning = answerFactorAt(history, { hour: 10, weekday: 2 });
    // overall (11 + 4 × 0.40) / 28 = 4500; hour (10 + 4 × 0.45) / 16 = 7375; weekday (8 + 1.8) / 16 = 6125
    expect(tuesdayMorning).toMatchObject({
      overallRateBps: 4_500,
      hourRateBps: 7_375,
      weekdayRateBps: 6_125,
    });
    expect(tuesdayMorning.factorBps).toBe(15_000); // 2.23 clamped to 1.5
    const thursdayAfternoon = answerFactorAt(history, { hour: 14, weekday: 4 });
    // hour (1 + 1.8) / 16 = 1750; weekday (3 + 1.8) / 16 = 3000 → 0.26, clamped to 0.5
    expect(thursdayAfternoon).toMatchObject({ hourRateBps: 1_750, weekdayRateBps: 3_000, factorBps: 5_000 });
    // An hour and a weekday never tried sit at the debtor's own rate: neutral.
    expect(answerFactorAt(history, { hour: 11, weekday: 3 }).factorBps).toBe(10_000);
  });

  it('stays neutral when the prior is zero and nobody ever answered', () => {
    const settings = { ...DEFAULT_ANSWER_HISTORY, priorRateBps: 0 };
    const history = { byHour: { 10: { attempts: 3, answered: 0 } }, byWeekday: {} };
    expect(answerFactorAt(history, { hour: 10, weekday: 1 }, settings).factorBps).toBe(10_000);
  });
});
