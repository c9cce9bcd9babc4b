import { describe, expect, it } from 'vitest';
import { invoiceNumberKey, paymentReferenceKey } from './keys.js';

describe('matching keys', () => {
  it.each([
    ['F2024-00123', '202400123'],
    ['factuur 2024 00123', '202400123'],
    ['nr. 202400123', '202400123'],
    ['Factuurnr: 2024-00123', '202400123'],
    ['INV-000042', '42'],
    ['inv 42', '42'],
    ['000042', '42'],
    ['2026/A-17', '2026A17'],
    ['FACTUUR', null],
    ['---', null],
  ])('invoice number %s → %s', (text, key) => {
    expect(invoiceNumberKey(text)).toBe(key);
  });

  it('compacts payment references the way invoices store them', () => {
    expect(paymentReferenceKey('+++000/0000/04242+++')).toBe('000000004242');
    expect(paymentReferenceKey('rf18 5390 0754 7034')).toBe('RF18539007547034');
    expect(paymentReferenceKey(' / ')).toBeNull();
  });
});
