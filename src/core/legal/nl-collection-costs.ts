import { addDays, type CalendarDate } from '../calendar-date.js';
import { applyBasisPoints, type Cents, cents } from '../money.js';
import {
  assessFourteenDayLetter,
  type FourteenDayLetter,
  type FourteenDayTerm,
} from './nl-fourteen-day-letter.js';

/**
 * NL buitengerechtelijke incassokosten: art. 6:96 BW and the Besluit vergoeding voor
 * buitengerechtelijke incassokosten (WIK), LEGAL.md §1.
 */

/** Besluit art. 2 lid 2 (LEGAL.md §1.1). */
export const WIK_MINIMUM_CENTS = 4_000;
/** Besluit art. 2 lid 1, last band "met een maximum van € 6775", reached at a principal of €1,000,000. */
export const WIK_MAXIMUM_CENTS = 677_500;
/** The general VAT rate of art. 9 lid 1 Wet OB 1968 — 21 % is [U] in LEGAL.md §1.2 / §8 item 10. */
export const NL_GENERAL_VAT_BPS = 2_100;

/** Besluit art. 2 lid 1: the band's upper limit in cents (null: no limit) and its rate. */
const WIK_BANDS: readonly { upToCents: number | null; bps: number }[] = [
  { upToCents: 250_000, bps: 1_500 },
  { upToCents: 500_000, bps: 1_000 },
  { upToCents: 1_000_000, bps: 500 },
  { upToCents: 20_000_000, bps: 100 },
  { upToCents: null, bps: 50 },
];

export type WikBandLine = { fromCents: Cents; amountCents: Cents; rateBps: number; costsCents: Cents };

export type WikStaffel = {
  principalCents: Cents;
  bands: WikBandLine[];
  /** Sum of the bands before the minimum and maximum. */
  staffelCents: Cents;
  costsCents: Cents;
  limit: 'minimum' | 'maximum' | null;
};

/**
 * The WIK staffel on a principal (hoofdsom, without interest — LEGAL.md §1.1). The Besluit has no
 * rounding rule; we round the exact amount half-up to the cent. Every full band is a whole number
 * of cents, so rounding the one partial band equals rounding the exact total once.
 * A principal of zero or less is no claim and costs nothing.
 */
export function calculateWikStaffel(principalCents: number): WikStaffel {
  const principal = cents(principalCents);
  const bands: WikBandLine[] = [];
  let lower = 0;
  for (const band of WIK_BANDS) {
    if (principal <= lower) break;
    const upper = band.upToCents === null ? principal : Math.min(principal, band.upToCents);
    const amount = upper - lower;
    bands.push({
      fromCents: cents(lower),
      amountCents: cents(amount),
      rateBps: band.bps,
      costsCents: applyBasisPoints(amount, band.bps),
    });
    lower = upper;
  }
  const staffel = bands.reduce((sum, line) => sum + line.costsCents, 0);
  if (principal <= 0) {
    return { principalCents: principal, bands, staffelCents: cents(0), costsCents: cents(0), limit: null };
  }
  // Compare the exact staffel (in 1/10,000 cent), so €266.66 (39.999) counts as held up by the minimum.
  const exact = bands.reduce((sum, line) => sum + BigInt(line.amountCents) * BigInt(line.rateBps), 0n);
  const limit =
    exact < BigInt(WIK_MINIMUM_CENTS) * 10_000n
      ? 'minimum'
      : exact > BigInt(WIK_MAXIMUM_CENTS) * 10_000n
        ? 'maximum'
        : null;
  const costs = Math.min(Math.max(staffel, WIK_MINIMUM_CENTS), WIK_MAXIMUM_CENTS);
  return { principalCents: principal, bands, staffelCents: cents(staffel), costsCents: cents(costs), limit };
}

/**
 * Besluit art. 2 lid 3 (LEGAL.md §1.2): VAT is added only when the creditor uses a VAT-charged
 * collection service, cannot deduct that VAT and declares both. Pass the rate only then; the
 * default is no VAT. Rounded half-up to the cent.
 */
export function calculateVatOnCosts(costsCents: number, nonDeductibleVatBps: number | null): Cents {
  return nonDeductibleVatBps === null ? cents(0) : applyBasisPoints(costsCents, nonDeductibleVatBps);
}

export type NlCostsInput = {
  /**
   * The base (LEGAL.md §1.1, §1.3): principal only, no interest. For a consumer, the sum of all
   * claims dunned in the letter (art. 6:96 lid 7) that is still unpaid when the term ends (HR (d)).
   * For a business, the unpaid principal of one claim (or a sum, if the caller aggregates).
   */
  principalCents: number;
  asOf: CalendarDate;
  nonDeductibleVatBps?: number | null;
} & (
  | { debtor: 'consumer'; letter: FourteenDayLetter | null }
  | { debtor: 'business'; dueDate: CalendarDate }
);

export type NlCostsBlock =
  | 'NO_LETTER'
  | 'TERM_WORDING_INVALID'
  | 'COST_AMOUNT_NOT_STATED'
  | 'TERM_NOT_ENDED'
  | 'NOT_YET_DUE'
  | 'NOTHING_UNPAID';

export type NlCostsResult =
  | {
      isChargeable: true;
      chargeableFrom: CalendarDate;
      term: FourteenDayTerm | null;
      staffel: WikStaffel;
      costsCents: Cents;
      vatCents: Cents;
      totalCents: Cents;
    }
  | {
      isChargeable: false;
      reason: NlCostsBlock;
      message: string;
      /** When they would become chargeable, if known. */
      chargeableFrom: CalendarDate | null;
      term: FourteenDayTerm | null;
    };

/**
 * Consumer: only after a valid fourteen-day letter whose term has passed (art. 6:96 lid 5–6).
 * Business: at least €40 from the day after the last payment day, without a letter (lid 4);
 * the staffel is the default measure of reasonable costs (LEGAL.md §1.4).
 */
export function calculateNlCollectionCosts(input: NlCostsInput): NlCostsResult {
  let chargeableFrom: CalendarDate;
  let term: FourteenDayTerm | null = null;
  if (input.debtor === 'consumer') {
    const assessment = assessFourteenDayLetter(input.letter, input.asOf);
    if (!assessment.isChargeable) {
      const { reason, message } = assessment;
      term = assessment.term;
      return { isChargeable: false, reason, message, chargeableFrom: term?.chargeableFrom ?? null, term };
    }
    term = assessment.term;
    chargeableFrom = term.chargeableFrom;
  } else {
    chargeableFrom = addDays(input.dueDate, 1);
    if (input.asOf < chargeableFrom) {
      const message = `not overdue until ${chargeableFrom} (art. 6:96 lid 4 BW)`;
      return { isChargeable: false, reason: 'NOT_YET_DUE', message, chargeableFrom, term };
    }
  }
  if (input.principalCents <= 0) {
    const message = 'no principal was unpaid when the costs became due';
    return { isChargeable: false, reason: 'NOTHING_UNPAID', message, chargeableFrom: null, term };
  }
  const staffel = calculateWikStaffel(input.principalCents);
  const vatCents = calculateVatOnCosts(staffel.costsCents, input.nonDeductibleVatBps ?? null);
  return {
    isChargeable: true,
    chargeableFrom,
    term,
    staffel,
    costsCents: staffel.costsCents,
    vatCents,
    totalCents: cents(staffel.costsCents + vatCents),
  };
}
