import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar-date.js';
import type { OpenItem } from './claim-costs.js';
import {
  buildClaimStatement,
  type ClaimStatementInput,
  type ClaimStatementResult,
} from './claim-statement.js';
import { NL_GENERAL_VAT_BPS } from './nl-collection-costs.js';

// Interest figures computed independently, day by day with exact fractions (act/365).
const d = (date: string) => date as CalendarDate;
const item = (invoiceNumber: string, principalCents: number, dueDate: string): OpenItem => ({
  invoiceNumber,
  principalCents,
  dueDate: d(dueDate),
  interestFrom: addDays(d(dueDate), 1),
});

function statementOf(result: ClaimStatementResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.statement;
}

const summary = (input: ClaimStatementInput) => {
  const s = statementOf(buildClaimStatement(input));
  return {
    principal: s.principalCents,
    costs: s.costs.costsCents,
    vat: s.costs.vatCents,
    interest: s.invoices.map((i) => i.interestCents),
    payments: s.paymentsCents,
    balance: s.balanceCents,
  };
};

describe('NL B2C', () => {
  const input: ClaimStatementInput = {
    regime: 'NL_B2C',
    asOf: d('2025-06-30'),
    items: [
      item('INV-1', 10_000, '2025-01-15'),
      item('INV-2', 20_000, '2025-02-15'),
      item('INV-3', 5_000, '2025-03-20'),
    ],
    // Paid within the term: the costs are on the unpaid part (HR 25-11-2016 (d)).
    payments: [{ invoiceNumber: 'INV-1', date: d('2025-03-10'), amountCents: 5_000 }],
    letter: {
      sentOn: d('2025-03-03'),
      receivedOn: d('2025-03-04'),
      hasValidTermWording: true,
      statesCostAmount: true,
    },
  };

  it('sums the claims in the letter, costs on the unpaid principal, 6 % wettelijke rente', () => {
    // base 50 + 200 = €250 → 15 % = €37.50 → minimum €40; INV-3 was not yet in verzuim when the letter went.
    expect(summary(input)).toEqual({
      principal: 35_000,
      costs: 4_000,
      vat: 0,
      interest: [181, 444, 84],
      payments: 5_000,
      balance: 35_000 + 4_000 + 709 - 5_000,
    });
    const s = statementOf(buildClaimStatement(input));
    expect(s.costs).toMatchObject({
      chargeableFrom: '2025-03-19',
      lines: [{ invoiceNumbers: ['INV-1', 'INV-2'], baseCents: 25_000 }],
    });
    expect(
      s.invoices[0]?.interest?.periods.map((p) => [p.from, p.to, p.days, p.baseCents, p.interestCents]),
    ).toEqual([
      ['2025-01-16', '2025-03-10', 54, 10_000, 89],
      ['2025-03-11', '2025-06-30', 112, 5_000, 92],
    ]);
    expect(s.invoices[0]).toMatchObject({ paidCents: 5_000, outstandingPrincipalCents: 5_000 });
  });

  it.each([
    ['the term is still running', { asOf: d('2025-03-18') }, 'TERM_NOT_ENDED', '2025-03-19'],
    ['no letter', { letter: null }, 'NO_LETTER', null],
    [
      'a letter before verzuim',
      {
        letter: {
          sentOn: d('2025-01-10'),
          receivedOn: null,
          hasValidTermWording: true,
          statesCostAmount: true,
        },
      },
      'LETTER_BEFORE_VERZUIM',
      null,
    ],
  ] as const)('no costs when %s, with the reason', (_label, change, reason, chargeableFrom) => {
    const s = statementOf(buildClaimStatement({ ...input, ...change } as ClaimStatementInput));
    expect(s.costs).toMatchObject({ isChargeable: false, reason, chargeableFrom, costsCents: 0 });
    expect(s.costs.message).toBeTruthy();
  });
});

describe('NL B2B', () => {
  const input: ClaimStatementInput = {
    regime: 'NL_B2B',
    asOf: d('2025-06-30'),
    items: [
      item('A-1', 100_000, '2025-01-31'),
      item('A-2', 300_000, '2025-02-28'),
      item('A-3', 50_000, '2025-07-31'),
    ],
    payments: [],
  };

  it('staffel per late invoice (€150 + €425), handelsrente, no VAT by default', () => {
    expect(summary(input)).toEqual({
      principal: 450_000,
      costs: 57_500,
      vat: 0,
      interest: [4_582, 11_181, 0],
      payments: 0,
      balance: 450_000 + 57_500 + 15_763,
    });
  });

  it('aggregated on request (€4,000 → €525) and with non-deductible VAT', () => {
    expect(
      summary({ ...input, costBasis: 'aggregated', nonDeductibleVatBps: NL_GENERAL_VAT_BPS }),
    ).toMatchObject({
      costs: 52_500,
      vat: 11_025,
    });
    expect(summary({ ...input, nonDeductibleVatBps: NL_GENERAL_VAT_BPS })).toMatchObject({
      costs: 57_500,
      vat: 12_075,
    });
  });

  it('an invoice paid on its due date is not late', () => {
    const paid = {
      ...input,
      payments: [{ invoiceNumber: 'A-1', date: d('2025-01-31'), amountCents: 100_000 }],
    };
    expect(summary(paid)).toMatchObject({ costs: 42_500, interest: [0, 11_181, 0], payments: 100_000 });
  });
});

describe('BE B2B', () => {
  it('€40 per late invoice, documented costs above them, semester rates', () => {
    const input: ClaimStatementInput = {
      regime: 'BE_B2B',
      asOf: d('2025-09-30'),
      items: [item('B-1', 200_000, '2025-05-31'), item('B-2', 50_000, '2025-06-15')],
      payments: [],
      documentedRecoveryCostsCents: 15_000,
    };
    expect(summary(input)).toEqual({
      principal: 250_000,
      costs: 15_000, // 2 × €40 + €70
      vat: 0,
      interest: [7_184, 1_560], // 11.5 % to 30 June, 10.5 % after
      payments: 0,
      balance: 250_000 + 15_000 + 8_744,
    });
  });
});

describe('BE B2C', () => {
  const input: ClaimStatementInput = {
    regime: 'BE_B2C',
    asOf: d('2025-12-31'),
    items: [item('C-1', 40_000, '2025-09-01')],
    payments: [],
    reminder: { sentOn: d('2025-09-10'), channel: 'electronic', hasRequiredContent: true },
    contract: { damages: { kind: 'statutory-maximum' }, interestRateBps: 1_200, isReciprocal: true },
  };

  it('capped damages (€30 + 10 % of €250) and interest capped at 10.5 % from the end of the waiting period', () => {
    expect(summary(input)).toEqual({
      principal: 40_000,
      costs: 5_500,
      vat: 0,
      interest: [1_128],
      payments: 0,
      balance: 40_000 + 5_500 + 1_128,
    });
    const s = statementOf(buildClaimStatement(input));
    expect(s.invoices[0]?.interest?.periods.map((p) => [p.from, p.rateBps])).toEqual([['2025-09-25', 1_050]]);
  });

  it('an SME creditor counts interest from the day after the reminder', () => {
    expect(summary({ ...input, isCreditorSme: true }).interest).toEqual([1_289]);
  });

  it('nothing during the waiting period', () => {
    const s = statementOf(buildClaimStatement({ ...input, asOf: d('2025-09-24') }));
    expect(s.costs).toMatchObject({ reason: 'WAITING_PERIOD_RUNNING', chargeableFrom: '2025-09-25' });
    expect(s.invoices[0]?.interest).toBeNull();
    expect(s.interestNote).toContain('waiting period');
    expect(s.balanceCents).toBe(40_000);
  });
});

describe('issues and warnings', () => {
  const base: ClaimStatementInput = {
    regime: 'NL_B2B',
    asOf: d('2026-09-30'),
    items: [item('X-1', 100_000, '2026-04-30')],
    payments: [],
  };

  it('flags interest at an extrapolated rate and payments after the date', () => {
    const s = statementOf(
      buildClaimStatement({
        ...base,
        payments: [{ invoiceNumber: 'X-1', date: d('2026-10-01'), amountCents: 1 }],
      }),
    );
    expect(s.warnings.map((w) => w.code)).toEqual(['PAYMENT_AFTER_AS_OF', 'RATE_EXTRAPOLATED']);
    expect(s.paymentsCents).toBe(0);
  });

  it.each([
    ['UNKNOWN_INVOICE', { payments: [{ invoiceNumber: 'NOPE', date: d('2026-05-01'), amountCents: 100 }] }],
    ['DUPLICATE_INVOICE', { items: [item('X-1', 1, '2026-04-30'), item('X-1', 2, '2026-04-30')] }],
    ['NO_RATE_FOR_DATE', { items: [item('OLD', 100_000, '2009-12-31')] }],
  ] as const)('refuses to total with %s', (code, change) => {
    const result = buildClaimStatement({ ...base, ...change } as ClaimStatementInput);
    expect(result).toMatchObject({ ok: false, issues: [{ code }] });
  });
});
