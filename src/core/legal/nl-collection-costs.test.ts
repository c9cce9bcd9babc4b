import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import {
  calculateNlCollectionCosts,
  calculateVatOnCosts,
  calculateWikStaffel,
  NL_GENERAL_VAT_BPS,
} from './nl-collection-costs.js';
import type { FourteenDayLetter } from './nl-fourteen-day-letter.js';

const d = (date: string) => date as CalendarDate;

describe('calculateWikStaffel (Besluit art. 2, LEGAL.md §1.1)', () => {
  it.each([
    // principal cents, costs cents, limit
    [1, 4_000, 'minimum'],
    [10_000, 4_000, 'minimum'], // 15 % = €15 → minimum €40
    [26_666, 4_000, 'minimum'], // 39.999
    [26_667, 4_000, null], // 40.0005 → 40.00: the minimum stops binding here
    [26_670, 4_001, null], // 40.005 → 40.01 half-up (half-even would give 40.00)
    [123_456, 18_518, null], // 185.184
    [250_000, 37_500, null], // band boundaries: €2,500 → €375
    [300_000, 42_500, null], // 375 + 10 % of 500
    [300_005, 42_501, null], // 375 + 50.005 → 425.01
    [500_000, 62_500, null], // €5,000 → €625
    [1_000_000, 87_500, null], // €10,000 → €875
    [20_000_000, 277_500, null], // €200,000 → €2,775
    [99_999_999, 677_500, null], // 6774.99995 → 6775.00
    [100_000_000, 677_500, null], // €1,000,000 → €6,775, exactly the maximum
    [200_000_000, 677_500, 'maximum'],
  ] as const)('principal %i cents → %i cents (%s)', (principal, costs, limit) => {
    const staffel = calculateWikStaffel(principal);
    expect(staffel.costsCents).toBe(costs);
    expect(staffel.limit).toBe(limit);
  });

  it('shows each band with its rate', () => {
    expect(calculateWikStaffel(300_000).bands).toEqual([
      { fromCents: 0, amountCents: 250_000, rateBps: 1_500, costsCents: 37_500 },
      { fromCents: 250_000, amountCents: 50_000, rateBps: 1_000, costsCents: 5_000 },
    ]);
  });

  it('charges nothing on a principal of zero', () => {
    expect(calculateWikStaffel(0)).toMatchObject({ costsCents: 0, limit: null, bands: [] });
  });
});

describe('calculateVatOnCosts (Besluit art. 2 lid 3, LEGAL.md §1.2)', () => {
  it.each([
    [4_000, NL_GENERAL_VAT_BPS, 840], // €40 × 1.21 = €48.40
    [37_500, NL_GENERAL_VAT_BPS, 7_875],
    [18_518, NL_GENERAL_VAT_BPS, 3_889], // 38.8878 → 38.89
    [37_500, null, 0], // default: the creditor deducts VAT, none on top
  ])('%i cents at %s bps → %i cents VAT', (costs, bps, vat) => {
    expect(calculateVatOnCosts(costs, bps)).toBe(vat);
  });
});

describe('calculateNlCollectionCosts', () => {
  const letter: FourteenDayLetter = {
    sentOn: d('2025-04-03'),
    receivedOn: d('2025-04-04'),
    hasValidTermWording: true,
    statesCostAmount: true,
  };
  const consumer = { debtor: 'consumer' as const, principalCents: 25_000, letter };

  it.each([
    ['no letter', { ...consumer, letter: null, asOf: d('2025-06-01') }, 'NO_LETTER', null],
    [
      'wording "na dagtekening"',
      { ...consumer, letter: { ...letter, hasValidTermWording: false }, asOf: d('2025-06-01') },
      'TERM_WORDING_INVALID',
      '2025-04-23',
    ],
    [
      'no cost amount',
      { ...consumer, letter: { ...letter, statesCostAmount: false }, asOf: d('2025-06-01') },
      'COST_AMOUNT_NOT_STATED',
      '2025-04-23',
    ],
    ['term running (Atw-extended)', { ...consumer, asOf: d('2025-04-22') }, 'TERM_NOT_ENDED', '2025-04-23'],
    [
      'paid within the term',
      { ...consumer, principalCents: 0, asOf: d('2025-06-01') },
      'NOTHING_UNPAID',
      null,
    ],
    [
      'business before the day after the due date',
      {
        debtor: 'business' as const,
        principalCents: 10_000,
        dueDate: d('2025-03-31'),
        asOf: d('2025-03-31'),
      },
      'NOT_YET_DUE',
      '2025-04-01',
    ],
  ] as const)('%s: nothing, with the reason', (_label, input, reason, chargeableFrom) => {
    expect(calculateNlCollectionCosts(input)).toMatchObject({ isChargeable: false, reason, chargeableFrom });
  });

  it('consumer: chargeable the day after the fourteen-day term ends', () => {
    expect(calculateNlCollectionCosts({ ...consumer, asOf: d('2025-04-23') })).toMatchObject({
      isChargeable: true,
      chargeableFrom: '2025-04-23',
      costsCents: 4_000,
      vatCents: 0,
      totalCents: 4_000,
    });
  });

  it('business: €40 minimum without a letter, VAT only when not deductible', () => {
    const input = { debtor: 'business' as const, principalCents: 10_000, dueDate: d('2025-03-31') };
    expect(calculateNlCollectionCosts({ ...input, asOf: d('2025-04-01') })).toMatchObject({
      isChargeable: true,
      costsCents: 4_000,
      vatCents: 0,
    });
    expect(
      calculateNlCollectionCosts({
        ...input,
        asOf: d('2025-04-01'),
        nonDeductibleVatBps: NL_GENERAL_VAT_BPS,
      }),
    ).toMatchObject({ costsCents: 4_000, vatCents: 840, totalCents: 4_840 });
  });
});
