import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from './enums.js';
import { deriveInvoiceStatus, type InvoiceEvent, transitionInvoice } from './invoice-status.js';

const invoice = (openCents: number, totalCents = 10000) => ({
  kind: 'invoice' as const,
  totalCents,
  openCents,
});

describe('deriveInvoiceStatus', () => {
  it.each([
    [invoice(10000), 'open'],
    [invoice(2500), 'partially_paid'],
    [invoice(0), 'paid'],
    [{ kind: 'credit_note' as const, totalCents: -1500, openCents: -1500 }, 'open'],
    [{ kind: 'credit_note' as const, totalCents: -1500, openCents: -500 }, 'partially_paid'],
    [{ kind: 'credit_note' as const, totalCents: -1500, openCents: 0 }, 'paid'],
  ])('%o → %s', (amounts, status) => {
    expect(deriveInvoiceStatus(amounts)).toBe(status);
  });
});

describe('transitionInvoice', () => {
  const cases: [InvoiceStatus, InvoiceEvent, InvoiceStatus | { refused: string }][] = [
    ['open', { type: 'payment_allocated', amounts: invoice(4000), hasOpenDispute: false }, 'partially_paid'],
    ['open', { type: 'payment_allocated', amounts: invoice(0), hasOpenDispute: false }, 'paid'],
    ['partially_paid', { type: 'payment_allocated', amounts: invoice(0), hasOpenDispute: false }, 'paid'],
    ['disputed', { type: 'payment_allocated', amounts: invoice(4000), hasOpenDispute: true }, 'disputed'],
    ['disputed', { type: 'payment_allocated', amounts: invoice(0), hasOpenDispute: true }, 'paid'],
    [
      'handed_over',
      { type: 'payment_allocated', amounts: invoice(4000), hasOpenDispute: false },
      'handed_over',
    ],
    ['handed_over', { type: 'payment_allocated', amounts: invoice(0), hasOpenDispute: false }, 'paid'],
    [
      'written_off',
      { type: 'payment_allocated', amounts: invoice(0), hasOpenDispute: false },
      { refused: 'the invoice has been written off' },
    ],
    ['written_off', { type: 'amounts_changed', amounts: invoice(500), hasOpenDispute: false }, 'written_off'],
    ['paid', { type: 'amounts_changed', amounts: invoice(500), hasOpenDispute: false }, 'partially_paid'],
    ['open', { type: 'dispute_opened' }, 'disputed'],
    ['partially_paid', { type: 'dispute_opened' }, 'disputed'],
    ['disputed', { type: 'dispute_opened' }, 'disputed'],
    ['paid', { type: 'dispute_opened' }, { refused: 'the invoice is paid' }],
    ['written_off', { type: 'dispute_opened' }, { refused: 'the invoice has been written off' }],
    ['handed_over', { type: 'dispute_opened' }, { refused: 'the invoice has been handed over' }],
    ['disputed', { type: 'dispute_closed', amounts: invoice(10000), hasOpenDispute: false }, 'open'],
    ['disputed', { type: 'dispute_closed', amounts: invoice(3000), hasOpenDispute: false }, 'partially_paid'],
    ['disputed', { type: 'dispute_closed', amounts: invoice(0), hasOpenDispute: false }, 'paid'],
    ['disputed', { type: 'dispute_closed', amounts: invoice(3000), hasOpenDispute: true }, 'disputed'],
    ['paid', { type: 'dispute_closed', amounts: invoice(0), hasOpenDispute: false }, 'paid'],
    ['open', { type: 'written_off' }, 'written_off'],
    ['paid', { type: 'written_off' }, { refused: 'the invoice is paid' }],
    ['disputed', { type: 'handed_over' }, 'handed_over'],
    ['written_off', { type: 'handed_over' }, { refused: 'the invoice is written off' }],
  ];
  it.each(cases)('%s + %o → %o', (current, event, expected) => {
    const result = transitionInvoice(current, event);
    if (typeof expected === 'string') expect(result).toEqual({ ok: true, status: expected });
    else expect(result).toEqual({ ok: false, reason: expected.refused });
  });
});
