import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, findExactCombination, type OpenItem } from './allocation.js';

const item = (id: string, openCents: number, dueDate: string): OpenItem => ({
  id,
  debtorId: 'D',
  number: id,
  kind: openCents < 0 ? 'credit_note' : 'invoice',
  openCents,
  totalCents: openCents,
  dueDate,
});

describe('allocation', () => {
  const items = [
    item('new', 5000, '2026-03-01'),
    item('old', 3000, '2026-01-01'),
    item('cn', -1000, '2026-02-01'),
  ];

  it('offsets credit notes, then pays the oldest invoice first, the last one partly', () => {
    expect(allocateOldestFirst(4000, items)).toEqual({
      allocations: [
        { invoiceId: 'cn', amountCents: -1000 },
        { invoiceId: 'old', amountCents: 3000 },
        { invoiceId: 'new', amountCents: 2000 },
      ],
      restCents: 0,
    });
  });

  it('leaves the rest of an overpayment unallocated', () => {
    expect(allocateOldestFirst(9000, items.slice(0, 2)).restCents).toBe(1000);
  });

  it('finds the largest combination that adds up exactly', () => {
    expect(findExactCombination(7000, items)?.map((i) => i.id)).toEqual(['old', 'cn', 'new']);
    expect(findExactCombination(2000, items)?.map((i) => i.id)).toEqual(['old', 'cn']);
    expect(findExactCombination(1234, items)).toBeUndefined();
  });
});
