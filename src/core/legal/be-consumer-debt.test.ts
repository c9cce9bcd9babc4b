import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import {
  assessBeConsumerCharges,
  type BeConsumerContract,
  calculateBeConsumerDamages,
  capBeConsumerDamages,
  computeBeWaitingPeriod,
} from './be-consumer-debt.js';

const d = (date: string) => date as CalendarDate;

describe('capBeConsumerDamages (Boek XIX, LEGAL.md §4.1)', () => {
  it.each([
    [0, 0],
    [10_000, 2_000],
    [15_000, 2_000], // ≤ €150 → €20
    [15_001, 3_000], // the jump at €150.01 → €30.00
    [15_005, 3_001], // 30 + 0.005 → 30.01 half-up
    [30_000, 4_500], // 30 + 10 % of 150
    [50_000, 6_500], // €500 → €65
    [50_001, 6_500],
    [100_000, 9_000], // 65 + 5 % of 500
    [3_919_980, 199_999],
    [3_920_000, 200_000], // the €2,000 maximum is reached at €39,200
    [5_000_000, 200_000],
  ])('balance %i cents → at most %i cents', (balance, cap) => {
    expect(capBeConsumerDamages(balance)).toBe(cap);
  });
});

describe('calculateBeConsumerDamages', () => {
  it.each([
    [{ kind: 'statutory-maximum' }, 4_500, null],
    [{ kind: 'fixed', amountCents: 5_000 }, 4_500, 'cap'],
    [{ kind: 'fixed', amountCents: 3_000 }, 3_000, null],
    [{ kind: 'none' }, 0, 'no-clause'],
  ] as const)('%j on €300 → %i cents', (clause, damages, limitedBy) => {
    expect(calculateBeConsumerDamages(30_000, clause)).toMatchObject({
      capCents: 4_500,
      damagesCents: damages,
      limitedBy,
    });
  });
});

describe('computeBeWaitingPeriod', () => {
  it.each([
    ['electronic', '2025-09-01', '2025-09-02', '2025-09-15', '2025-09-16'], // the day after sending
    ['post', '2025-10-31', '2025-11-05', '2025-11-18', '2025-11-19'], // Sat 1 Nov holiday, Sun → Mon, Tue, Wed
    ['post', '2025-07-17', '2025-07-23', '2025-08-05', '2025-08-06'], // Fri, (weekend, 21 July) Tue, Wed
  ] as const)('%s reminder sent %s: %s … %s, charges from %s', (channel, sentOn, from, to, chargeable) => {
    expect(computeBeWaitingPeriod({ channel, sentOn: d(sentOn) })).toEqual({
      termFrom: from,
      termTo: to,
      chargeableFrom: chargeable,
    });
  });
});

describe('assessBeConsumerCharges', () => {
  const reminder = { sentOn: d('2025-09-10'), channel: 'electronic' as const, hasRequiredContent: true };
  const contract: BeConsumerContract = {
    damages: { kind: 'statutory-maximum' },
    interestRateBps: 1_200,
    isReciprocal: true,
  };

  it.each([
    [null, contract, '2025-12-31', 'NO_REMINDER'],
    [{ ...reminder, hasRequiredContent: false }, contract, '2025-12-31', 'REMINDER_INCOMPLETE'],
    [reminder, { ...contract, isReciprocal: false }, '2025-12-31', 'CLAUSE_NOT_RECIPROCAL'],
    [reminder, contract, '2025-09-24', 'WAITING_PERIOD_RUNNING'],
  ])('%# not chargeable: %s', (r, c, asOf, reason) => {
    expect(assessBeConsumerCharges({ reminder: r, contract: c, asOf: d(asOf) })).toMatchObject({
      isChargeable: false,
      reason,
    });
  });

  it.each([
    [false, '2025-09-25'], // after the waiting period
    [true, '2025-09-11'], // SME creditor: from the day after the reminder was sent
  ])('SME %s: interest from %s', (isCreditorSme, interestFrom) => {
    expect(
      assessBeConsumerCharges({ reminder, contract, asOf: d('2025-09-25'), isCreditorSme }),
    ).toMatchObject({
      isChargeable: true,
      interestFrom,
    });
  });
});
