import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar-date.js';
import { assessRegime, type OpenItem } from './claim-costs.js';

const d = (date: string) => date as CalendarDate;
const item = (invoiceNumber: string, principalCents: number, dueDate: string): OpenItem => ({
  invoiceNumber,
  principalCents,
  dueDate: d(dueDate),
  interestFrom: addDays(d(dueDate), 1),
});
const unpaid = (i: OpenItem) => i.principalCents;

describe('assessRegime', () => {
  const items = [
    item('A', 100_000, '2025-01-31'),
    item('B', 300_000, '2025-02-28'),
    item('C', 1_000, '2025-07-31'),
  ];

  it('NL B2B: one staffel line per late invoice, none for one not yet due', () => {
    const { costs } = assessRegime({ regime: 'NL_B2B' }, items, d('2025-06-30'), unpaid);
    expect(costs.lines.map((l) => [l.invoiceNumbers, l.baseCents, l.amountCents])).toEqual([
      [['A'], 100_000, 15_000],
      [['B'], 300_000, 42_500],
    ]);
    expect(costs.chargeableFrom).toBe('2025-02-01');
  });

  it('NL B2B: costs are chargeable from the first invoice that is actually late', () => {
    const paidOnTime = (i: OpenItem) => (i.invoiceNumber === 'A' ? 0 : i.principalCents);
    const { costs } = assessRegime({ regime: 'NL_B2B' }, items, d('2025-06-30'), paidOnTime);
    expect(costs).toMatchObject({ chargeableFrom: '2025-03-01', costsCents: 42_500 });
  });

  it('NL B2B: nothing before any due date has passed', () => {
    const { costs } = assessRegime({ regime: 'NL_B2B' }, items, d('2025-01-31'), unpaid);
    expect(costs).toMatchObject({ isChargeable: false, reason: 'NOT_YET_DUE', chargeableFrom: '2025-02-01' });
  });

  it('BE B2C: interest only on invoices the reminder covered, at the agreed rate, from the end of the wait', () => {
    const { interestFor, costs } = assessRegime(
      {
        regime: 'BE_B2C',
        reminder: { sentOn: d('2025-03-10'), channel: 'electronic', hasRequiredContent: true },
        contract: { damages: { kind: 'none' }, interestRateBps: 800, isReciprocal: true },
      },
      items,
      d('2025-06-30'),
      unpaid,
    );
    expect(items.map(interestFor)).toEqual([
      { from: '2025-03-25', agreedRateBps: 800 },
      { from: '2025-03-25', agreedRateBps: 800 },
      null,
    ]);
    expect(costs).toMatchObject({ isChargeable: false, reason: 'NO_DAMAGES_CLAUSE' });
  });
});
