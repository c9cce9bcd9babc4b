import { describe, expect, it } from 'vitest';
import { calculateBeBusinessCompensation } from './be-business-late-payment.js';

describe('calculateBeBusinessCompensation (wet 2 augustus 2002 art. 6, LEGAL.md §3.1)', () => {
  it.each([
    // late invoices, documented costs, fixed, additional, total
    [1, undefined, 4_000, 0, 4_000],
    [3, undefined, 12_000, 0, 12_000],
    [3, 20_000, 12_000, 8_000, 20_000], // documented costs above the €40s
    [3, 5_000, 12_000, 0, 12_000], // below them: the fixed sums stay
    [0, 20_000, 0, 0, 0], // nothing is late
  ])('%i late, documented %s → %i + %i = %i', (lateInvoiceCount, documented, fixed, additional, total) => {
    expect(
      calculateBeBusinessCompensation({
        lateInvoiceCount,
        ...(documented === undefined ? {} : { documentedRecoveryCostsCents: documented }),
      }),
    ).toEqual({ fixedCents: fixed, additionalCents: additional, totalCents: total });
  });
});
