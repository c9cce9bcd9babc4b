import { describe, expect, it } from 'vitest';
import type { MatchInvoice } from '../../api-types.ts';
import { amountForInput, centsToAmount, checkSplit, defaultAmount, normaliseAmount } from './split.ts';

const invoice = (open: string): MatchInvoice => ({
  id: `id-${open}`,
  number: `F-${open}`,
  kind: open.startsWith('-') ? 'credit_note' : 'invoice',
  status: 'open',
  debtorId: 'd',
  debtorName: 'D',
  debtorNumber: 'K1',
  paymentReference: null,
  dueDate: '2026-03-01',
  total: open,
  open,
});

describe('split editor arithmetic', () => {
  it('reads amounts with a point or a Dutch comma, refuses text', () => {
    expect(['1210.5', '1.210,50', '1 210,50', '-20,00', '12.3.4', 'abc'].map(normaliseAmount)).toEqual([
      '1210.5',
      '1210.50',
      '1210.50',
      '-20.00',
      null,
      null,
    ]);
    expect([0n, 5n, -1999n, 121000n].map(centsToAmount)).toEqual(['0.00', '0.05', '-19.99', '1210.00']);
    expect([amountForInput('-1210.50', 'nl'), amountForInput('1210.50', 'en')]).toEqual([
      '-1210,50',
      '1210.50',
    ]);
    expect(normaliseAmount(amountForInput('1210.50', 'fr'))).toBe('1210.50');
  });

  it('balances only when the lines add up exactly to what is left, credit notes included', () => {
    const lines = [
      { invoice: invoice('100.00'), amount: '100,00' },
      { invoice: invoice('-20.00'), amount: '-20.00' },
      { invoice: invoice('50.00'), amount: '19.99' },
    ];
    expect(checkSplit(lines, '99.99')).toEqual({
      totalCents: 9999n,
      restCents: 0n,
      invalid: [],
      isBalanced: true,
    });
    expect(checkSplit(lines, '100.00')).toMatchObject({ restCents: 1n, isBalanced: false });
    expect(checkSplit([{ invoice: invoice('1.00'), amount: 'x' }], '1.00')).toMatchObject({ invalid: [0] });
  });

  it('proposes the rest of the payment, at most the open amount; a credit note in full', () => {
    expect(defaultAmount(invoice('100.00'), 4250n)).toBe('42.50');
    expect(defaultAmount(invoice('100.00'), 50000n)).toBe('100.00');
    expect(defaultAmount(invoice('100.00'), -5n)).toBe('0.00');
    expect(defaultAmount(invoice('-20.00'), 100n)).toBe('-20.00');
  });
});
