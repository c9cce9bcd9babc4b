import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { calculateInterest, type InterestInput, type InterestResult } from './statutory-interest.js';

// Expected totals were computed independently, day by day with exact fractions, under the
// LEGAL.md §2.3 conventions (act/365 unless stated, yearly interest rounded half-up, NL capitalised).
const d = (date: string) => date as CalendarDate;

function ok(result: InterestResult) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

const periodsOf = (input: InterestInput) =>
  ok(calculateInterest(input)).periods.map((p) => [
    p.from,
    p.to,
    p.days,
    p.rateBps,
    p.baseCents,
    p.interestCents,
  ]);

describe('calculateInterest totals', () => {
  it.each([
    [
      'NL handelsrente 2024, €10,000, act/365',
      'nl-commercial',
      1_000_000,
      '2024-01-01',
      '2024-12-31',
      'act/365',
      124_082,
    ],
    [
      'NL handelsrente 2024, €10,000, act/act',
      'nl-commercial',
      1_000_000,
      '2024-01-01',
      '2024-12-31',
      'act/act',
      123_743,
    ],
    [
      'NL wettelijke rente 2023–2024, €1,000',
      'nl-consumer',
      100_000,
      '2023-01-01',
      '2024-12-31',
      'act/365',
      12_379,
    ],
    [
      'NL wettelijke rente from mid-March, 2+ years',
      'nl-consumer',
      100_000,
      '2023-03-15',
      '2025-06-30',
      'act/365',
      14_813,
    ],
    [
      'NL handelsrente from 29 February',
      'nl-commercial',
      100_000,
      '2024-02-29',
      '2025-03-31',
      'act/365',
      13_255,
    ],
    [
      'BE 2023–2025, simple interest',
      'be-commercial',
      100_000,
      '2023-01-01',
      '2025-12-31',
      'act/365',
      34_786,
    ],
    ['one day', 'nl-commercial', 100_000, '2025-01-01', '2025-01-01', 'act/365', 31], // 30.55
    ['end before start', 'nl-commercial', 100_000, '2025-01-02', '2025-01-01', 'act/365', 0],
  ] as const)('%s → %i cents', (_label, kind, principalCents, from, to, dayCount, total) => {
    expect(
      ok(calculateInterest({ kind, principalCents, from: d(from), to: d(to), dayCount })).totalCents,
    ).toBe(total);
  });
});

describe('calculateInterest breakdown', () => {
  it('splits at rate changes; periods add up to the year rounded once', () => {
    // 62328.77 + 61753.42 = 124082.19 → 124082; the second line is 124082 − 62329.
    expect(
      periodsOf({
        kind: 'nl-commercial',
        principalCents: 1_000_000,
        from: d('2024-01-01'),
        to: d('2024-12-31'),
      }),
    ).toEqual([
      ['2024-01-01', '2024-06-30', 182, 1_250, 1_000_000, 62_329],
      ['2024-07-01', '2024-12-31', 184, 1_225, 1_000_000, 61_753],
    ]);
  });

  it('capitalises each year on its anniversary, counted from the first interest day (6:119 lid 2)', () => {
    const result = ok(
      calculateInterest({
        kind: 'nl-consumer',
        principalCents: 100_000,
        from: d('2023-03-15'),
        to: d('2025-06-30'),
      }),
    );
    expect(result.capitalisations).toEqual([
      { on: '2024-03-15', amountCents: 5_627 },
      { on: '2025-03-15', amountCents: 7_183 },
    ]);
    expect(
      result.periods.map((p) => [p.from, p.to, p.days, p.rateBps, p.baseCents, p.interestCents]),
    ).toEqual([
      ['2023-03-15', '2023-06-30', 108, 400, 100_000, 1_184],
      ['2023-07-01', '2023-12-31', 184, 600, 100_000, 3_024],
      ['2024-01-01', '2024-03-14', 74, 700, 100_000, 1_419],
      ['2024-03-15', '2024-06-30', 108, 700, 105_627, 2_188],
      ['2024-07-01', '2024-12-31', 184, 700, 105_627, 3_727],
      ['2025-01-01', '2025-03-14', 73, 600, 105_627, 1_268],
      ['2025-03-15', '2025-06-30', 108, 600, 112_810, 2_003],
    ]);
  });

  it('a year from 29 February ends on 27 February; the base grows on 28 February', () => {
    const result = ok(
      calculateInterest({
        kind: 'nl-commercial',
        principalCents: 100_000,
        from: d('2024-02-29'),
        to: d('2025-03-31'),
      }),
    );
    expect(result.capitalisations).toEqual([{ on: '2025-02-28', amountCents: 12_159 }]);
  });

  it('does not capitalise Belgian interest', () => {
    const result = ok(
      calculateInterest({
        kind: 'be-commercial',
        principalCents: 100_000,
        from: d('2023-01-01'),
        to: d('2025-12-31'),
      }),
    );
    expect(result.compounding).toBe('none');
    expect(result.capitalisations).toEqual([]);
    expect(new Set(result.periods.map((p) => p.baseCents))).toEqual(new Set([100_000]));
  });

  it('divides by 366 in a leap year under act/act', () => {
    expect(
      ok(
        calculateInterest({
          kind: 'nl-commercial',
          principalCents: 1_000_000,
          from: d('2024-01-01'),
          to: d('2024-12-31'),
          dayCount: 'act/act',
        }),
      ).periods.map((p) => [p.yearDays, p.interestCents]),
    ).toEqual([
      [366, 62_158],
      [366, 61_585],
    ]);
  });

  it('lowers the base from the day after a payment', () => {
    expect(
      periodsOf({
        kind: 'nl-commercial',
        principalCents: 100_000,
        from: d('2025-01-01'),
        to: d('2025-12-31'),
        payments: [{ date: d('2025-03-31'), amountCents: 40_000 }],
      }),
    ).toEqual([
      ['2025-01-01', '2025-03-31', 90, 1_115, 100_000, 2_749],
      ['2025-04-01', '2025-06-30', 91, 1_115, 60_000, 1_668],
      ['2025-07-01', '2025-12-31', 184, 1_015, 60_000, 3_070],
    ]);
  });

  it.each([
    [1_200, 1_050, 5_293], // agreed above the art. 5 rate: capped at 10.5 %
    [800, 800, 4_033],
  ])('agreed %i bps is used at %i bps → %i cents', (agreedRateBps, rateBps, total) => {
    const result = ok(
      calculateInterest({
        kind: 'be-commercial',
        principalCents: 100_000,
        from: d('2025-07-01'),
        to: d('2025-12-31'),
        agreedRateBps,
      }),
    );
    expect(result.periods.map((p) => p.rateBps)).toEqual([rateBps]);
    expect(result.totalCents).toBe(total);
  });
});

describe('calculateInterest at the edges of the rate table', () => {
  it('continues the last known rate after the table ends, and flags it', () => {
    const result = ok(
      calculateInterest({
        kind: 'nl-commercial',
        principalCents: 100_000,
        from: d('2026-05-01'),
        to: d('2026-09-30'),
      }),
    );
    expect(result.isRateExtrapolated).toBe(true);
    expect(result.rateKnownThrough).toBe('2026-06-30');
    expect(result.periods.map((p) => [p.from, p.to, p.rateBps, p.rateStatus, p.isRateExtrapolated])).toEqual([
      ['2026-05-01', '2026-06-30', 1_015, 'U', false],
      ['2026-07-01', '2026-09-30', 1_015, 'U', true],
    ]);
    expect(result.totalCents).toBe(4_255);
  });

  it('refuses a day before the table starts', () => {
    expect(
      calculateInterest({
        kind: 'nl-consumer',
        principalCents: 100_000,
        from: d('2010-01-01'),
        to: d('2025-12-31'),
      }),
    ).toMatchObject({ ok: false, code: 'NO_RATE_FOR_DATE', date: '2010-01-01' });
  });

  it('takes a replacement table', () => {
    const rates = {
      name: 'test',
      knownThrough: d('2030-12-31'),
      rows: [{ from: d('2020-01-01'), bps: 1_000, status: 'V' as const, source: 'test' }],
    };
    // 10 % on €3,650 for 365 days = €365.00
    expect(
      ok(
        calculateInterest({
          kind: 'nl-commercial',
          principalCents: 365_000,
          from: d('2025-01-01'),
          to: d('2025-12-31'),
          rates,
        }),
      ).totalCents,
    ).toBe(36_500);
  });
});
