import { describe, expect, it } from 'vitest';
import { instalmentReferences } from './instalment-references.js';

// Valid references: an OGM and an RF creditor reference.
const OGM = '090933755493';
const RF = 'RF18539007547034';

describe('instalmentReferences', () => {
  it('gives each instalment the reference of the invoice it falls on, and names the invoices it spans', () => {
    const invoices = [
      { number: 'F-1', openCents: 30000, paymentReference: RF },
      { number: 'F-2', openCents: 20000, paymentReference: null },
      { number: 'F-3', openCents: 10000, paymentReference: OGM },
    ];
    const references = instalmentReferences(invoices, [
      { amountCents: 15000 },
      { amountCents: 15000 },
      { amountCents: 15000 },
      { amountCents: 5000 },
      { amountCents: 10000 },
    ]);
    expect(references).toEqual([
      { kind: 'structured', display: 'RF18 5390 0754 7034', compact: RF },
      { kind: 'structured', display: 'RF18 5390 0754 7034', compact: RF },
      { kind: 'text', text: 'F-2' },
      { kind: 'text', text: 'F-2' },
      { kind: 'structured', display: '+++090/9337/55493+++', compact: OGM },
    ]);
    expect(instalmentReferences(invoices, [{ amountCents: 40000 }, { amountCents: 20000 }])).toEqual([
      { kind: 'text', text: 'F-1 F-2' },
      { kind: 'text', text: 'F-2 F-3' },
    ]);
  });

  it('names the invoice when its reference is not a valid structured one', () => {
    expect(
      instalmentReferences(
        [{ number: '2026-7', openCents: 100, paymentReference: '123' }],
        [{ amountCents: 100 }],
      ),
    ).toEqual([{ kind: 'text', text: '2026-7' }]);
  });
});
