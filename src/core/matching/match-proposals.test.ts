import { describe, expect, it } from 'vitest';
import type { OpenItem } from './allocation.js';
import { type MatchInput, type NamedInvoice, pickAutomaticMatch, proposeMatches } from './match-proposals.js';

const item = (id: string, openCents: number, overrides: Partial<OpenItem> = {}): OpenItem => ({
  id,
  debtorId: 'D1',
  number: id,
  kind: openCents < 0 ? 'credit_note' : 'invoice',
  openCents,
  totalCents: openCents,
  dueDate: '2026-02-01',
  ...overrides,
});
const byReference = (i: OpenItem, inText = false): NamedInvoice => ({
  item: i,
  via: 'reference',
  inText,
  keyLength: 12,
});
const byNumber = (i: OpenItem, keyLength = 8): NamedInvoice => ({
  item: i,
  via: 'invoice_number',
  inText: true,
  keyLength,
});
const input = (overrides: Partial<MatchInput>): MatchInput => ({
  amountCents: 10000,
  named: [],
  ibanDebtorIds: [],
  nameDebtors: [],
  openItemsOf: () => [],
  ...overrides,
});
const best = (i: MatchInput) => proposeMatches(i)[0];

describe('proposeMatches', () => {
  it('scores a structured reference with the exact amount 100, in the text 97', () => {
    expect(best(input({ named: [byReference(item('A', 10000))] }))).toEqual({
      debtorId: 'D1',
      allocations: [{ invoiceId: 'A', amountCents: 10000 }],
      score: 100,
      reasons: ['reference', 'amount_exact'],
    });
    expect(best(input({ named: [byReference(item('A', 10000), true)] }))?.score).toBe(97);
  });

  it('allocates a partial payment to the named invoice, an overpayment in full with a rest', () => {
    const partial = best(input({ amountCents: 4000, named: [byReference(item('A', 10000))] }));
    expect(partial).toMatchObject({ allocations: [{ invoiceId: 'A', amountCents: 4000 }], score: 95 });
    expect(partial?.reasons).toContain('partial_payment');
    const over = best(input({ amountCents: 12000, named: [byReference(item('A', 10000))] }));
    expect(over).toMatchObject({ allocations: [{ invoiceId: 'A', amountCents: 10000 }], score: 95 });
    expect(over?.reasons).toContain('overpayment');
  });

  it('finds the invoices among those named whose sum is the amount, and offsets a credit note', () => {
    const named = [byNumber(item('A', 10000)), byNumber(item('B', 2500)), byNumber(item('C', 700))];
    expect(best(input({ amountCents: 12500, named }))?.allocations).toEqual([
      { invoiceId: 'A', amountCents: 10000 },
      { invoiceId: 'B', amountCents: 2500 },
    ]);
    const note = item('CN', -1500);
    const withNote = best(
      input({ amountCents: 8500, named: [byReference(item('A', 10000))], openItemsOf: () => [note] }),
    );
    expect(withNote).toMatchObject({
      score: 98,
      reasons: ['reference', 'amount_exact', 'credit_note_offset'],
    });
    expect(withNote?.allocations).toEqual([
      { invoiceId: 'A', amountCents: 10000 },
      { invoiceId: 'CN', amountCents: -1500 },
    ]);
  });

  it('does not trust an invoice number alone when the amount does not fit, nor a short one', () => {
    const partial = best(input({ amountCents: 4000, named: [byNumber(item('A', 10000))] }));
    expect(partial?.score).toBe(82);
    expect(
      pickAutomaticMatch(
        proposeMatches(input({ amountCents: 4000, named: [byNumber(item('A', 10000))] })),
        90,
      ),
    ).toBeUndefined();
    expect(best(input({ named: [byNumber(item('A', 10000), 3)] }))?.score).toBe(82);
  });

  it('flags a reference to a paid invoice as already paid, with nothing to allocate', () => {
    const proposals = proposeMatches(input({ named: [byReference(item('A', 0, { totalCents: 10000 }))] }));
    expect(proposals).toEqual([
      { debtorId: 'D1', allocations: [], score: 50, reasons: ['reference', 'already_paid'] },
    ]);
    expect(pickAutomaticMatch(proposals, 40)).toBeUndefined();
  });

  it('lowers invoices named for several debtors unless exactly one fits', () => {
    const named = [byNumber(item('A', 10000)), byNumber(item('B', 9000, { debtorId: 'D2' }))];
    const proposals = proposeMatches(input({ named }));
    expect(proposals.map((p) => [p.debtorId, p.score])).toEqual([
      ['D1', 87],
      ['D2', 62],
    ]);
  });

  it('uses a known IBAN with an exact amount, and leaves two invoices of that amount to a person', () => {
    const items = [item('A', 10000), item('B', 5000, { dueDate: '2026-01-01' })];
    expect(best(input({ ibanDebtorIds: ['D1'], openItemsOf: () => items }))).toMatchObject({
      allocations: [{ invoiceId: 'A', amountCents: 10000 }],
      score: 90,
      reasons: ['iban_known', 'amount_exact'],
    });
    const twins = [item('A', 10000), item('B', 10000, { dueDate: '2026-01-01' })];
    expect(best(input({ ibanDebtorIds: ['D1'], openItemsOf: () => twins }))).toMatchObject({
      allocations: [{ invoiceId: 'B', amountCents: 10000 }],
      score: 70,
    });
  });

  it('only suggests by name, never at the default threshold', () => {
    const proposals = proposeMatches(
      input({ nameDebtors: [{ debtorId: 'D1', similarity: 0.9 }], openItemsOf: () => [item('A', 10000)] }),
    );
    expect(proposals[0]).toMatchObject({ score: 78, reasons: ['name', 'amount_exact'] });
    expect(pickAutomaticMatch(proposals, 90)).toBeUndefined();
  });
});
