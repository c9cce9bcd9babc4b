import { describe, expect, it } from 'vitest';
import type { PaymentToMatch } from '../../api-types.ts';
import { paymentCandidates, resemblesName } from './payment-candidates.ts';

const payment = (values: Partial<PaymentToMatch>): PaymentToMatch => ({
  id: values.id ?? 'p',
  date: '2026-03-10',
  amount: values.unallocated ?? '10.00',
  unallocated: '10.00',
  currency: 'EUR',
  status: 'unmatched',
  counterpartyName: null,
  counterpartyIban: null,
  reference: null,
  remittance: null,
  debtorId: null,
  allocations: [],
  suggestions: [],
  ...values,
});

const sheet = {
  debtor: { id: 'debtor-1', name: 'Installatiebedrijf Zuiderduin B.V.' },
  openInvoices: [
    { kind: 'invoice', open: '1250.50' },
    { kind: 'credit_note', open: '-50.00' },
  ],
} as Parameters<typeof paymentCandidates>[1];

describe('the bank payments that may be the debtor’s', () => {
  it('matches a telling word of the name, not the legal form', () => {
    expect(resemblesName('ZUIDERDUIN INSTALLATIE', 'Installatiebedrijf Zuiderduin B.V.')).toBe(true);
    expect(resemblesName('Bakkerij Zon B.V.', 'Installatiebedrijf Zuiderduin B.V.')).toBe(false);
    expect(resemblesName('Société Générale SA', 'Garage Général SPRL')).toBe(false);
    expect(resemblesName('Garage Générale', 'Garage Dupont SPRL')).toBe(true);
    expect(resemblesName(null, 'Garage Dupont')).toBe(false);
  });

  it('keeps payments linked or suggested for the debtor, of an open amount, or from a similar name', () => {
    const found = paymentCandidates(
      [
        payment({ id: 'linked', debtorId: 'debtor-1' }),
        payment({
          id: 'suggested',
          suggestions: [
            {
              rank: 1,
              score: 40,
              reasons: [],
              debtorId: 'debtor-1',
              debtorName: null,
              invoices: [],
              allocations: [],
            },
          ],
        }),
        payment({ id: 'amount', unallocated: '1250.50' }),
        payment({ id: 'name', counterpartyName: 'H. ZUIDERDUIN' }),
        payment({ id: 'credit amount', unallocated: '-50.00' }),
        payment({ id: 'other', counterpartyName: 'Bakkerij Zon', unallocated: '99.00' }),
      ],
      sheet,
    );
    expect(found.map((p) => p.id)).toEqual(['linked', 'suggested', 'amount', 'name']);
  });
});
