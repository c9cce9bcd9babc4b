import { type Cents, cents } from '../money.js';

/**
 * BE B2B late payment, wet 2 augustus 2002 (LEGAL.md §3). Interest: `calculateInterest` with kind
 * 'be-commercial' (art. 5 semester rate, simple interest, due without ingebrekestelling).
 */

/** Art. 6: fixed recovery-cost compensation per late payment (Directive 2011/7 art. 6: "for each late payment"). */
export const BE_B2B_FIXED_COMPENSATION_CENTS = 4_000;

export type BeBusinessCompensation = {
  /** €40 × the number of late invoices. */
  fixedCents: Cents;
  /**
   * Documented recovery costs above the fixed sum ("redelijke schadeloosstelling voor alle
   * relevante invorderingskosten"). Reasonableness is for the court, so this is a claim to justify,
   * not a statutory amount. The exact Belgian article wording is [U] in LEGAL.md §3.1.
   */
  additionalCents: Cents;
  totalCents: Cents;
};

export function calculateBeBusinessCompensation(input: {
  lateInvoiceCount: number;
  /** All recovery costs actually incurred for these invoices (e.g. a collection agency's fee). */
  documentedRecoveryCostsCents?: number;
}): BeBusinessCompensation {
  if (!Number.isInteger(input.lateInvoiceCount) || input.lateInvoiceCount < 0) {
    throw new RangeError(`late invoice count must be a whole number ≥ 0: ${input.lateInvoiceCount}`);
  }
  const fixed = BE_B2B_FIXED_COMPENSATION_CENTS * input.lateInvoiceCount;
  const documented = input.lateInvoiceCount > 0 ? (input.documentedRecoveryCostsCents ?? 0) : 0;
  const additional = Math.max(0, documented - fixed);
  return {
    fixedCents: cents(fixed),
    additionalCents: cents(additional),
    totalCents: cents(fixed + additional),
  };
}
